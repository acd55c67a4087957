// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// BandResidualPlot: how well the best fit explains each band — (m̂ − prediction)/σ at the
// MAP point, one bar per band in the canonical order (G, BP, RP, g … W2), with ±1σ guide
// lines. A band the fit did not use has no bar; a bar beyond ±3σ is drawn in the
// highlight colour (the band the model cannot explain).
#include "ui/plot/plot_frame.h"

#include <array>

class QCPBars;
class QCPItemStraightLine;

namespace starlocus::ui {

class BandResidualPlot : public PlotFrame {
    Q_OBJECT
  public:
    explicit BandResidualPlot(QWidget* parent = nullptr);

    // NaN = band not used.
    void setResiduals(const std::array<double, 13>& residuals);
    void clearResiduals();
    bool hasData() const;
    QCPBars* bars() const { return bars_; }

  private:
    void restyle();
    void applyTexts(PlotFrame& frame);

    QCPBars* bars_;                                // |residual| ≤ 3
    QCPBars* outliers_;                            // |residual| > 3
    std::array<QCPItemStraightLine*, 3> guides_{}; // −1, 0, +1
};

} // namespace starlocus::ui
