// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/plot/plot_palette.h"

namespace starlocus::ui {

PlotPalette plotPalette(PlotTheme theme) {
    // Series colours from the Okabe & Ito (2008) colour-blind-safe set: vermillion and
    // sky blue/blue, picked per theme for contrast against the background.
    if (theme == PlotTheme::Dark) {
        return {QColor(0x1e, 0x1f, 0x22), QColor(0xe6, 0xe6, 0xe6), QColor(0x4a, 0x4c, 0x52),
                QColor(0x33, 0x35, 0x3a), QColor(0x1e, 0x1f, 0x22, 220), QColor(0xff, 0x5a, 0x36),
                QColor(0x56, 0xb4, 0xe9), QColor(0xf0, 0xe4, 0x42), QColor(0xb0, 0xb0, 0xb0)};
    }
    return {QColor(Qt::white), QColor(0x20, 0x20, 0x20), QColor(0xdc, 0xdc, 0xdc), QColor(0xee, 0xee, 0xee),
            QColor(255, 255, 255, 225), QColor(0xd5, 0x5e, 0x00), QColor(0x00, 0x72, 0xb2),
            QColor(0xcc, 0x79, 0xa7), QColor(0x60, 0x60, 0x60)};
}

PlotTheme themeFor(const QPalette& palette) {
    return palette.color(QPalette::Window).lightnessF() < 0.5 ? PlotTheme::Dark : PlotTheme::Light;
}

} // namespace starlocus::ui
