#include "ui/training/chart_style.h"

#include <QAbstractAxis>
#include <QChart>
#include <QLegend>
#include <QPalette>

namespace starlocus::ui {

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
