// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// PlotFrame: the one QCustomPlot-based frame that every science view draws on. It owns
// what views must not copy between each other: axis titles with units, magnitude axes
// that increase downward (or leftward), the light/dark palette, the colour map, the
// labelled colour bar, the density layer, zoom/pan with a home view, export to
// PDF/SVG/PNG and retranslation. Views add their own curves and markers on top.
#include "ui/plot/color_bar.h"
#include "ui/plot/color_map.h"
#include "ui/plot/figure_export.h"
#include "ui/plot/plot_palette.h"

#include <functional>
#include <memory>
#include <optional>
#include <qcustomplot.h>

namespace starlocus::ui {

class DensityLayer;

class PlotFrame : public QCustomPlot {
    Q_OBJECT
public:
    explicit PlotFrame(QWidget* parent = nullptr);
    ~PlotFrame() override;

    // "quantity [unit]", the one spelling of axis and colour-bar titles ("M_G [mag]").
    static QString axisTitle(const QString& quantity, const QString& unit);
    void setAxisTitles(const QString& xTitle, const QString& yTitle);

    // Magnitude axes run the astronomer's way: a y magnitude increases downward (bright
    // stars at the top), an x magnitude increases leftward.
    void setMagnitudeAxes(bool xIsMagnitude, bool yIsMagnitude);
    bool isYMagnitude() const { return yAxis->rangeReversed(); }
    bool isXMagnitude() const { return xAxis->rangeReversed(); }

    // Theme: follows the widget palette (light/dark desktop) until set explicitly.
    void setTheme(PlotTheme theme);
    void followSystemTheme();
    PlotTheme theme() const { return theme_; }
    const PlotPalette& plotPalette() const { return palette_; }

    void setColorMap(ColorMapName name);
    ColorMapName colorMap() const { return colorMap_; }

    ColorBar* colorBar() const { return colorBar_.get(); }
    // Created on first use, under every curve the view adds afterwards.
    DensityLayer* densityLayer();

    // The ranges a double click (or "Reset View") returns to.
    void setHomeRanges(const QCPRange& x, const QCPRange& y);
    void resetView();

    // Every user-visible text of the plot comes from the view through this callback; it
    // runs now and again on each language change (retranslate()).
    void setTextSource(std::function<void(PlotFrame&)> source);
    void retranslate();

    bool exportFigure(const FigureExportRequest& request, QString* error = nullptr);

signals:
    // After the theme or colour map changed: views restyle their own series.
    void styleChanged();

protected:
    void changeEvent(QEvent* event) override;
    void contextMenuEvent(QContextMenuEvent* event) override;
    void mouseDoubleClickEvent(QMouseEvent* event) override;

private:
    void applyTheme();
    void chooseExportFile();

    std::unique_ptr<ColorBar> colorBar_;
    std::unique_ptr<DensityLayer> density_;
    std::function<void(PlotFrame&)> textSource_;
    PlotTheme theme_ = PlotTheme::Light;
    PlotPalette palette_;
    bool followsSystem_ = true;
    ColorMapName colorMap_ = ColorMapName::Viridis;
    std::optional<std::pair<QCPRange, QCPRange>> home_;
};

} // namespace starlocus::ui
