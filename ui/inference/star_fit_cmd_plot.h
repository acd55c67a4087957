// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// StarFitCmdPlot: the fitted star on the model's colour-magnitude diagram — the explorer's
// CMD (band choosers, the catalog's predicted locus, model tracks) reused, with two points
// of its own: the observed photometry shifted by the MAP distance modulus (m̂ − μ_MAP) and the
// best fit M(θ_MAP) + E_MAP·R(θ_MAP), and the model's Teff and log g tracks through θ_MAP.
#include "core/model/stellar_model.h"
#include "ui/inference/star_fit_result.h"

#include <QWidget>
#include <memory>
#include <optional>
#include <vector>

class QCPGraph;

namespace starlocus::ui {

class ExplorerCmdPlot;

class StarFitCmdPlot : public QWidget {
    Q_OBJECT
  public:
    explicit StarFitCmdPlot(QWidget* parent = nullptr);

    ExplorerCmdPlot* cmd() const { return cmd_; }
    QCPGraph* observedGraph() const { return observed_; }
    QCPGraph* bestFitGraph() const { return bestFit_; }

    // The model the tracks come from (null: no tracks).
    void setModel(std::shared_ptr<const core::StellarModel> model);
    // The catalog's stars as the model predicts them (null or empty: no locus).
    void setLocus(std::shared_ptr<const std::vector<core::Vec13>> locus);
    void setResult(std::shared_ptr<const StarFitResult> result);
    void clearResult();
    void redraw();

  protected:
    void changeEvent(QEvent* event) override;

  private:
    void drawLocus();
    void drawStar(); // the two points and the tracks, in the chosen bands
    void restyle();
    void retranslate();
    void shortenTexts();

    ExplorerCmdPlot* cmd_;
    QCPGraph* observed_;
    QCPGraph* bestFit_;
    std::shared_ptr<const core::StellarModel> model_;
    std::shared_ptr<const std::vector<core::Vec13>> locus_;
    std::shared_ptr<const StarFitResult> result_;
};

} // namespace starlocus::ui
