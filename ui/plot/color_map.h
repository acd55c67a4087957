// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Perceptually uniform colour maps for density images and colour bars: viridis (the
// default), magma and cividis (readable with colour-vision deficiencies). Real 256-entry
// tables (color_map_tables.cpp), turned into the gradient QCustomPlot draws with.
#include <QColor>
#include <QString>
#include <array>
#include <cstdint>

class QCPColorGradient;

namespace starlocus::ui {

enum class ColorMapName { Viridis, Magma, Cividis };

using ColorTable = std::array<std::uint32_t, 256>; // 0xRRGGBB, from low to high values

const ColorTable& colorTable(ColorMapName name);

// Entry `index` (0..255) as a QColor.
QColor colorAt(ColorMapName name, int index);

// The map as a QCustomPlot gradient with 256 levels and transparent NaN cells (an empty
// bin shows the plot's background, not the map's lowest colour).
QCPColorGradient colorGradient(ColorMapName name);

// "viridis", "magma", "cividis": the names astronomers know from matplotlib.
QString colorMapId(ColorMapName name);

} // namespace starlocus::ui
