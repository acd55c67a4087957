// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/training/chart_style.h"

#include <QAbstractAxis>
#include <QChart>
#include <QChartView>
#include <QLegend>
#include <QPalette>

namespace starlocus::ui {

QChart* installMonitorChart(QChartView& view, const QMargins& margins) {
    view.setRenderHint(QPainter::Antialiasing);
    auto* chart = new QChart;
    chart->setMargins(margins);
    chart->legend()->setAlignment(Qt::AlignTop);
    view.setChart(chart); // the view owns it from here
    return chart;
}

void applyChartPalette(QChart& chart, const QPalette& palette) {
    const QColor text = palette.color(QPalette::Text);
    const QColor base = palette.color(QPalette::Base);
    QColor grid = text;
    grid.setAlpha(40);
    chart.setBackgroundBrush(base);
    chart.setBackgroundRoundness(0);
    chart.setTitleBrush(text);
    chart.legend()->setLabelColor(text);
    for (QAbstractAxis* axis : chart.axes()) {
        axis->setLabelsColor(text);
        axis->setTitleBrush(text);
        axis->setLinePenColor(text);
        axis->setGridLineColor(grid);
        QColor minor = grid;
        minor.setAlpha(18);
        axis->setMinorGridLineColor(minor);
    }
}

} // namespace starlocus::ui
