// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// CatalogFitColourLegend: the one colour key of the "Catalog Fit" panels — a horizontal
// colour bar with its title and unit for a continuous colouring, the two categories for
// "parallax used", hidden for none.
#include "ui/inference/catalog_fit_colouring.h"
#include "ui/plot/color_map.h"

#include <QWidget>

class QCPColorScale;
class QCustomPlot;
class QLabel;
class QStackedWidget;

namespace starlocus::ui {

class CatalogFitColourLegend : public QWidget {
    Q_OBJECT
  public:
    explicit CatalogFitColourLegend(QWidget* parent = nullptr);

    void setScale(const CatalogFitColourScale& scale, ColorMapName map);
    QCPColorScale* colourScale() const { return scale_; }
    QString text() const; // what the key says (tests)

  protected:
    void changeEvent(QEvent* event) override;

  private:
    void restyle();

    CatalogFitColourScale current_;
    ColorMapName map_ = ColorMapName::Viridis;
    QStackedWidget* pages_;
    QCustomPlot* bar_;
    QCPColorScale* scale_;
    QLabel* categories_;
};

} // namespace starlocus::ui
