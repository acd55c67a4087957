// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// MarginalMapPlot: one 2-D marginal of a star's posterior (an off-diagonal panel of the
// corner plot) on the shared PlotFrame: the binned density (peak 1, linear colour) as the
// frame's density image, the medians as a thin cross-hair, the MAP point as a cross and
// the catalog values (when known) as a star in the highlight colour. The colour bar is left
// out: a corner plot's panels are small, and the colour is only relative density.
#include "ui/inference/posterior_quantity.h"
#include "ui/plot/plot_frame.h"

class QCPGraph;
class QCPItemStraightLine;

namespace starlocus::ui {

class MarginalMapPlot : public PlotFrame {
    Q_OBJECT
  public:
    MarginalMapPlot(PosteriorQuantity x, PosteriorQuantity y, QWidget* parent = nullptr);

    PosteriorQuantity xQuantity() const { return x_; }
    PosteriorQuantity yQuantity() const { return y_; }
    void setResult(const StarFitResult& result);
    void clearResult();
    bool hasData() const;

    QCPGraph* mapPoint() const { return map_; }
    QCPGraph* referencePoint() const { return reference_; }

  private:
    void restyle();
    void applyTexts(PlotFrame& frame);

    PosteriorQuantity x_, y_;
    QCPItemStraightLine* medianX_;
    QCPItemStraightLine* medianY_;
    QCPGraph* map_;
    QCPGraph* reference_;
    bool hasData_ = false;
};

// The 2-D marginal of the pair (x, y) in `m` (Teff–log g, Teff–[Fe/H], μ–E); null otherwise.
const core::PosteriorMarginals::Map* marginalMapOf(const core::PosteriorMarginals& m, PosteriorQuantity x,
                                                   PosteriorQuantity y);

} // namespace starlocus::ui
