// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// CatalogFitPanel: one comparison of the "Catalog Fit" tab — the posterior medians of a
// catalog-wide photometric fit (y) against the catalog's own values (x) for Teff, log g,
// [Fe/H] or E, with the 1:1 line, optional 16–84 % error bars, the stars coloured on a
// shared scale, and N, bias and robust scatter of (photometric − catalog) above the axes.
// Both axes share one range, so the 1:1 line is the diagonal. A click on a star emits its
// catalog row (linked selection); the chosen star is ringed.
#include "ui/inference/catalog_fit_colouring.h"
#include "ui/inference/catalog_fit_comparison.h"
#include "ui/plot/plot_frame.h"

#include <QPointF>
#include <optional>
#include <vector>

namespace starlocus::ui {

class CatalogFitPanel : public PlotFrame {
    Q_OBJECT
  public:
    explicit CatalogFitPanel(CatalogFitQuantity quantity, QWidget* parent = nullptr);

    CatalogFitQuantity quantity() const { return quantity_; }
    // `colourValues` holds one value per catalog row (colouringValues()). The catalog tells
    // which reddening column the E panel's x axis is.
    void setComparison(CatalogFitComparison comparison, bool reddeningFit, const CatalogFitColourScale& scale,
                       const std::vector<double>& colourValues);
    void setColouring(const CatalogFitColourScale& scale, const std::vector<double>& colourValues);
    void setErrorBarsShown(bool shown);
    void clearComparison();
    // The ring around the star with this catalog row (none: no ring).
    void setChosenRow(std::optional<std::size_t> row);

    const CatalogFitComparison& comparison() const { return comparison_; }
    std::size_t pointCount() const { return comparison_.size(); }
    bool errorBarsShown() const { return errorBarsShown_; }
    // The text above the axes (N, bias, scatter), as shown.
    QString statisticsText() const;
    // The catalog row of the star drawn nearest to `pixel`, within a few pixels.
    std::optional<std::size_t> rowAt(const QPointF& pixel) const;
    // Where the star of `row` is drawn (for tests); nullopt when it is not in the panel.
    std::optional<QPointF> pixelOfRow(std::size_t row) const;

  signals:
    void starClicked(std::size_t catalogRow);

  protected:
    void mousePressEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;

  private:
    void drawPoints();
    void restyle();
    void applyTexts(PlotFrame& frame);
    QString unit() const;
    int decimals() const;

    CatalogFitQuantity quantity_;
    CatalogFitComparison comparison_;
    bool reddeningFit_ = false;
    CatalogFitColourScale scale_;
    std::vector<double> colourValues_; // per catalog row
    bool errorBarsShown_ = false;
    std::optional<std::size_t> chosenRow_;
    QCPTextElement* heading_;
    QCPGraph* errorCarrier_; // the stars without a symbol, for the error bars
    QCPErrorBars* errorBars_;
    std::vector<QCPGraph*> colourGraphs_; // kColourBins continuous bins, then "unknown"
    QCPItemStraightLine* identity_;
    QCPGraph* chosen_;
    QPoint pressedAt_;
};

} // namespace starlocus::ui
