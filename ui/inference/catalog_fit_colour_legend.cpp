// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/inference/catalog_fit_colour_legend.h"

#include "ui/plot/color_bar.h"

#include "ui/plot/plot_palette.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QStackedWidget>
#include <cmath>
#include <qcustomplot.h>

namespace starlocus::ui {

CatalogFitColourLegend::CatalogFitColourLegend(QWidget* parent) : QWidget(parent) {
    setObjectName(QStringLiteral("catalogFitColourLegend"));
    bar_ = new QCustomPlot(this);
    bar_->plotLayout()->clear();
    scale_ = new QCPColorScale(bar_);
    scale_->setType(QCPAxis::atBottom);
    scale_->setBarWidth(12);
    scale_->setRangeDrag(false);
    scale_->setRangeZoom(false);
    QFont labelFont = font();
    scale_->axis()->setLabelFont(labelFont);
    scale_->axis()->setTickLabelFont(labelFont);
    bar_->plotLayout()->addElement(0, 0, scale_);
    bar_->setMinimumHeight(64);
    bar_->setMaximumHeight(64);
    bar_->setMaximumWidth(560);
    categories_ = new QLabel(this);
    categories_->setObjectName(QStringLiteral("catalogFitCategories"));
    pages_ = new QStackedWidget(this);
    auto* barPage = new QWidget(pages_);
    auto* barLayout = new QHBoxLayout(barPage);
    barLayout->setContentsMargins(0, 0, 0, 0);
    barLayout->addStretch();
    barLayout->addWidget(bar_, 3);
    barLayout->addStretch();
    pages_->addWidget(barPage);
    pages_->addWidget(categories_);
    categories_->setAlignment(Qt::AlignCenter);
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(pages_);
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Fixed);
    setFixedHeight(66);
    setScale({}, map_);
}

void CatalogFitColourLegend::setScale(const CatalogFitColourScale& scale, ColorMapName map) {
    current_ = scale;
    map_ = map;
    setVisible(scale.colouring != CatalogFitColouring::None);
    restyle();
}

QString CatalogFitColourLegend::text() const {
    if (current_.colouring == CatalogFitColouring::None)
        return {};
    return current_.categorical ? categories_->text() : scale_->axis()->label();
}

void CatalogFitColourLegend::restyle() {
    const PlotPalette palette = plotPalette(themeFor(this->palette()));
    if (current_.categorical) {
        // The panels' colours for the two categories (CatalogFitPanel::restyle).
        categories_->setText(
            tr("<span style='color:%1'>●</span> parallax used &nbsp;&nbsp; <span style='color:%2'>●</span> no "
               "parallax (none, or ignored)")
                .arg(palette.series1.name(), palette.series2.name()));
        pages_->setCurrentIndex(1);
        return;
    }
    pages_->setCurrentIndex(0);
    bar_->setBackground(QBrush(palette.background));
    scale_->setGradient(colorGradient(map_));
    scale_->setDataScaleType(current_.logarithmic ? QCPAxis::stLogarithmic : QCPAxis::stLinear);
    if (current_.logarithmic) {
        // Labelled at 1, 2, 5 per decade: a log ticker labels only the decades.
        auto ticker = QSharedPointer<QCPAxisTickerText>::create();
        for (double decade = std::pow(10.0, std::floor(std::log10(current_.lo))); decade <= current_.hi; decade *= 10.0)
            for (double step : {1.0, 2.0, 5.0})
                if (const double v = step * decade; v >= current_.lo * (1 - 1e-9) && v <= current_.hi * (1 + 1e-9))
                    ticker->addTick(v, QLocale().toString(v, 'g', 3));
        scale_->axis()->setTicker(ticker);
    } else {
        scale_->axis()->setTicker(QSharedPointer<QCPAxisTicker>::create());
    }
    scale_->setDataRange(QCPRange(current_.lo, current_.hi));
    scale_->axis()->setLabel(colouringTitle(current_.colouring) + tr("  (grey: unknown)"));
    inkScaleAxis(scale_->axis(), palette);
    bar_->replot();
}

void CatalogFitColourLegend::changeEvent(QEvent* event) {
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::LanguageChange)
        restyle();
}

} // namespace starlocus::ui
