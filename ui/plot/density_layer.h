// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// DensityLayer: stars on a plot, drawn as points while there are few and as a 2-D
// histogram image (with the frame's colour bar) above a star count, where points would
// only overplot. Views that have a binned product (core/diagnostics) pass the ready grid.
#include "ui/plot/density_grid.h"
#include "ui/plot/point_binning.h"

#include <QString>
#include <cstddef>
#include <optional>
#include <span>

class QCPColorMap;
class QCPGraph;

namespace starlocus::ui {

class PlotFrame;

class DensityLayer {
public:
    explicit DensityLayer(PlotFrame* frame);
    DensityLayer(const DensityLayer&) = delete;
    DensityLayer& operator=(const DensityLayer&) = delete;

    // Draws a ready grid as the image (NaN cells transparent); false if the grid is
    // not valid (then nothing changes).
    bool setGrid(const DensityGrid& grid);

    // Points: up to densityThreshold() they are drawn one by one; above it they are
    // binned on binCounts() cells over their range and drawn as the image instead.
    // Bins given here replace the points' full range (e.g. a percentile range that
    // leaves a few outliers out).
    void setPoints(std::span<const double> x, std::span<const double> y, std::optional<BinSpec> xBins = {},
                   std::optional<BinSpec> yBins = {});
    void setDensityThreshold(std::size_t stars) { threshold_ = stars; }
    std::size_t densityThreshold() const { return threshold_; }
    void setBinCounts(std::size_t nx, std::size_t ny);

    // Logarithmic colour scale (counts spanning decades); on by default.
    void setLogarithmic(bool logarithmic);
    // The colour bar's title while the image is shown, and the legend's name.
    void setValueTitle(const QString& title);
    void setName(const QString& name);

    void clear();
    bool showsDensity() const;
    bool showsPoints() const;
    QCPColorMap* image() const { return image_; }
    QCPGraph* points() const { return points_; }

    // Re-applies colours after the frame's theme or colour map changed.
    void restyle();

private:
    void showImage(bool show);

    PlotFrame* frame_;
    QCPColorMap* image_;
    QCPGraph* points_;
    QString valueTitle_;
    std::size_t threshold_ = 2000;
    std::size_t binsX_ = 120;
    std::size_t binsY_ = 120;
    bool logarithmic_ = true;
};

} // namespace starlocus::ui
