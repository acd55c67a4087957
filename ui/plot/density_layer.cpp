// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/plot/density_layer.h"

#include "ui/plot/plot_frame.h"

#include <qcustomplot.h>

#include <algorithm>
#include <cmath>
#include <limits>

namespace starlocus::ui {

DensityLayer::DensityLayer(PlotFrame* frame)
    : frame_(frame), image_(new QCPColorMap(frame->xAxis, frame->yAxis)), points_(frame->addGraph()) {
    image_->setInterpolate(false); // a histogram: sharp cells
    image_->setTightBoundary(true);
    image_->setVisible(false);
    image_->removeFromLegend();
    points_->setLineStyle(QCPGraph::lsNone);
    points_->setVisible(false);
    points_->removeFromLegend();
    // On the grid layer, after the grid lines: filled cells hide them, empty ones show
    // them; every curve and marker of the view (main layer) stays on top.
    image_->setLayer(QStringLiteral("grid"));
    points_->setLayer(QStringLiteral("grid"));
    restyle();
}

void DensityLayer::setBinCounts(std::size_t nx, std::size_t ny) {
    binsX_ = std::max<std::size_t>(nx, 1);
    binsY_ = std::max<std::size_t>(ny, 1);
}

void DensityLayer::setLogarithmic(bool logarithmic) {
    logarithmic_ = logarithmic;
    image_->setDataScaleType(logarithmic ? QCPAxis::stLogarithmic : QCPAxis::stLinear);
    if (showsDensity())
        frame_->colorBar()->setLogarithmic(logarithmic);
}

void DensityLayer::setValueTitle(const QString& title) {
    valueTitle_ = title;
    if (showsDensity())
        frame_->colorBar()->setTitle(title);
}

void DensityLayer::setName(const QString& name) {
    image_->setName(name);
    points_->setName(name);
}

bool DensityLayer::setGrid(const DensityGrid& grid) {
    if (!grid.isValid())
        return false;
    const std::size_t nx = grid.nx(), ny = grid.ny();
    QCPColorMapData* data = image_->data();
    data->setSize(int(nx), int(ny));
    // QCPColorMapData takes the centres of the first and last cells.
    const double dx = (grid.xEdges.back() - grid.xEdges.front()) / double(nx);
    const double dy = (grid.yEdges.back() - grid.yEdges.front()) / double(ny);
    data->setRange(QCPRange(grid.xEdges.front() + 0.5 * dx, grid.xEdges.back() - 0.5 * dx),
                   QCPRange(grid.yEdges.front() + 0.5 * dy, grid.yEdges.back() - 0.5 * dy));
    double lo = std::numeric_limits<double>::infinity(), hi = -lo;
    for (std::size_t iy = 0; iy < ny; ++iy)
        for (std::size_t ix = 0; ix < nx; ++ix) {
            double v = grid.at(ix, iy);
            if (logarithmic_ && !(v > 0.0))
                v = std::numeric_limits<double>::quiet_NaN(); // no log of 0: an empty cell
            data->setCell(int(ix), int(iy), v);
            if (std::isfinite(v)) {
                lo = std::min(lo, v);
                hi = std::max(hi, v);
            }
        }
    if (!(lo <= hi)) {
        lo = logarithmic_ ? 1.0 : 0.0;
        hi = lo + 1.0;
    } else if (hi == lo) {
        hi = logarithmic_ ? lo * 10.0 : lo + 1.0;
    }
    image_->setDataScaleType(logarithmic_ ? QCPAxis::stLogarithmic : QCPAxis::stLinear);
    showImage(true);
    image_->setDataRange(QCPRange(lo, hi));
    points_->data()->clear();
    points_->setVisible(false);
    points_->removeFromLegend();
    return true;
}

void DensityLayer::setPoints(std::span<const double> x, std::span<const double> y, std::optional<BinSpec> xBins,
                             std::optional<BinSpec> yBins) {
    const std::size_t n = std::min(x.size(), y.size());
    if (n > threshold_) {
        const DensityGrid grid = binPoints(x.first(n), y.first(n), xBins ? *xBins : spanningBins(x.first(n), binsX_),
                                           yBins ? *yBins : spanningBins(y.first(n), binsY_));
        setGrid(grid);
        return;
    }
    QVector<double> keys, values;
    keys.reserve(qsizetype(n));
    values.reserve(qsizetype(n));
    for (std::size_t i = 0; i < n; ++i)
        if (std::isfinite(x[i]) && std::isfinite(y[i])) {
            keys.push_back(x[i]);
            values.push_back(y[i]);
        }
    points_->setData(keys, values);
    points_->setVisible(true);
    if (!points_->name().isEmpty())
        points_->addToLegend();
    showImage(false);
}

void DensityLayer::clear() {
    points_->data()->clear();
    points_->setVisible(false);
    points_->removeFromLegend();
    image_->data()->clear();
    showImage(false);
}

bool DensityLayer::showsDensity() const { return image_->visible(); }

bool DensityLayer::showsPoints() const { return points_->visible(); }

void DensityLayer::showImage(bool show) {
    image_->setVisible(show);
    ColorBar* bar = frame_->colorBar();
    if (show) {
        bar->setLogarithmic(logarithmic_);
        bar->setTitle(valueTitle_);
        bar->attach(image_);
    } else if (bar->isShown()) {
        bar->attach(nullptr);
    }
}

void DensityLayer::restyle() {
    image_->setGradient(colorGradient(frame_->colorMap()));
    const PlotPalette& palette = frame_->plotPalette();
    points_->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDisc, palette.points, palette.points, 3));
}

} // namespace starlocus::ui
