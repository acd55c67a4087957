// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// MarginalPlot: one 1-D marginal of a star's posterior (a diagonal panel of the corner
// plot) on the shared PlotFrame: the binned density (peak 1) as a filled step curve, the
// 16–84 % interval shaded, the median as a solid line, the MAP value dotted and the catalog
// value (when known) dashed in the highlight colour.
#include "ui/inference/posterior_quantity.h"
#include "ui/plot/plot_frame.h"

class QCPGraph;
class QCPItemStraightLine;

namespace starlocus::ui {

class MarginalPlot : public PlotFrame {
    Q_OBJECT
  public:
    explicit MarginalPlot(PosteriorQuantity quantity, QWidget* parent = nullptr);

    PosteriorQuantity quantity() const { return quantity_; }
    // Draws quantity() of `result` (its marginal, interval, MAP and reference); no replot.
    void setResult(const StarFitResult& result);
    void clearResult();
    bool hasData() const;

    QCPGraph* densityGraph() const { return density_; }
    QCPGraph* intervalGraph() const { return interval_; }
    QCPItemStraightLine* medianLine() const { return median_; }
    QCPItemStraightLine* referenceLine() const { return reference_; }

  private:
    void restyle();
    void applyTexts(PlotFrame& frame);

    PosteriorQuantity quantity_;
    QCPGraph* density_;
    QCPGraph* interval_;
    QCPItemStraightLine* median_;
    QCPItemStraightLine* map_;
    QCPItemStraightLine* reference_;
};

// A vertical (or horizontal) line through `at` on an axis rect of `frame`; hidden for NaN.
void placeLine(QCPItemStraightLine* line, double at, bool vertical);

} // namespace starlocus::ui
