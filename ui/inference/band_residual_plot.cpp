// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/inference/band_residual_plot.h"

#include "core/bands/band_registry.h"
#include "ui/inference/marginal_plot.h"

#include <algorithm>
#include <cmath>

namespace starlocus::ui {

namespace {
constexpr double kOutlierSigma = 3.0;
} // namespace

BandResidualPlot::BandResidualPlot(QWidget* parent) : PlotFrame(parent) {
    setObjectName(QStringLiteral("bandResidualPlot"));
    setMinimumSize(200, 150);
    auto ticker = QSharedPointer<QCPAxisTickerText>::create();
    for (std::size_t b = 0; b < core::kBandCount; ++b) {
        const std::string_view name = core::bands()[b].name;
        ticker->addTick(double(b), QString::fromUtf8(name.data(), qsizetype(name.size())));
    }
    xAxis->setTicker(ticker);
    xAxis->grid()->setVisible(false);
    xAxis->setSubTicks(false);
    xAxis->setRange(-0.7, double(core::kBandCount) - 0.3);
    bars_ = new QCPBars(xAxis, yAxis);
    outliers_ = new QCPBars(xAxis, yAxis);
    for (QCPBars* bars : {bars_, outliers_}) {
        bars->setWidth(0.6);
        bars->removeFromLegend();
    }
    for (std::size_t i = 0; i < guides_.size(); ++i) {
        guides_[i] = new QCPItemStraightLine(this);
        placeLine(guides_[i], double(i) - 1.0, false);
    }
    setInteractions({}); // 13 bars: nothing to zoom into
    clearResiduals();
    connect(this, &PlotFrame::styleChanged, this, &BandResidualPlot::restyle);
    restyle();
    setTextSource([this](PlotFrame& frame) { applyTexts(frame); });
}

void BandResidualPlot::setResiduals(const std::array<double, 13>& residuals) {
    QVector<double> x, y, xo, yo;
    double extent = kOutlierSigma;
    for (std::size_t b = 0; b < residuals.size(); ++b) {
        const double r = residuals[b];
        if (!std::isfinite(r))
            continue;
        extent = std::max(extent, std::abs(r));
        (std::abs(r) > kOutlierSigma ? xo : x).push_back(double(b));
        (std::abs(r) > kOutlierSigma ? yo : y).push_back(r);
    }
    bars_->setData(x, y, true);
    outliers_->setData(xo, yo, true);
    const QCPRange y0(-1.1 * extent, 1.1 * extent);
    setHomeRanges(QCPRange(-0.7, double(core::kBandCount) - 0.3), y0);
}

void BandResidualPlot::clearResiduals() {
    bars_->data()->clear();
    outliers_->data()->clear();
    yAxis->setRange(-1.1 * kOutlierSigma, 1.1 * kOutlierSigma);
}

bool BandResidualPlot::hasData() const {
    return !bars_->data()->isEmpty() || !outliers_->data()->isEmpty();
}

void BandResidualPlot::restyle() {
    const PlotPalette& palette = plotPalette();
    bars_->setPen(QPen(palette.series1));
    bars_->setBrush(QBrush(palette.series1));
    outliers_->setPen(QPen(palette.highlight));
    outliers_->setBrush(QBrush(palette.highlight));
    guides_[0]->setPen(QPen(palette.grid, 1.0, Qt::DashLine));
    guides_[1]->setPen(QPen(palette.ink, 1.0));
    guides_[2]->setPen(QPen(palette.grid, 1.0, Qt::DashLine));
}

void BandResidualPlot::applyTexts(PlotFrame& frame) {
    frame.setAxisTitles(tr("band"), tr("(m̂ − model)/σ"));
    setToolTip(
        tr("Residual of each observed band at the best fit, in units of its error; dashed lines at ±1σ, bars "
           "beyond ±3σ highlighted. A band without a bar was not used (not observed)."));
}

} // namespace starlocus::ui
