// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The look the monitor's Qt Charts share, in one place for both charts: antialiased
// curves, tight margins, the legend above the plot (the curves need the width), and the
// widget palette (light or dark desktop) so that titles, labels and grid stay readable.
#include <QMargins>

class QChart;
class QChartView;
class QPalette;

namespace starlocus::ui {

// A new chart with that look, owned by and shown in `view`.
QChart* installMonitorChart(QChartView& view, const QMargins& margins);

void applyChartPalette(QChart& chart, const QPalette& palette);

} // namespace starlocus::ui
