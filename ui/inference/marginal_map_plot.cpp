// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/inference/marginal_map_plot.h"

#include "ui/inference/marginal_plot.h"
#include "ui/plot/density_layer.h"

#include <algorithm>
#include <cmath>

namespace starlocus::ui {

const core::PosteriorMarginals::Map* marginalMapOf(const core::PosteriorMarginals& m, PosteriorQuantity x,
                                                   PosteriorQuantity y) {
    using Q = PosteriorQuantity;
    if (x == Q::Teff && y == Q::LogG)
        return &m.teffLogg;
    if (x == Q::Teff && y == Q::FeH)
        return &m.teffFeh;
    if (x == Q::Mu && y == Q::Reddening)
        return &m.muReddening;
    return nullptr;
}

namespace {

// Core's map, [ix * ny + iy] with densities per unit area, as the density layer's grid
// (rows of x cells), normalised to peak 1; empty cells transparent.
DensityGrid densityGridOf(const core::PosteriorMarginals::Map& map) {
    DensityGrid grid;
    const std::size_t nx = map.x.density.size(), ny = map.y.density.size();
    if (nx == 0 || ny == 0 || map.density.size() != nx * ny || !(map.x.max > map.x.min) ||
        !(map.y.max > map.y.min))
        return grid;
    for (std::size_t i = 0; i <= nx; ++i)
        grid.xEdges.push_back(map.x.min + (map.x.max - map.x.min) * double(i) / double(nx));
    for (std::size_t i = 0; i <= ny; ++i)
        grid.yEdges.push_back(map.y.min + (map.y.max - map.y.min) * double(i) / double(ny));
    const double peak = *std::max_element(map.density.begin(), map.density.end());
    grid.values.resize(nx * ny);
    for (std::size_t ix = 0; ix < nx; ++ix)
        for (std::size_t iy = 0; iy < ny; ++iy) {
            const double v = map.density[ix * ny + iy];
            // Below 10⁻³ of the peak a cell holds no visible mass: show the background.
            grid.values[iy * nx + ix] = peak > 0.0 && v > 1e-3 * peak ? v / peak : std::nan("");
        }
    return grid;
}

} // namespace

MarginalMapPlot::MarginalMapPlot(PosteriorQuantity x, PosteriorQuantity y, QWidget* parent)
    : PlotFrame(parent), x_(x), y_(y) {
    setObjectName(QStringLiteral("marginalMap%1%2").arg(int(x)).arg(int(y)));
    setMinimumSize(160, 140);
    setMagnitudeAxes(quantityAxisReversed(x, false), quantityAxisReversed(y, true));
    xAxis->ticker()->setTickCount(4); // a small panel: fewer, readable tick labels
    yAxis->ticker()->setTickCount(4);
    DensityLayer* layer = densityLayer();
    layer->setLogarithmic(false); // posterior density, linear as in every corner plot
    medianX_ = new QCPItemStraightLine(this);
    medianY_ = new QCPItemStraightLine(this);
    map_ = addGraph();
    reference_ = addGraph();
    for (QCPGraph* g : {map_, reference_}) {
        g->setLineStyle(QCPGraph::lsNone);
        g->removeFromLegend();
    }
    clearResult();
    connect(this, &PlotFrame::styleChanged, this, &MarginalMapPlot::restyle);
    restyle();
    setTextSource([this](PlotFrame& frame) { applyTexts(frame); });
}

void MarginalMapPlot::setResult(const StarFitResult& result) {
    const core::PosteriorMarginals::Map* map = marginalMapOf(result.marginals, x_, y_);
    const DensityGrid grid = map ? densityGridOf(*map) : DensityGrid{};
    if (!grid.isValid()) {
        clearResult();
        return;
    }
    DensityLayer* layer = densityLayer();
    layer->setGrid(grid);
    colorBar()->attach(nullptr); // see the header: no colour bar in a corner panel
    hasData_ = true;
    const core::StarPosterior& p = result.posterior;
    placeLine(medianX_, intervalOf(p, x_).median, true);
    placeLine(medianY_, intervalOf(p, y_).median, false);
    map_->setData(QVector<double>{mapValueOf(p, x_)}, QVector<double>{mapValueOf(p, y_)}, true);
    const double rx = referenceOf(result.request.reference, x_),
                 ry = referenceOf(result.request.reference, y_);
    if (std::isfinite(rx) && std::isfinite(ry))
        reference_->setData(QVector<double>{rx}, QVector<double>{ry}, true);
    else
        reference_->data()->clear();
    // Home: the map's extent, widened to a catalog value just outside it.
    double x0 = map->x.min, x1 = map->x.max, y0 = map->y.min, y1 = map->y.max;
    auto widen = [](double& lo, double& hi, double v) {
        const double span = hi - lo;
        if (!std::isfinite(v))
            return;
        if (v < lo && v > lo - span)
            lo = v - 0.05 * span;
        if (v > hi && v < hi + span)
            hi = v + 0.05 * span;
    };
    if (std::isfinite(rx) && std::isfinite(ry)) {
        widen(x0, x1, rx);
        widen(y0, y1, ry);
    }
    setHomeRanges(QCPRange(x0, x1), QCPRange(y0, y1));
}

void MarginalMapPlot::clearResult() {
    densityLayer()->clear();
    hasData_ = false;
    medianX_->setVisible(false);
    medianY_->setVisible(false);
    map_->data()->clear();
    reference_->data()->clear();
}

bool MarginalMapPlot::hasData() const {
    return hasData_;
}

void MarginalMapPlot::restyle() {
    const PlotPalette& palette = plotPalette();
    QColor hair = palette.ink;
    hair.setAlpha(150);
    for (QCPItemStraightLine* line : {medianX_, medianY_})
        line->setPen(QPen(hair, 1.0, Qt::DashLine));
    map_->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCross, QPen(palette.ink, 2.0), Qt::NoBrush, 11));
    reference_->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssStar, QPen(palette.highlight, 2.0),
                                                QBrush(palette.highlight), 14));
}

void MarginalMapPlot::applyTexts(PlotFrame& frame) {
    frame.setAxisTitles(quantityAxisTitle(x_), quantityAxisTitle(y_));
    frame.densityLayer()->setValueTitle(tr("posterior density (peak 1)"));
    setToolTip(
        tr("Posterior of %1 and %2 (colour: density, peak 1): dashed lines the medians, × the MAP point, "
           "★ the catalog values")
            .arg(quantitySymbol(x_), quantitySymbol(y_)));
}

} // namespace starlocus::ui
