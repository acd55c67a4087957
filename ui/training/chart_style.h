#pragma once
// The monitor's Qt Charts follow the widget palette (light or dark desktop) so that
// titles, labels and grid stay readable on either; one place for both charts.
class QChart;
class QPalette;

namespace starlocus::ui {

void applyChartPalette(QChart& chart, const QPalette& palette);

} // namespace starlocus::ui
