// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// StarFitView: the "Fit a star" tab (issue 16, item 4). Pick a star of the session's catalog
// (or the first star of the science views' selection) or type its photometry, choose the
// priors, and see its posterior from photometry and parallax alone (Eq. 19): a corner plot,
// the star on the model's CMD with its best fit, the per-band residuals at the MAP point,
// and the numbers in words. The label grid is built in the background once per model,
// training density and θ prior, when the tab is first shown; every fit runs in the
// background too, and a newer request supersedes an older one (StarFitJob). A star without
// a posterior shows why in place of the plots.
#include "ui/inference/star_fit_result.h"

#include <QElapsedTimer>
#include <QWidget>
#include <memory>
#include <vector>

class QLabel;
class QProgressBar;
class QSplitter;
class QStackedWidget;
class QTextBrowser;

namespace starlocus::ui {

class BandResidualPlot;
class CornerPlot;
class Session;
class StarFitCmdPlot;
class SessionDensity;
class StarFitInputPanel;
class StarFitJob;

class StarFitView : public QWidget {
    Q_OBJECT
  public:
    // `density`: the session's training density shared with other views (MainWindow's); null:
    // the view makes its own (a view on its own, e.g. in a test).
    explicit StarFitView(Session* session, QWidget* parent = nullptr, SessionDensity* density = nullptr);

    // The lattice of the label grid (default: core's, the span of the authors' density grid);
    // tests use a coarser one. Takes effect at the next grid build.
    void setGridSettings(const core::LabelGridSettings& settings);

    // The science views' selection as catalog rows (followed while the panel says so).
    void setLinkedStars(const std::vector<std::size_t>& catalogRows);

    // For the "Catalog Fit" tab, which fits with this view's grid (one grid of tens of MB,
    // not two): looks at the session now, even while this tab is hidden, so that the
    // density and the grid for the current model are read and built.
    void prepareGrid();
    // The grid for the session's current model, density and θ prior; null while it is read
    // or (re)built, and when it cannot be (gridError() then says why).
    std::shared_ptr<const core::LabelGrid> currentGrid() const;
    QString gridError() const { return gridError_; }

    StarFitInputPanel* input() const { return input_; }
    CornerPlot* corner() const { return corner_; }
    StarFitCmdPlot* cmd() const { return cmd_; }
    BandResidualPlot* residuals() const { return residuals_; }
    QTextBrowser* summary() const { return summary_; }
    StarFitJob* job() const { return job_; }
    // The sentence shown instead of the plots (no model, building the grid, a bad star).
    QString message() const;
    bool showsPlots() const;
    // Density, grid, fit or locus still in the works (a screenshot waits for this to end).
    bool isBusy() const;
    // The model's training density is being read or a grid is being built: gridSettled()
    // will follow.
    bool isPreparingGrid() const;
    std::shared_ptr<const StarFitResult> result() const { return result_; }
    // Milliseconds from the last request (a new star, prior or typed value) to the drawn
    // corner plot, CMD and residuals; 0 before the first.
    double lastLatencyMs() const { return lastLatencyMs_; }
    // Of which drawing the panels and the text took (GUI thread).
    double lastDrawMs() const { return lastDrawMs_; }

  signals:
    // After a result (fitted or not) is drawn.
    void resultShown();
    // A grid build ended: currentGrid() holds the grid, or gridError() says why there is none.
    void gridSettled();

  protected:
    void showEvent(QShowEvent* event) override;
    void changeEvent(QEvent* event) override;

  private:
    void onModelChanged();
    void onCatalogChanged();
    void refresh(); // the density and the grid for the session, once the tab is shown
    void updateGrid();
    void requestFit();
    void showResult(std::shared_ptr<const StarFitResult> result);
    void drawResult(); // result_ on every panel
    void showMessage(const QString& text, bool busy);
    void updateGridText();
    void fitLeftColumn();
    void retranslate();

    Session* session_;
    StarFitJob* job_;
    SessionDensity* density_;
    StarFitInputPanel* input_;
    QTextBrowser* summary_;
    QLabel* gridText_;
    QSplitter* left_;
    QStackedWidget* stack_;
    QLabel* message_;
    QProgressBar* busy_;
    CornerPlot* corner_;
    StarFitCmdPlot* cmd_;
    BandResidualPlot* residuals_;
    QLabel* cornerHeading_;
    QLabel* cmdHeading_;
    QLabel* residualHeading_;
    std::shared_ptr<const StarFitResult> result_;
    QElapsedTimer sinceRequest_;
    double lastLatencyMs_ = 0.0;
    double lastDrawMs_ = 0.0;
    double gridSeconds_ = 0.0;
    QString gridError_;
    core::LabelGridSettings gridSettings_;
    bool stale_ = true; // the session changed since the tab last looked at it
};

} // namespace starlocus::ui
