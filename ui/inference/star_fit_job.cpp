// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/inference/star_fit_job.h"

#include "core/model/color_transform.h"
#include "ui/views/explorer_prediction.h"

#include <QElapsedTimer>
#include <QtConcurrent/QtConcurrentRun>
#include <exception>
#include <new>

namespace starlocus::ui {
namespace {

// Bins of the μ and E marginals and of the μ–E map over ±5σ (0.2σ each). With each node's
// Gaussian drawn only over its own ±5σ box, the map costs ~0.8 ms a star at 48 bins with the
// published model (1.9 ms with the fit, against 1.1 ms without marginals).
constexpr std::size_t kMarginalBins = 48;

// Thrown from inside the grid's model evaluations once the build is no longer wanted: the
// core's parallel loop rethrows it, so the remaining nodes are not evaluated.
struct GridBuildCancelled {};

StarFitGridOutcome buildGrid(const StarFitGridInput& input,
                             const std::shared_ptr<std::atomic<bool>>& cancel) {
    StarFitGridOutcome outcome;
    QElapsedTimer clock;
    clock.start();
    try {
        core::LabelGridSettings settings = input.settings;
        settings.prior = input.effectivePrior();
        const core::StellarModel& model = *input.model;
        const core::ModelAtLabels evaluate = [&model, &cancel](const Eigen::Vector3d& theta,
                                                               core::Vec13& absMag, core::Vec13& extinction) {
            if (cancel->load(std::memory_order_relaxed))
                throw GridBuildCancelled{};
            const core::ModelEvaluation eval = model.evaluate(theta, false);
            absMag = core::fromColorSpace(eval.colorMagnitudes);
            extinction = eval.extinction;
        };
        outcome.grid = std::make_shared<const core::LabelGrid>(core::buildLabelGrid(
            evaluate, settings, settings.prior == core::LabelPrior::Box ? nullptr : input.density.get()));
    } catch (const GridBuildCancelled&) {
        return outcome; // no grid, no error: a newer one is wanted
    } catch (const std::bad_alloc&) {
        outcome.error = StarFitJob::tr("not enough memory for the label grid");
    } catch (const std::exception& e) {
        // core::InputError says which setting; anything else is a bug to be named as such.
        outcome.error = QString::fromStdString(e.what());
    }
    outcome.seconds = double(clock.nsecsElapsed()) * 1e-9;
    return outcome;
}

std::shared_ptr<const StarFitResult> fit(const std::shared_ptr<const core::LabelGrid>& grid,
                                         const std::shared_ptr<const core::StellarModel>& model,
                                         const std::shared_ptr<core::PosteriorWorkspace>& workspace,
                                         const StarFitRequest& request) {
    auto result = std::make_shared<StarFitResult>();
    result->request = request;
    result->labelPrior = grid->settings.prior;
    result->gridHasDensity = grid->hasDensity();
    QElapsedTimer clock;
    clock.start();
    result->posterior =
        core::fitStar(*grid, request.settings, request.star, *workspace, &result->marginals, kMarginalBins);
    result->fitMs = double(clock.nsecsElapsed()) * 1e-6;
    if (result->posterior.fitted()) {
        const core::StarPosterior& p = result->posterior;
        const Eigen::Vector3d theta(p.mapTheta[0], p.mapTheta[1], p.mapTheta[2]);
        const core::ModelEvaluation eval = model->evaluate(theta, false);
        result->bestFitAbsMag = core::fromColorSpace(eval.colorMagnitudes) + p.mapE * eval.extinction;
    }
    return result;
}

bool sameLattice(const core::LabelGridSettings& a, const core::LabelGridSettings& b) {
    for (std::size_t k = 0; k < 3; ++k)
        if (a.axes[k].min != b.axes[k].min || a.axes[k].step != b.axes[k].step ||
            a.axes[k].count != b.axes[k].count || a.coarseStride[k] != b.coarseStride[k])
            return false;
    return true;
}

bool sameGrid(const StarFitGridInput& a, const StarFitGridInput& b) {
    return a.model == b.model && a.density == b.density && a.effectivePrior() == b.effectivePrior() &&
           sameLattice(a.settings, b.settings);
}

} // namespace

StarFitJob::StarFitJob(QObject* parent)
    : QObject(parent), workspace_(std::make_shared<core::PosteriorWorkspace>()) {
    qRegisterMetaType<std::shared_ptr<const StarFitResult>>();
    connect(&gridWatcher_, &QFutureWatcher<StarFitGridOutcome>::finished, this, &StarFitJob::onGridFinished);
    connect(&fitWatcher_, &QFutureWatcher<std::shared_ptr<const StarFitResult>>::finished, this,
            &StarFitJob::onFitFinished);
    connect(&locusWatcher_, &QFutureWatcher<std::shared_ptr<const std::vector<core::Vec13>>>::finished, this,
            [this] {
                locusInFlight_ = false;
                if (locusRunning_ == locusGeneration_)
                    emit locusReady(locusWatcher_.result());
                else if (locusInput_.first && locusInput_.second) // superseded while it ran
                    startLocus();
            });
}

StarFitJob::~StarFitJob() {
    gridWatcher_.disconnect(this);
    fitWatcher_.disconnect(this);
    if (gridCancel_)
        gridCancel_->store(true);
    gridWatcher_.waitForFinished();
    fitWatcher_.waitForFinished(); // milliseconds
    locusWatcher_.disconnect(this);
    locusWatcher_.waitForFinished(); // ~1 µs per star, at most 50,000 stars
}

void StarFitJob::setLocusInput(std::shared_ptr<const core::StellarModel> model,
                               std::shared_ptr<const core::Catalog> catalog) {
    ++locusGeneration_;
    locusInput_ = {std::move(model), std::move(catalog)};
    if (!locusInput_.first || !locusInput_.second) {
        emit locusReady(nullptr);
        return;
    }
    if (!locusInFlight_) // else started when the running one ends
        startLocus();
}

void StarFitJob::startLocus() {
    locusRunning_ = locusGeneration_;
    locusInFlight_ = true;
    auto [model, catalog] = locusInput_;
    locusWatcher_.setFuture(QtConcurrent::run([model, catalog] {
        return std::make_shared<const std::vector<core::Vec13>>(predictCatalogMagnitudes(*model, *catalog));
    }));
}

void StarFitJob::setGridInput(StarFitGridInput input) {
    if (sameGrid(input, gridInput_) && (grid_ || isBuildingGrid() || !input.model))
        return;
    gridInput_ = std::move(input);
    grid_.reset();
    // The star shown was fitted on the old grid: fit it again on the new one.
    if (!pendingFit_ && lastRequest_)
        pendingFit_ = lastRequest_;
    if (isBuildingGrid()) {
        // Cut the running build short; the wanted one starts when it has stopped.
        gridWanted_ = false;
        gridCancel_->store(true);
        rebuildAfterRunning_ = gridInput_.model != nullptr;
        return;
    }
    if (gridInput_.model)
        startGridBuild();
    else
        pendingFit_.reset(); // nothing to fit with
}

void StarFitJob::forgetStar() {
    pendingFit_.reset();
    lastRequest_.reset();
}

void StarFitJob::startGridBuild() {
    rebuildAfterRunning_ = false;
    gridWanted_ = true;
    gridCancel_ = std::make_shared<std::atomic<bool>>(false);
    gridInFlight_ = true;
    emit gridBuildStarted();
    gridWatcher_.setFuture(QtConcurrent::run(buildGrid, gridInput_, gridCancel_));
}

void StarFitJob::onGridFinished() {
    gridInFlight_ = false;
    const StarFitGridOutcome outcome = gridWatcher_.result();
    if (!gridWanted_) {
        if (rebuildAfterRunning_)
            startGridBuild();
        return;
    }
    if (!outcome.grid) {
        pendingFit_.reset();
        emit gridFailed(outcome.error);
        return;
    }
    grid_ = outcome.grid;
    emit gridReady(outcome.seconds);
    startPendingFit();
}

void StarFitJob::requestFit(StarFitRequest request) {
    sinceRequest_.start();
    lastRequest_ = request;
    pendingFit_ = std::move(request);
    startPendingFit();
}

void StarFitJob::startPendingFit() {
    if (!pendingFit_ || !grid_ || fitWatcher_.isRunning())
        return; // the running fit's end or the grid's arrival starts it
    StarFitRequest request = std::move(*pendingFit_);
    pendingFit_.reset();
    ++fitsStarted_;
    fitWatcher_.setFuture(QtConcurrent::run(fit, grid_, gridInput_.model, workspace_, std::move(request)));
}

void StarFitJob::onFitFinished() {
    // A late notice of a future the watcher no longer watches (a newer fit started meanwhile).
    if (!fitWatcher_.future().isFinished() || fitWatcher_.future().resultCount() == 0 ||
        fitsHandled_ == fitsStarted_)
        return;
    fitsHandled_ = fitsStarted_;
    std::shared_ptr<const StarFitResult> result = fitWatcher_.result();
    if (pendingFit_ || !grid_) { // superseded while it ran (a newer star or a new grid)
        startPendingFit();
        return;
    }
    lastRoundTripMs_ = double(sinceRequest_.nsecsElapsed()) * 1e-6;
    emit fitFinished(std::move(result));
}

} // namespace starlocus::ui
