// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/inference/star_fit_cmd_plot.h"

#include "ui/plot/density_layer.h"
#include "ui/plot/plot_frame.h"
#include "ui/views/explorer_cmd_plot.h"
#include "ui/views/explorer_prediction.h"

#include <QEvent>
#include <QVBoxLayout>
#include <algorithm>
#include <cmath>

namespace starlocus::ui {

namespace {
constexpr std::size_t kTrackSteps = 60;
// The tracks span this much around θ_MAP (clamped to where the grid has nodes).
constexpr double kTrackTeffK = 800.0;
constexpr double kTrackLogg = 1.0;
} // namespace

StarFitCmdPlot::StarFitCmdPlot(QWidget* parent) : QWidget(parent) {
    setObjectName(QStringLiteral("starFitCmd"));
    cmd_ = new ExplorerCmdPlot(this);
    cmd_->frame()->setMinimumSize(200, 160);
    // The explorer's own star marker stays unused: this plot has two points of its own.
    cmd_->starGraph()->removeFromLegend();
    PlotFrame* frame = cmd_->frame();
    observed_ = frame->addGraph();
    bestFit_ = frame->addGraph();
    for (QCPGraph* g : {observed_, bestFit_})
        g->setLineStyle(QCPGraph::lsNone);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(cmd_);
    // The legend where a CMD has the fewest stars (blue and faint, below the main sequence),
    // in a smaller font: this plot is smaller than the explorer's.
    frame->axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignLeft | Qt::AlignBottom);
    QFont legendFont = frame->legend->font();
    legendFont.setPointSizeF(legendFont.pointSizeF() * 0.85);
    frame->legend->setFont(legendFont);
    connect(cmd_, &ExplorerCmdPlot::bandsChanged, this, [this] {
        shortenTexts(); // after the explorer's plot has set its own
        drawLocus();
        drawStar();
        cmd_->fitView();
        redraw();
    });
    connect(frame, &PlotFrame::styleChanged, this, &StarFitCmdPlot::restyle);
    restyle();
    retranslate();
}

void StarFitCmdPlot::setModel(std::shared_ptr<const core::StellarModel> model) {
    model_ = std::move(model);
}

void StarFitCmdPlot::setLocus(std::shared_ptr<const std::vector<core::Vec13>> locus) {
    locus_ = std::move(locus);
    drawLocus();
    cmd_->fitView();
}

void StarFitCmdPlot::setResult(std::shared_ptr<const StarFitResult> result) {
    result_ = std::move(result);
    drawStar();
    cmd_->fitView();
    // fitView knows the locus and the tracks; the observed point may lie outside both.
    PlotFrame* frame = cmd_->frame();
    QCPRange x = frame->xAxis->range(), y = frame->yAxis->range();
    for (QCPGraph* g : {observed_, bestFit_})
        for (auto it = g->data()->constBegin(); it != g->data()->constEnd(); ++it) {
            x.expand(it->key);
            y.expand(it->value);
        }
    frame->setHomeRanges(x, y);
}

void StarFitCmdPlot::clearResult() {
    result_.reset();
    drawStar();
}

void StarFitCmdPlot::redraw() {
    cmd_->frame()->replot(QCustomPlot::rpImmediateRefresh);
}

void StarFitCmdPlot::drawLocus() {
    if (!locus_ || locus_->empty()) {
        cmd_->setLocus({}, {});
        return;
    }
    const CmdBands bands = cmd_->bands();
    std::vector<double> color(locus_->size()), magnitude(locus_->size());
    for (std::size_t i = 0; i < locus_->size(); ++i) {
        const CmdPoint p = cmdPoint((*locus_)[i], bands);
        color[i] = p.color;
        magnitude[i] = p.magnitude;
    }
    cmd_->setLocus(color, magnitude);
}

void StarFitCmdPlot::drawStar() {
    cmd_->clearStar();
    observed_->data()->clear();
    bestFit_->data()->clear();
    if (!result_ || !result_->posterior.fitted())
        return;
    const core::StarPosterior& p = result_->posterior;
    const CmdBands bands = cmd_->bands();
    const auto& mag = result_->request.star.mag;
    const double color = mag[bands.blue] - mag[bands.red], magnitude = mag[bands.magnitude] - p.mapMu;
    if (std::isfinite(color) && std::isfinite(magnitude))
        observed_->setData(QVector<double>{color}, QVector<double>{magnitude}, true);
    const CmdPoint fit = cmdPoint(result_->bestFitAbsMag, bands);
    if (std::isfinite(fit.color) && std::isfinite(fit.magnitude))
        bestFit_->setData(QVector<double>{fit.color}, QVector<double>{fit.magnitude}, true);
    if (!model_)
        return;
    ExplorerInput at;
    at.theta = Eigen::Vector3d(p.mapTheta[0], p.mapTheta[1], p.mapTheta[2]);
    at.reddening = p.mapE;
    const double t = at.theta[0], g = at.theta[1];
    cmd_->setTracks(
        labelTrack(*model_, at, bands, 0, std::max(t - kTrackTeffK, 2500.0), t + kTrackTeffK, kTrackSteps),
        labelTrack(*model_, at, bands, 1, g - kTrackLogg, g + kTrackLogg, kTrackSteps));
}

void StarFitCmdPlot::restyle() {
    const PlotPalette& palette = cmd_->frame()->plotPalette();
    observed_->setScatterStyle(
        QCPScatterStyle(QCPScatterStyle::ssDiamond, QPen(palette.ink, 1.5), QBrush(palette.highlight), 12));
    bestFit_->setScatterStyle(
        QCPScatterStyle(QCPScatterStyle::ssCross, QPen(palette.ink, 2.5), Qt::NoBrush, 13));
}

void StarFitCmdPlot::retranslate() {
    observed_->setName(tr("observed, m̂ − μ (MAP)"));
    bestFit_->setName(tr("best fit M + E·R (MAP)"));
    shortenTexts();
}

void StarFitCmdPlot::shortenTexts() {
    // The explorer's colour-bar title is longer than this smaller plot is high.
    cmd_->frame()->densityLayer()->setValueTitle(tr("catalog stars per bin"));
}

void StarFitCmdPlot::changeEvent(QEvent* event) {
    QWidget::changeEvent(event);
    // After the explorer's plot has retranslated its own texts (their order is not fixed).
    if (event->type() == QEvent::LanguageChange)
        QMetaObject::invokeMethod(this, &StarFitCmdPlot::retranslate, Qt::QueuedConnection);
}

} // namespace starlocus::ui
