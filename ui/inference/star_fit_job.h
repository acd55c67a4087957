// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// StarFitJob: the "Fit a star" view's background work. The label grid (the model evaluated
// once on the θ lattice, core/inference/label_grid.h) is built off the GUI thread once per
// model, density and θ prior (seconds); each star's posterior (core::fitStar, milliseconds)
// runs off the GUI thread too. One fit runs at a time: a request made meanwhile waits, and a
// newer request replaces a waiting one, so the view always ends on the star asked for last
// and never draws a superseded one. A grid build that is no longer wanted is cut short
// (its remaining model evaluations are skipped) and its result dropped.
#include "core/catalog/catalog.h"
#include "core/diagnostics/density_grid.h"
#include "core/inference/label_grid.h"
#include "core/model/stellar_model.h"
#include "ui/inference/star_fit_result.h"

#include <QElapsedTimer>
#include <QFutureWatcher>
#include <QObject>
#include <QString>
#include <atomic>
#include <cstdint>
#include <memory>
#include <optional>
#include <utility>
#include <vector>

namespace starlocus::ui {

// What a grid is built from. Without a density the θ prior is Box whatever was asked.
struct StarFitGridInput {
    std::shared_ptr<const core::StellarModel> model;
    std::shared_ptr<const core::DensityGrid> density; // null: none known for this model
    core::LabelPrior prior = core::LabelPrior::ValidRegion;
    core::LabelGridSettings settings; // axes and strides (prior set from `prior`)

    core::LabelPrior effectivePrior() const { return density ? prior : core::LabelPrior::Box; }
};

struct StarFitGridOutcome {
    std::shared_ptr<const core::LabelGrid> grid; // null on failure or when cut short
    QString error;
    double seconds = 0.0;
};

class StarFitJob : public QObject {
    Q_OBJECT
  public:
    explicit StarFitJob(QObject* parent = nullptr);
    // Cuts a running grid build short and waits for the running tasks.
    ~StarFitJob() override;

    // Builds the grid for `input` unless the one built (or being built) is for the same
    // model, density and prior. A null model drops the grid.
    void setGridInput(StarFitGridInput input);
    // Fits the star once the grid is ready; replaces a request that has not started yet.
    // The last star asked for is fitted again whenever the grid changes.
    void requestFit(StarFitRequest request);
    // The CMD's background: the catalog's stars as the model predicts them (E = 0), computed
    // off the GUI thread; `locusReady` follows (null without a model or catalog).
    void setLocusInput(std::shared_ptr<const core::StellarModel> model,
                       std::shared_ptr<const core::Catalog> catalog);
    // No star any more (e.g. the catalog changed): nothing is fitted until the next request.
    void forgetStar();

    // Until its result has been handled on the GUI thread.
    bool isBuildingGrid() const { return gridInFlight_; }
    bool isFitting() const { return fitsHandled_ != fitsStarted_; }
    // Work is running, waiting, or its result not yet handed over (a screenshot or test waits
    // for this to end).
    bool isBusy() const { return gridInFlight_ || isFitting() || pendingFit_.has_value() || locusInFlight_; }
    std::shared_ptr<const core::LabelGrid> grid() const { return grid_; }
    // A star has been asked for (and not forgotten since).
    bool hasStar() const { return lastRequest_.has_value(); }
    const StarFitGridInput& gridInput() const { return gridInput_; }
    // Milliseconds from the last requestFit() to the result's arrival on the GUI thread.
    double lastRoundTripMs() const { return lastRoundTripMs_; }

  signals:
    void gridBuildStarted();
    void gridReady(double seconds);
    void gridFailed(const QString& reason);
    void fitFinished(std::shared_ptr<const starlocus::ui::StarFitResult> result);
    void locusReady(std::shared_ptr<const std::vector<starlocus::core::Vec13>> locus);

  private:
    void startGridBuild();
    void onGridFinished();
    void startPendingFit();
    void onFitFinished();
    void startLocus();

    StarFitGridInput gridInput_;
    std::shared_ptr<const core::LabelGrid> grid_;
    QFutureWatcher<StarFitGridOutcome> gridWatcher_;
    std::shared_ptr<std::atomic<bool>> gridCancel_; // the running build's stop flag
    bool gridWanted_ = false;                       // the running build is for gridInput_ (not superseded)
    bool rebuildAfterRunning_ = false;
    bool gridInFlight_ = false;
    bool locusInFlight_ = false;

    QFutureWatcher<std::shared_ptr<const StarFitResult>> fitWatcher_;
    std::optional<StarFitRequest> pendingFit_;
    std::optional<StarFitRequest> lastRequest_;
    std::uint64_t fitsStarted_ = 0, fitsHandled_ = 0;     // a watcher's late notices are ignored
    std::shared_ptr<core::PosteriorWorkspace> workspace_; // one fit at a time uses it
    QFutureWatcher<std::shared_ptr<const std::vector<core::Vec13>>> locusWatcher_;
    int locusGeneration_ = 0;
    int locusRunning_ = 0; // generation of the running locus task
    std::pair<std::shared_ptr<const core::StellarModel>, std::shared_ptr<const core::Catalog>> locusInput_;
    QElapsedTimer sinceRequest_;
    double lastRoundTripMs_ = 0.0;
};

} // namespace starlocus::ui
