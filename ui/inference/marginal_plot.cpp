// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/inference/marginal_plot.h"

#include <algorithm>
#include <cmath>

namespace starlocus::ui {

void placeLine(QCPItemStraightLine* line, double at, bool vertical) {
    line->setVisible(std::isfinite(at));
    if (!std::isfinite(at))
        return;
    if (vertical) {
        line->point1->setCoords(at, 0.0);
        line->point2->setCoords(at, 1.0);
    } else {
        line->point1->setCoords(0.0, at);
        line->point2->setCoords(1.0, at);
    }
}

MarginalPlot::MarginalPlot(PosteriorQuantity quantity, QWidget* parent)
    : PlotFrame(parent), quantity_(quantity) {
    setObjectName(QStringLiteral("marginalPlot%1").arg(int(quantity)));
    // A corner plot has many small panels: smaller than the frame's default minimum.
    setMinimumSize(140, 110);
    setMagnitudeAxes(quantityAxisReversed(quantity, false), false);
    // The density is relative (peak 1): its numbers carry nothing, its shape everything.
    yAxis->setTickLabels(false);
    xAxis->ticker()->setTickCount(3); // a narrow panel: fewer, readable tick labels
    yAxis->setRange(0.0, 1.08);
    setInteractions(QCP::iRangeDrag | QCP::iRangeZoom);
    axisRect()->setRangeDrag(Qt::Horizontal);
    axisRect()->setRangeZoom(Qt::Horizontal);

    interval_ = addGraph();
    density_ = addGraph();
    for (QCPGraph* g : {interval_, density_}) {
        g->setLineStyle(QCPGraph::lsStepCenter);
        g->removeFromLegend();
    }
    median_ = new QCPItemStraightLine(this);
    map_ = new QCPItemStraightLine(this);
    reference_ = new QCPItemStraightLine(this);
    clearResult();
    connect(this, &PlotFrame::styleChanged, this, &MarginalPlot::restyle);
    restyle();
    setTextSource([this](PlotFrame& frame) { applyTexts(frame); });
}

void MarginalPlot::setResult(const StarFitResult& result) {
    const core::PosteriorMarginals::Axis& axis = marginalOf(result.marginals, quantity_);
    const core::PosteriorInterval& interval = intervalOf(result.posterior, quantity_);
    const std::size_t n = axis.density.size();
    if (n == 0 || !(axis.max > axis.min)) {
        clearResult();
        return;
    }
    const double peak = *std::max_element(axis.density.begin(), axis.density.end());
    const double width = (axis.max - axis.min) / double(n);
    QVector<double> x, y, xi, yi;
    x.reserve(qsizetype(n));
    y.reserve(qsizetype(n));
    for (std::size_t i = 0; i < n; ++i) {
        const double centre = axis.min + (double(i) + 0.5) * width;
        const double value = peak > 0.0 ? axis.density[i] / peak : 0.0;
        x.push_back(centre);
        y.push_back(value);
        // The shaded interval: the bins whose centre lies within 16–84 %.
        if (centre >= interval.lower && centre <= interval.upper) {
            xi.push_back(centre);
            yi.push_back(value);
        }
    }
    density_->setData(x, y, true);
    interval_->setData(xi, yi, true);
    placeLine(median_, interval.median, true);
    placeLine(map_, mapValueOf(result.posterior, quantity_), true);
    placeLine(reference_, referenceOf(result.request.reference, quantity_), true);
    // The home view: the marginal's range, widened to show a catalog value just outside it.
    double lo = axis.min, hi = axis.max;
    if (const double ref = referenceOf(result.request.reference, quantity_); std::isfinite(ref)) {
        const double span = hi - lo;
        if (ref < lo && ref > lo - span)
            lo = ref - 0.05 * span;
        if (ref > hi && ref < hi + span)
            hi = ref + 0.05 * span;
    }
    setHomeRanges(QCPRange(lo, hi), QCPRange(0.0, 1.08));
}

void MarginalPlot::clearResult() {
    density_->data()->clear();
    interval_->data()->clear();
    for (QCPItemStraightLine* line : {median_, map_, reference_})
        line->setVisible(false);
}

bool MarginalPlot::hasData() const {
    return !density_->data()->isEmpty();
}

void MarginalPlot::restyle() {
    const PlotPalette& palette = plotPalette();
    QColor fill = palette.series1;
    fill.setAlpha(40);
    density_->setPen(QPen(palette.series1, 1.5));
    density_->setBrush(QBrush(fill));
    QColor band = palette.series1;
    band.setAlpha(110);
    interval_->setPen(Qt::NoPen);
    interval_->setBrush(QBrush(band));
    median_->setPen(QPen(palette.ink, 1.5));
    map_->setPen(QPen(palette.ink, 1.2, Qt::DotLine));
    reference_->setPen(QPen(palette.highlight, 2.0, Qt::DashLine));
}

void MarginalPlot::applyTexts(PlotFrame& frame) {
    frame.setAxisTitles(quantityAxisTitle(quantity_), tr("p (peak 1)"));
    setToolTip(
        tr("Posterior of %1: shaded 16–84 %, solid line the median, dotted the MAP, dashed the catalog value")
            .arg(quantitySymbol(quantity_)));
}

} // namespace starlocus::ui
