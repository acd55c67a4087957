// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/training/live_cmd_view.h"

#include "ui/plot/density_layer.h"
#include "ui/plot/plot_frame.h"

#include <QEvent>
#include <QGridLayout>
#include <QLabel>
#include <QtConcurrent/QtConcurrentRun>
#include <algorithm>

namespace starlocus::ui {
namespace {

constexpr int kMinIntervalMs = 1000 / LiveCmdView::kMaxRefreshPerSecond;

void setUpFrame(PlotFrame* frame, const char* name) {
    frame->setObjectName(QString::fromLatin1(name));
    frame->setMagnitudeAxes(false, true); // M_G increases downward
    DensityLayer* layer = frame->densityLayer();
    layer->setBinCounts(90, 90);
    layer->setLogarithmic(true);
    frame->setMinimumSize(220, 220);
}

} // namespace

LiveCmdView::LiveCmdView(QWidget* parent) : QWidget(parent) {
    setObjectName(QStringLiteral("liveCmd"));
    observed_ = new PlotFrame(this);
    predicted_ = new PlotFrame(this);
    setUpFrame(observed_, "observedCmdFrame");
    setUpFrame(predicted_, "predictedCmdFrame");
    observedTitle_ = new QLabel(this);
    predictedTitle_ = new QLabel(this);
    for (QLabel* title : {observedTitle_, predictedTitle_}) {
        title->setWordWrap(true);
        title->setAlignment(Qt::AlignCenter);
    }
    auto* layout = new QGridLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(observedTitle_, 0, 0);
    layout->addWidget(predictedTitle_, 0, 1);
    layout->addWidget(observed_, 1, 0);
    layout->addWidget(predicted_, 1, 1);
    layout->setRowStretch(1, 1);

    observed_->setTextSource([this](PlotFrame& frame) {
        frame.setAxisTitles(PlotFrame::axisTitle(tr("BP − RP"), tr("mag")),
                            PlotFrame::axisTitle(tr("M_G = G + 5 log₁₀(ϖ / 100 mas)"), tr("mag")));
    });
    predicted_->setTextSource([this](PlotFrame& frame) {
        frame.setAxisTitles(PlotFrame::axisTitle(tr("(BP − RP)₀"), tr("mag")), PlotFrame::axisTitle(tr("M_G"), tr("mag")));
    });
    for (PlotFrame* frame : {observed_, predicted_})
        frame->densityLayer()->setValueTitle(tr("stars per bin"));

    throttle_.setSingleShot(true);
    connect(&throttle_, &QTimer::timeout, this, &LiveCmdView::startPrediction);
    connect(&observedJob_, &QFutureWatcher<CmdPoints>::finished, this,
            [this] { showObserved(observedJob_.result()); });
    connect(&predictedJob_, &QFutureWatcher<CmdPoints>::finished, this, [this] {
        showPredicted(predictedJob_.result());
        if (pending_ && !throttle_.isActive()) // a newer snapshot came in meanwhile
            throttle_.start(std::max(0, kMinIntervalMs - int(sinceLastStart_.elapsed())));
    });
    retranslate();
}

LiveCmdView::~LiveCmdView() {
    // The jobs read `stars_` (shared) and a model snapshot (shared): nothing of this
    // object; waiting keeps their results from arriving at a destroyed watcher.
    observedJob_.waitForFinished();
    predictedJob_.waitForFinished();
}

void LiveCmdView::setTestStars(std::shared_ptr<const core::Catalog> catalog, const core::TrainingConfig& config) {
    observedJob_.waitForFinished();
    predictedJob_.waitForFinished();
    stars_.reset();
    pending_.reset();
    hasObserved_ = hasPredicted_ = false;
    observed_->densityLayer()->clear();
    predicted_->densityLayer()->clear();
    shownCaption_.clear();
    retranslate();
    if (!catalog) {
        observed_->replot();
        predicted_->replot();
        return;
    }
    auto stars = std::make_shared<const TestStars>(selectTestStars(*catalog, config));
    stars_ = stars;
    observedJob_.setFuture(
        QtConcurrent::run([catalog, stars] { return observedCmd(*catalog, *stars); }));
}

void LiveCmdView::setModel(std::shared_ptr<const core::StellarModel> model, const QString& caption) {
    pending_ = std::move(model);
    pendingCaption_ = caption;
    if (!pending_ || !stars_ || predictedJob_.isRunning() || throttle_.isActive())
        return; // the finished job or the timer picks up the newest snapshot
    const int wait = sinceLastStart_.isValid() ? kMinIntervalMs - int(sinceLastStart_.elapsed()) : 0;
    if (wait > 0)
        throttle_.start(wait);
    else
        startPrediction();
}

void LiveCmdView::startPrediction() {
    if (!pending_ || !stars_ || predictedJob_.isRunning())
        return;
    auto model = std::move(pending_);
    pending_.reset();
    shownCaption_ = pendingCaption_;
    sinceLastStart_.start();
    predictedJob_.setFuture(
        QtConcurrent::run([model, stars = stars_] { return predictedCmd(*model, *stars); }));
}

void LiveCmdView::showObserved(const CmdPoints& points) {
    observed_->densityLayer()->setPoints(points.color, points.magnitude,
                                         BinSpec{points.colorRange[0] - 0.1, points.colorRange[1] + 0.1, 90},
                                         BinSpec{points.magnitudeRange[0] - 0.3, points.magnitudeRange[1] + 0.3, 90});
    observedBox_ = {points.colorRange[0], points.colorRange[1], points.magnitudeRange[0], points.magnitudeRange[1]};
    hasObserved_ = !points.color.empty();
    applyRanges();
}

void LiveCmdView::showPredicted(const CmdPoints& points) {
    predicted_->densityLayer()->setPoints(points.color, points.magnitude,
                                          BinSpec{points.colorRange[0] - 0.1, points.colorRange[1] + 0.1, 90},
                                          BinSpec{points.magnitudeRange[0] - 0.3, points.magnitudeRange[1] + 0.3, 90});
    predictedBox_ = {points.colorRange[0], points.colorRange[1], points.magnitudeRange[0], points.magnitudeRange[1]};
    hasPredicted_ = !points.color.empty();
    ++refreshes_;
    retranslate();
    applyRanges();
    emit predictionShown();
}

// Both panels share one range (the union of both central 99 %), so that observed and
// predicted loci compare by eye.
void LiveCmdView::applyRanges() {
    std::array<double, 4> box{};
    if (hasObserved_ && hasPredicted_)
        box = {std::min(observedBox_[0], predictedBox_[0]), std::max(observedBox_[1], predictedBox_[1]),
               std::min(observedBox_[2], predictedBox_[2]), std::max(observedBox_[3], predictedBox_[3])};
    else if (hasObserved_)
        box = observedBox_;
    else if (hasPredicted_)
        box = predictedBox_;
    else
        return;
    const double cPad = std::max(0.05, 0.05 * (box[1] - box[0]));
    const double mPad = std::max(0.2, 0.05 * (box[3] - box[2]));
    const QCPRange x(box[0] - cPad, box[1] + cPad), y(box[2] - mPad, box[3] + mPad);
    for (PlotFrame* frame : {observed_, predicted_}) {
        frame->setHomeRanges(x, y);
        frame->resetView();
    }
}

void LiveCmdView::retranslate() {
    observedTitle_->setText(tr("Observed test stars (ϖ/σ_ϖ > 5, not dereddened)"));
    if (!stars_)
        predictedTitle_->setText(tr("Predicted by the model (E = 0): start training to see it"));
    else if (shownCaption_.isEmpty() || !hasPredicted_)
        predictedTitle_->setText(tr("Predicted by the model (E = 0): waiting for the first epoch"));
    else
        predictedTitle_->setText(tr("Predicted by the model (E = 0), %1").arg(shownCaption_));
    observed_->retranslate();
    predicted_->retranslate();
}

void LiveCmdView::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

} // namespace starlocus::ui
