// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The light and dark palettes of every plot: background, ink for axes and text, grid
// lines, and a few series colours chosen to stay distinct over a viridis/magma density
// image in both palettes.
#include <QColor>
#include <QPalette>

namespace starlocus::ui {

enum class PlotTheme { Light, Dark };

struct PlotPalette {
    QColor background;
    QColor ink;       // axes, tick labels, titles
    QColor grid;
    QColor subGrid;
    QColor legendBackground;
    QColor highlight; // the object of interest (e.g. the explorer's star)
    QColor series1;   // first curve
    QColor series2;   // second curve
    QColor points;    // scatter points below the density threshold
};

PlotPalette plotPalette(PlotTheme theme);

// Light or dark to match a widget palette (the desktop's colour scheme).
PlotTheme themeFor(const QPalette& palette);

} // namespace starlocus::ui
