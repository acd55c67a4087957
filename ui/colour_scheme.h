// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The window's colours: the desktop's own palette, or StarLocus's light or dark palette
// (Fusion style, so the palette is honoured on every platform). Every plot and chart
// follows the application palette (they restyle on QEvent::PaletteChange), so one switch
// recolours the whole window, figures included.
#include <QPalette>
#include <QString>

#include <optional>

namespace starlocus::ui {

enum class ColourScheme { System, Light, Dark };

// "system", "light", "dark": the values of the setting and of `starlocus --colours`.
QString colourSchemeName(ColourScheme scheme);
std::optional<ColourScheme> colourSchemeFromName(const QString& name);

QPalette lightPalette();
QPalette darkPalette();

// Applies `scheme` to the running QApplication. The desktop's palette is remembered the
// first time, so System brings it back after Light or Dark.
void applyColourScheme(ColourScheme scheme);

} // namespace starlocus::ui
