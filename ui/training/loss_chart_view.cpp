// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/training/loss_chart_view.h"

#include "ui/training/chart_style.h"

#include <QChart>
#include <QEvent>
#include <QLegend>
#include <QLegendMarker>
#include <QLineSeries>
#include <QLogValueAxis>
#include <QPen>
#include <QValueAxis>
#include <algorithm>
#include <cmath>
#include <limits>

namespace starlocus::ui {
namespace {

const QColor kTrainColor(31, 119, 180);     // blue
const QColor kValidationColor(230, 85, 13); // orange, distinct for colour-blind readers too

QPen curvePen(QColor color, double width, int alpha) {
    color.setAlpha(alpha);
    QPen pen(color, width);
    pen.setCosmetic(true);
    return pen;
}

struct Range {
    double lo = std::numeric_limits<double>::infinity();
    double hi = -std::numeric_limits<double>::infinity();
    void add(double v) {
        lo = std::min(lo, v);
        hi = std::max(hi, v);
    }
    bool valid() const { return lo <= hi; }
};

} // namespace

LossChartView::LossChartView(const TrainingHistory* history, QWidget* parent)
    : QChartView(parent), history_(history) {
    setObjectName(QStringLiteral("lossChart"));
    QChart* chart = installMonitorChart(*this, QMargins(4, 4, 4, 4));
    trainRaw_ = new QLineSeries(chart);
    valRaw_ = new QLineSeries(chart);
    trainSmooth_ = new QLineSeries(chart);
    valSmooth_ = new QLineSeries(chart);
    trainRaw_->setPen(curvePen(kTrainColor, 1.0, 110));
    valRaw_->setPen(curvePen(kValidationColor, 1.0, 110));
    trainSmooth_->setPen(curvePen(kTrainColor, 2.2, 255));
    valSmooth_->setPen(curvePen(kValidationColor, 2.2, 255));
    for (QLineSeries* s : {trainRaw_, valRaw_, trainSmooth_, valSmooth_})
        chart->addSeries(s);
    xAxis_ = new QValueAxis(chart);
    xAxis_->setLabelFormat(QStringLiteral("%g"));
    chart->addAxis(xAxis_, Qt::AlignBottom);
    for (QLineSeries* s : {trainRaw_, valRaw_, trainSmooth_, valSmooth_})
        s->attachAxis(xAxis_);
    rebuildYAxis();
    retranslate();
    applyChartPalette(*chart, palette());
    refresh();
}

void LossChartView::rebuildYAxis() {
    QChart* c = chart();
    if (yAxis_) {
        c->removeAxis(yAxis_);
        delete yAxis_;
    }
    if (logarithmic_) {
        auto* axis = new QLogValueAxis;
        axis->setBase(10.0);
        axis->setLabelFormat(QStringLiteral("%g"));
        axis->setMinorTickCount(8); // 2…9 between decades: reads as a log axis
        yAxis_ = axis;
    } else {
        auto* axis = new QValueAxis;
        axis->setLabelFormat(QStringLiteral("%.3g"));
        yAxis_ = axis;
    }
    c->addAxis(yAxis_, Qt::AlignLeft);
    for (QLineSeries* s : {trainRaw_, valRaw_, trainSmooth_, valSmooth_})
        s->attachAxis(yAxis_);
    for (QLineSeries* s : boundaries_)
        s->attachAxis(yAxis_);
    retranslate();
    applyChartPalette(*c, palette());
}

void LossChartView::setLogarithmic(bool logarithmic) {
    if (logarithmic == logarithmic_)
        return;
    logarithmic_ = logarithmic;
    rebuildYAxis();
    refresh();
}

void LossChartView::setAxisX(LossAxisX axis) {
    axisX_ = axis;
    retranslate();
    refresh();
}

void LossChartView::setSmoothing(double weight) {
    smoothing_ = std::clamp(weight, 0.0, 0.999);
    refresh();
}

void LossChartView::setFixedLimitsX(std::optional<std::pair<double, double>> limits) {
    fixedX_ = limits;
    refresh();
}

void LossChartView::setFixedLimitsY(std::optional<std::pair<double, double>> limits) {
    fixedY_ = limits;
    refresh();
}

QLineSeries* LossChartView::boundarySeries(int index) {
    while (int(boundaries_.size()) <= index) {
        auto* s = new QLineSeries(chart());
        QPen pen(palette().color(QPalette::Text), 1.0, Qt::DashLine);
        pen.setCosmetic(true);
        QColor c = pen.color();
        c.setAlpha(120);
        pen.setColor(c);
        s->setPen(pen);
        chart()->addSeries(s);
        s->attachAxis(xAxis_);
        s->attachAxis(yAxis_);
        // One legend entry stands for every boundary.
        const auto markers = chart()->legend()->markers(s);
        for (QLegendMarker* m : markers)
            m->setVisible(boundaries_.empty());
        s->setName(tr("end of an iteration"));
        boundaries_.push_back(s);
    }
    return boundaries_[std::size_t(index)];
}

void LossChartView::refresh() {
    ++refreshes_;
    const std::vector<EpochPoint>& epochs = history_->epochs();
    std::vector<double> x(epochs.size()), train(epochs.size()), val(epochs.size());
    for (std::size_t i = 0; i < epochs.size(); ++i) {
        x[i] = TrainingHistory::xValue(epochs[i], axisX_);
        train[i] = epochs[i].trainLoss;
        val[i] = epochs[i].validationLoss;
    }
    // The smoothing sees the full-resolution series; drawing never thins it.
    const std::vector<double> trainSmooth = smoothExponential(train, smoothing_);
    const std::vector<double> valSmooth = smoothExponential(val, smoothing_);

    Range xRange, yRange;
    undrawable_ = 0;
    const auto toPoints = [&](const std::vector<double>& y, bool countUndrawable) {
        QList<QPointF> points;
        points.reserve(qsizetype(y.size()));
        for (std::size_t i = 0; i < y.size(); ++i) {
            if (!std::isfinite(x[i]) || !std::isfinite(y[i]))
                continue;
            if (logarithmic_ && y[i] <= 0.0) {
                undrawable_ += countUndrawable ? 1 : 0;
                continue;
            }
            points.append(QPointF(x[i], y[i]));
            xRange.add(x[i]);
            yRange.add(y[i]);
        }
        return points;
    };
    trainRaw_->replace(toPoints(train, true));
    valRaw_->replace(toPoints(val, true));
    trainSmooth_->replace(toPoints(trainSmooth, false));
    valSmooth_->replace(toPoints(valSmooth, false));

    double xLo = 0.0, xHi = 1.0, yLo = logarithmic_ ? 0.1 : 0.0, yHi = 1.0;
    if (xRange.valid()) {
        xLo = xRange.lo;
        xHi = xRange.hi;
        if (axisX_ == LossAxisX::Epoch) {
            xLo = std::min(xLo, 1.0) - 0.5;
            xHi += 0.5;
        } else {
            const double pad = xHi > xLo ? 0.02 * (xHi - xLo) : std::max(1.0, 0.05 * std::abs(xHi));
            xLo -= pad;
            xHi += pad;
        }
    }
    if (yRange.valid()) {
        if (logarithmic_) {
            yLo = yRange.lo / 1.15;
            yHi = yRange.hi * 1.15;
        } else {
            const double pad = yRange.hi > yRange.lo ? 0.05 * (yRange.hi - yRange.lo) : 0.05 * std::abs(yRange.hi) + 1e-9;
            yLo = yRange.lo - pad;
            yHi = yRange.hi + pad;
        }
    }
    if (fixedX_ && fixedX_->first < fixedX_->second) {
        xLo = fixedX_->first;
        xHi = fixedX_->second;
    }
    if (fixedY_ && fixedY_->first < fixedY_->second && (!logarithmic_ || fixedY_->first > 0.0)) {
        yLo = fixedY_->first;
        yHi = fixedY_->second;
    }
    xAxis_->setRange(xLo, xHi);
    if (axisX_ == LossAxisX::Epoch) { // whole epochs on the ticks
        xAxis_->setTickType(QValueAxis::TicksDynamic);
        xAxis_->setTickAnchor(1.0);
        xAxis_->setTickInterval(std::max(1.0, std::ceil((xHi - xLo) / 10.0)));
        xAxis_->setLabelFormat(QStringLiteral("%d"));
    } else {
        xAxis_->setTickType(QValueAxis::TicksFixed);
        xAxis_->setTickCount(6);
        xAxis_->setLabelFormat(QStringLiteral("%.3g"));
    }
    yAxis_->setRange(yLo, yHi);

    // A dashed line after the last epoch of every completed iteration.
    visibleBoundaries_ = 0;
    for (const IterationPoint& it : history_->iterations()) {
        const auto last = std::find_if(epochs.rbegin(), epochs.rend(),
                                       [&](const EpochPoint& e) { return e.iteration == it.iteration; });
        if (last == epochs.rend())
            continue;
        double bx = TrainingHistory::xValue(*last, axisX_);
        if (axisX_ == LossAxisX::Epoch)
            bx += 0.5;
        if (!std::isfinite(bx))
            continue;
        boundarySeries(visibleBoundaries_)->replace({QPointF(bx, yLo), QPointF(bx, yHi)});
        ++visibleBoundaries_;
    }
    for (std::size_t i = std::size_t(visibleBoundaries_); i < boundaries_.size(); ++i)
        boundaries_[i]->clear();
    retranslate();
}

void LossChartView::retranslate() {
    QString title = tr("Loss of Eq. 15 (χ²/13 + regularisation) per epoch");
    if (undrawable_ > 0)
        title += QLatin1Char(' ') + tr("— %n value(s) ≤ 0 not drawable on the log axis", nullptr, undrawable_);
    chart()->setTitle(title);
    trainRaw_->setName(tr("training (raw)"));
    valRaw_->setName(tr("validation (raw)"));
    trainSmooth_->setName(tr("training (smoothed)"));
    valSmooth_->setName(tr("validation (smoothed)"));
    for (QLineSeries* s : boundaries_)
        s->setName(tr("end of an iteration"));
    switch (axisX_) {
    case LossAxisX::Epoch:
        xAxis_->setTitleText(tr("epoch"));
        break;
    case LossAxisX::StarsProcessed:
        xAxis_->setTitleText(tr("training stars processed"));
        break;
    case LossAxisX::WallTime:
        xAxis_->setTitleText(tr("wall time [s]"));
        break;
    }
    yAxis_->setTitleText(logarithmic_ ? tr("loss (log scale)") : tr("loss"));
}

void LossChartView::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    else if (event->type() == QEvent::PaletteChange)
        applyChartPalette(*chart(), palette());
    QChartView::changeEvent(event);
}

} // namespace starlocus::ui
