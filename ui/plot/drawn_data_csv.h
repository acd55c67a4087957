// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The companion CSV of a figure: exactly what the panels draw, one row per drawn point or
// image cell — panel, series name, x, y and (for an image cell) its value — so that a
// reader can re-plot or check a published figure without StarLocus.
#include <QString>
#include <span>

class QCustomPlot;

namespace starlocus::ui {

// Columns: panel, series, kind (point|cell), x, y, value. Visible plottables only;
// written atomically (QSaveFile). False with a translated reason on failure.
bool writeDrawnDataCsv(std::span<QCustomPlot* const> panels, const QString& path, QString* error = nullptr);

} // namespace starlocus::ui
