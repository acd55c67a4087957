// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// CornerPlot: a star's posterior (Eq. 19) as panels: the 1-D marginals of Teff, log g,
// [Fe/H], μ and E in a row, and below them the 2-D marginals Teff–log g (a Kiel diagram:
// Teff decreasing to the right, log g increasing downward), Teff–[Fe/H] and μ–E. A key
// above says what the lines and markers are. It draws the result it is given, nothing more.
#include "ui/inference/posterior_quantity.h"

#include <QWidget>
#include <array>

class QLabel;

namespace starlocus::ui {

class MarginalMapPlot;
class MarginalPlot;

class CornerPlot : public QWidget {
    Q_OBJECT
  public:
    explicit CornerPlot(QWidget* parent = nullptr);

    void setResult(const StarFitResult& result);
    void clearResult();
    // Synchronous replot of every panel (the view's latency budget includes it).
    void redraw();

    const std::array<MarginalPlot*, 5>& marginals() const { return marginals_; }
    const std::array<MarginalMapPlot*, 3>& maps() const { return maps_; }
    MarginalPlot* marginal(PosteriorQuantity q) const { return marginals_[std::size_t(q)]; }

  protected:
    void changeEvent(QEvent* event) override;

  private:
    void retranslate();

    QLabel* key_;
    std::array<MarginalPlot*, 5> marginals_{};
    std::array<MarginalMapPlot*, 3> maps_{};
};

} // namespace starlocus::ui
