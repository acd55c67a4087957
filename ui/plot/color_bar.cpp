// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/plot/color_bar.h"

#include <qcustomplot.h>

namespace starlocus::ui {

ColorBar::ColorBar(QCustomPlot* plot)
    : plot_(plot), scale_(new QCPColorScale(plot)), margins_(new QCPMarginGroup(plot)) {
    scale_->setType(QCPAxis::atRight);
    scale_->setBarWidth(14);
    scale_->setRangeDrag(false);
    scale_->setRangeZoom(false);
    scale_->setGradient(colorGradient(ColorMapName::Viridis));
    scale_->axis()->setPadding(8);
    plot_->axisRect()->setMarginGroup(QCP::msTop | QCP::msBottom, margins_);
    scale_->setMarginGroup(QCP::msTop | QCP::msBottom, margins_);
    // Not in the layout until an image needs it: the axis rect gets the full width.
    scale_->setVisible(false);
}

void ColorBar::setTitle(const QString& title) { scale_->axis()->setLabel(title); }

QString ColorBar::title() const { return scale_->axis()->label(); }

void ColorBar::setColorMap(ColorMapName name) { scale_->setGradient(colorGradient(name)); }

void ColorBar::setLogarithmic(bool logarithmic) {
    scale_->setDataScaleType(logarithmic ? QCPAxis::stLogarithmic : QCPAxis::stLinear);
    if (logarithmic)
        scale_->axis()->setTicker(QSharedPointer<QCPAxisTickerLog>::create());
    else
        scale_->axis()->setTicker(QSharedPointer<QCPAxisTicker>::create());
}

void inkScaleAxis(QCPAxis* axis, const PlotPalette& palette) {
    axis->setBasePen(QPen(palette.ink));
    axis->setTickPen(QPen(palette.ink));
    axis->setSubTickPen(QPen(palette.ink));
    axis->setTickLabelColor(palette.ink);
    axis->setLabelColor(palette.ink);
}

void ColorBar::applyPalette(const PlotPalette& palette) { inkScaleAxis(scale_->axis(), palette); }

void ColorBar::attach(QCPColorMap* image) {
    const bool show = image != nullptr;
    if (image)
        image->setColorScale(scale_);
    if (show == shown_)
        return;
    shown_ = show;
    QCPLayoutGrid* layout = plot_->plotLayout();
    if (show) {
        // To the right of the axis rect, in its row (a title row may sit above it).
        int row = 0;
        for (int r = 0; r < layout->rowCount(); ++r)
            if (layout->element(r, 0) == plot_->axisRect())
                row = r;
        layout->addElement(row, 1, scale_);
        layout->setColumnStretchFactor(1, 0.01);
    } else {
        layout->take(scale_);
        layout->simplify();
    }
    scale_->setVisible(show);
}

} // namespace starlocus::ui
