// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/training/iteration_chart_view.h"

#include "ui/training/chart_style.h"

#include <QChart>
#include <QEvent>
#include <QLegend>
#include <QLineSeries>
#include <QLogValueAxis>
#include <QValueAxis>
#include <algorithm>
#include <cmath>

namespace starlocus::ui {
namespace {

void styleSeries(QLineSeries* s, const QColor& color, Qt::PenStyle style) {
    QPen pen(color, 2.0, style);
    pen.setCosmetic(true);
    s->setPen(pen);
    s->setPointsVisible(true); // few points: each iteration visible as a dot
    s->setMarkerSize(7.0);
}

} // namespace

IterationChartView::IterationChartView(const TrainingHistory* history, QWidget* parent)
    : QChartView(parent), history_(history) {
    setObjectName(QStringLiteral("iterationChart"));
    QChart* chart = installMonitorChart(*this, QMargins(2, 0, 2, 2)); // below the loss chart: no top margin
    chi2_ = new QLineSeries(chart);
    leftOut_ = new QLineSeries(chart);
    learningRate_ = new QLineSeries(chart);
    styleSeries(chi2_, QColor(44, 160, 44), Qt::SolidLine);
    styleSeries(leftOut_, QColor(148, 103, 189), Qt::SolidLine);
    styleSeries(learningRate_, QColor(140, 140, 140), Qt::DashLine);
    for (QLineSeries* s : {chi2_, leftOut_, learningRate_})
        chart->addSeries(s);

    iterationAxis_ = new QValueAxis(chart);
    iterationAxis_->setLabelFormat(QStringLiteral("%d"));
    chi2Axis_ = new QValueAxis(chart);
    chi2Axis_->setLabelFormat(QStringLiteral("%.2f"));
    leftOutAxis_ = new QValueAxis(chart);
    leftOutAxis_->setLabelFormat(QStringLiteral("%.3g")); // fractions of a per cent stay readable
    learningRateAxis_ = new QLogValueAxis(chart);
    learningRateAxis_->setLabelFormat(QStringLiteral("%.0e"));
    learningRateAxis_->setBase(10.0);
    chart->addAxis(iterationAxis_, Qt::AlignBottom);
    chart->addAxis(chi2Axis_, Qt::AlignLeft);
    chart->addAxis(leftOutAxis_, Qt::AlignRight);
    chart->addAxis(learningRateAxis_, Qt::AlignRight);
    for (QLineSeries* s : {chi2_, leftOut_, learningRate_})
        s->attachAxis(iterationAxis_);
    chi2_->attachAxis(chi2Axis_);
    leftOut_->attachAxis(leftOutAxis_);
    learningRate_->attachAxis(learningRateAxis_);
    retranslate();
    applyChartPalette(*chart, palette());
    refresh();
}

void IterationChartView::refresh() {
    QList<QPointF> chi2, leftOut, lr;
    double chiHi = 0.0, outHi = 0.0, lrLo = 1e300, lrHi = 0.0;
    int last = 1;
    for (const IterationPoint& p : history_->iterations()) {
        last = std::max(last, p.iteration);
        if (std::isfinite(p.testChi2DofBelow5)) {
            chi2.append(QPointF(p.iteration, p.testChi2DofBelow5));
            chiHi = std::max(chiHi, p.testChi2DofBelow5);
        }
        if (std::isfinite(p.fractionLeftOut)) {
            leftOut.append(QPointF(p.iteration, 100.0 * p.fractionLeftOut));
            outHi = std::max(outHi, 100.0 * p.fractionLeftOut);
        }
        if (std::isfinite(p.nextLearningRate) && p.nextLearningRate > 0.0) {
            // The rate the iteration after this one starts with.
            lr.append(QPointF(p.iteration, p.nextLearningRate));
            lrLo = std::min(lrLo, p.nextLearningRate);
            lrHi = std::max(lrHi, p.nextLearningRate);
        }
    }
    chi2_->replace(chi2);
    leftOut_->replace(leftOut);
    learningRate_->replace(lr);
    iterationAxis_->setRange(0.5, last + 0.5);
    iterationAxis_->setTickCount(std::min(last, 10) + 1);
    iterationAxis_->setTickType(QValueAxis::TicksDynamic);
    iterationAxis_->setTickAnchor(1.0);
    iterationAxis_->setTickInterval(std::max(1.0, std::ceil(last / 10.0)));
    chi2Axis_->setRange(0.0, chiHi > 0 ? chiHi * 1.15 : 1.0);
    leftOutAxis_->setRange(0.0, outHi > 0 ? outHi * 1.15 : 1.0);
    if (lrHi > 0)
        learningRateAxis_->setRange(lrLo / 2.0, lrHi * 2.0);
    else
        learningRateAxis_->setRange(1e-4, 1e-2);
}

void IterationChartView::retranslate() {
    chart()->setTitle(QString()); // the legend says it all; the plot needs the height
    chi2_->setName(tr("test stars: ⟨χ²/dof⟩ below 5"));
    leftOut_->setName(tr("left out by the χ²/dof cut [%]"));
    learningRate_->setName(tr("next learning rate"));
    iterationAxis_->setTitleText(tr("iteration"));
    chi2Axis_->setTitleText(tr("⟨χ²/dof⟩"));
    leftOutAxis_->setTitleText(tr("left out [%]"));
    learningRateAxis_->setTitleText(tr("learning rate"));
}

void IterationChartView::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    else if (event->type() == QEvent::PaletteChange)
        applyChartPalette(*chart(), palette());
    QChartView::changeEvent(event);
}

} // namespace starlocus::ui
