// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// ColorBar: the labelled colour scale beside a plot's axis rect. It appears only while a
// density image uses it and keeps its top and bottom aligned with the axis rect.
#include "ui/plot/color_map.h"
#include "ui/plot/plot_palette.h"

#include <QString>

class QCPAxis;
class QCPColorMap;
class QCPColorScale;
class QCPMarginGroup;
class QCustomPlot;

namespace starlocus::ui {

class ColorBar {
public:
    explicit ColorBar(QCustomPlot* plot);
    ColorBar(const ColorBar&) = delete;
    ColorBar& operator=(const ColorBar&) = delete;

    // What the colour encodes, with its unit ("stars per bin", "mean log g [dex]").
    void setTitle(const QString& title);
    QString title() const;

    void setColorMap(ColorMapName name);
    void setLogarithmic(bool logarithmic);
    void applyPalette(const PlotPalette& palette);

    // Shows the bar for `image` (its data range follows the bar), or hides it (nullptr).
    void attach(QCPColorMap* image);
    bool isShown() const { return shown_; }
    QCPColorScale* scale() const { return scale_; }

private:
    QCustomPlot* plot_;
    QCPColorScale* scale_;
    QCPMarginGroup* margins_;
    bool shown_ = false;
};

// A colour scale's axis drawn in the palette's ink (line, ticks, labels): the plots' colour
// bars and the Catalog Fit tab's colour key.
void inkScaleAxis(QCPAxis* axis, const PlotPalette& palette);

} // namespace starlocus::ui
