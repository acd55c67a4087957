// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/training/trainer.h"

#include "core/catalog/label_statistics.h"
#include "core/common/input_error.h"
#include "core/common/parallel_for.h"
#include "core/io/training_checkpoint.h"
#include "core/training/epoch_order.h"
#include "core/training/epoch_runner.h"
#include "core/training/epoch_schedule.h"
#include "core/training/network_parameters.h"
#include "core/training/physical_start.h"
#include "core/training/sample_layout.h"
#include "core/training/training_kernels.h"
#include "core/training/worker_team.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cmath>
#include <cstring>
#include <limits>
#include <memory>
#include <optional>
#include <thread>

namespace starlocus::core {
namespace {

using Clock = std::chrono::steady_clock;

// Halving the rate this often without a finite loss means the run diverges.
constexpr double kMinLearningRateScale = 1.0 / 1024.0;
// The fault list of a run is bounded whatever happens: ten halvings reach the limit above,
// so a healthy run records at most a dozen; the rest are only counted.
constexpr std::size_t kMaxRecordedFaults = 64;
constexpr double kNoValue = std::numeric_limits<double>::quiet_NaN();

std::string numberText(double v) {
    char text[32];
    std::snprintf(text, sizeof text, "%.6g", v);
    return text;
}

// The scale multiplies the schedule's rate: only halvings after faults make it, so it lies
// in (0, 1]. NaN (the guard below never fired for it: "halved the learning rate to nan"
// for ever) and a negative scale (Adam walks uphill and the model is saved) are refused.
void requireLearningRateScale(double scale) {
    if (!(scale > 0.0 && scale <= 1.0))
        throw TrainingError("the checkpoint's learning-rate scale is " + numberText(scale) +
                            "; it must be in (0, 1] (the product of the halvings after faults)");
}

bool allFinite(const ParameterVector& v) {
    return std::all_of(v.begin(), v.end(), [](float x) { return std::isfinite(x); });
}

// What resuming relies on, checked here whatever the file loader checked (the trainer may
// be handed a checkpoint built anywhere): sizes that match the layout and the catalog,
// finite numbers, settings within their ranges. Every comparison fails for NaN.
void requireResumable(const TrainingCheckpoint& cp, std::size_t stars) {
    try {
        cp.config.validate();
    } catch (const InputError& e) {
        throw TrainingError("the checkpoint's setting '" + e.field() + "' " + e.reason());
    }
    requireLearningRateScale(cp.learningRateScale);
    if (!(cp.completedIterations >= 0 && cp.completedIterations <= cp.config.iterations))
        throw TrainingError("the checkpoint's completed iterations (" + std::to_string(cp.completedIterations) +
                            ") are outside 0 … " + std::to_string(cp.config.iterations));
    if (epochsPerIterationRun(cp.config, cp.history) <= 0 && cp.completedIterations > 0)
        throw TrainingError("the checkpoint's schedule is automatic, but its epoch history does not say how many "
                            "epochs iteration 1 ran");
    const std::size_t parameters = NetworkLayout(cp.config.hiddenLayers).size;
    if (cp.parameters.size() != parameters || cp.adam.m.size() != parameters || cp.adam.v.size() != parameters)
        throw TrainingError("the checkpoint holds " + std::to_string(cp.parameters.size()) +
                            " parameters, its hidden layers need " + std::to_string(parameters));
    if (!allFinite(cp.parameters) || !allFinite(cp.adam.m) || !allFinite(cp.adam.v) ||
        !std::all_of(cp.adam.v.begin(), cp.adam.v.end(), [](float x) { return x >= 0.0f; }) || cp.adam.step < 0)
        throw TrainingError("the checkpoint's parameters or Adam moments are not finite (or a second moment is < 0)");
    for (std::size_t a = 0; a < 3; ++a)
        if (!std::isfinite(cp.normalization.median[a]) || !(cp.normalization.stddev[a] > 0.0) ||
            !std::isfinite(cp.normalization.stddev[a]))
            throw TrainingError("the checkpoint's label normalisation is not finite with σ > 0");
    const TrainingState& st = cp.state;
    for (std::size_t size : {st.split.size(), st.usable.size(), st.inUse.size(), st.reddening.size(),
                             st.reddeningVar.size(), st.chi2Dof.size()})
        if (size != stars)
            throw TrainingError("the checkpoint's per-star state does not match the catalog's size");
}

double secondsSince(Clock::time_point t0) { return std::chrono::duration<double>(Clock::now() - t0).count(); }

std::uint64_t fnv1a(std::uint64_t h, const void* data, std::size_t bytes) {
    const auto* p = static_cast<const unsigned char*>(data);
    for (std::size_t k = 0; k < bytes; ++k) {
        h ^= p[k];
        h *= 1099511628211ull;
    }
    return h;
}

// Below the steps R's scale needs (epoch_schedule.h), say so and how many epochs would
// give them: a fixed schedule on a small catalog, or the automatic one at its cap.
void warnAboutFewSteps(const EpochSchedule& schedule, const TrainingConfig& config, TrainingObserver& observer) {
    const double steps = schedule.stepsPerIteration();
    if (schedule.trainingStars > 0 && steps < kStepsPerIterationNeeded) {
        char text[400];
        std::snprintf(text, sizeof text,
                      "only %.0f optimisation steps per iteration (%zu training stars, batch %d, %d epochs): the "
                      "scale of R may not converge; about %.0f epochs per iteration would give %.0f steps%s",
                      steps, schedule.trainingStars, config.batchSize, schedule.epochsPerIteration,
                      std::ceil(kStepsPerIterationNeeded / double(schedule.stepsPerEpoch)), kStepsPerIterationNeeded,
                      schedule.automatic ? " (the automatic schedule stops at its cap)" : "");
        observer.onMessage(text);
    }
}

std::size_t trainingStarsInUse(const TrainingState& state) {
    std::size_t train = 0;
    for (std::size_t i = 0; i < state.size(); ++i)
        train += state.inUse[i] && state.split[i] == Split::Train ? 1 : 0;
    return train;
}

// A run on a handful of stars is well defined (Eq. 15 and its gradient exist for one star)
// and serves smoke tests and demos, so it is not refused; but it is said plainly what it
// cannot give. The messages start with "only" like the advice above, so every front end
// that shows that advice shows these too.
void noteSmallRun(const TrainingState& state, const NetworkLayout& layout, TrainingObserver& observer) {
    std::size_t train = 0, validation = 0;
    for (std::size_t i = 0; i < state.size(); ++i) {
        if (!state.usable[i])
            continue;
        train += state.split[i] == Split::Train ? 1 : 0;
        validation += state.split[i] == Split::Validation ? 1 : 0;
    }
    if (train > 0 && train * kBandCount < layout.size)
        observer.onMessage("only " + std::to_string(train) + " usable training stars (at most " +
                           std::to_string(train * kBandCount) + " values) for " + std::to_string(layout.size) +
                           " network parameters: the fit is under-determined and the regularisation decides the rest");
    if (train > 0 && validation == 0)
        observer.onMessage("only training and test stars are usable, no validation star: the validation loss has "
                           "no value");
}


// After a non-finite loss the epoch is retried at this fraction of the learning rate.
constexpr double kFaultRateFactor = 0.5;
// Retries of one epoch before the iteration starts again from its own starting point: if
// the epoch's starting point is already beyond repair (the previous epoch ended finite but
// on the edge), halving once more cannot help.
constexpr int kRetriesBeforeIterationRestart = 2;

// Training and validation stars in use, by their positions in the sample layout, ascending
// (the catalog order for the free shuffle).
struct IterationStars {
    std::vector<std::uint32_t> train;
    std::vector<std::uint32_t> validation;
};

// How one epoch ended.
enum class EpochOutcome { Done, RestartIteration, Stopped };

// Every rank must compute the same run: the same catalog, settings and CPU path of the
// kernels (their last bits differ between paths, and the ranks' weights would drift apart),
// and later the same starting state. Each rank evaluates the same agreement, so all refuse
// together.
void requireRanksAgree(RankGroup& ranks, const Catalog& catalog, const TrainingConfig& config) {
    if (!ranks.isParallel())
        return;
    if (std::size_t(ranks.size()) > catalog.size())
        throw TrainingError(std::to_string(ranks.size()) + " ranks for " + std::to_string(catalog.size()) +
                            " stars in " + catalog.sourceFile + ": each rank needs at least one star");
    if (!ranks.allAgree(catalogContentHash(catalog)))
        throw TrainingError("the ranks read different catalogs (" + catalog.sourceFile +
                            " on this rank): every rank must read the same file");
    TrainingConfig shared = config;
    shared.threads = 0; // may differ: results do not depend on it
    const std::string settings = trainingConfigToJson(shared);
    if (!ranks.allAgree(fnv1a(14695981039346656037ull, settings.data(), settings.size())))
        throw TrainingError("the ranks were given different training settings");
    const std::string_view path = cpuPathName(trainingKernels().path);
    if (!ranks.allAgree(fnv1a(14695981039346656037ull, path.data(), path.size())))
        throw TrainingError("the ranks run different CPU paths of the kernels (this one: " + std::string(path) +
                            "); set STARLOCUS_CPU to the same path on every rank");
}

std::uint64_t stateHash(const TrainingCheckpoint& cp) {
    std::uint64_t h = fnv1a(14695981039346656037ull, cp.parameters.data(), cp.parameters.size() * sizeof(float));
    h = fnv1a(h, cp.adam.m.data(), cp.adam.m.size() * sizeof(float));
    h = fnv1a(h, &cp.completedIterations, sizeof cp.completedIterations);
    return fnv1a(h, &cp.learningRateScale, sizeof cp.learningRateScale);
}

// One call of Trainer::run, in named steps: start (or resume), then per iteration the
// epochs (each with its rollback on a non-finite loss, its validation and its event) and
// the iteration's update (reddening re-fit, covariances, outlier cut, checkpoint).
class TrainingRun {
public:
    TrainingRun(const Catalog& catalog, const TrainingConfig& config, const std::string& checkpointPath,
                RankGroup& ranks, TrainingObserver& observer, TrainingControl& control)
        : catalog_(catalog), config_(config), checkpointPath_(checkpointPath), ranks_(ranks), observer_(observer),
          control_(control), layout_(config.hiddenLayers) {}

    // A new run: the run's label normalisation, the first covariances, the initial weights.
    void start() {
        cp_.config = config_;
        cp_.catalogHash = catalogContentHash(catalog_);
        cp_.catalogSource = catalog_.sourceFile;
        cp_.normalization = labelNormalizationOf(catalog_); // the run's own (METHOD.md §2)
        observer_.onMessage("building the first covariances for " + std::to_string(catalog_.size()) + " stars");
        sampleLayout_ = sampleLayoutOf(config_);
        cp_.state = initialState(catalog_, cp_.normalization, config_, samples_, ranks_, sampleLayout_);
        schedule_ = chooseEpochSchedule(config_, trainingStarsInUse(cp_.state));
        cp_.parameters = initialParameters(layout_, config_.seed);
        if (config_.initialization == Initialization::Physical && !ranks_.isParallel()) {
            const auto sampleOf = [&](std::size_t i) { return samples_[sampleLayout_.slot(i)]; };
            applyPhysicalStart(layout_, cp_.parameters, cp_.normalization, sampleOf, cp_.state);
        } else if (config_.initialization == Initialization::Physical && ranks_.isRoot()) {
            // Rank 0 does not hold every star's sample: it computes the few the start reads.
            applyPhysicalStart(
                layout_, cp_.parameters, cp_.normalization,
                [&](std::size_t i) {
                    StarSample sample{};
                    firstIterationSample(catalog_, cp_.normalization, i, sample);
                    return sample;
                },
                cp_.state);
        }
        ranks_.broadcastFromRoot(cp_.parameters); // every rank starts from rank 0's weights
        cp_.adam = AdamState(layout_.size);
    }

    // A checkpointed run: the per-star samples rebuilt from its model and state.
    void resume(TrainingCheckpoint checkpoint) {
        cp_ = std::move(checkpoint);
        requireLearningRateScale(cp_.learningRateScale); // checked at resumeFrom too: every path in
        observer_.onMessage("resuming after iteration " + std::to_string(cp_.completedIterations));
        // The schedule the run started with (a checkpoint after no iteration has none yet).
        schedule_.automatic = config_.epochsPerIteration == kAutoEpochs;
        schedule_.epochsPerIteration = epochsPerIterationRun(config_, cp_.history);
        if (schedule_.epochsPerIteration <= 0)
            schedule_ = chooseEpochSchedule(config_, trainingStarsInUse(cp_.state));
        const StellarModel model =
            modelFromParameters(layout_, cp_.parameters, cp_.normalization, Activation::Sigmoid, {});
        sampleLayout_ = sampleLayoutOf(config_);
        samples_.assign(ranks_.localStars(catalog_.size()).size(), StarSample{});
        updateState(catalog_, model, config_.thresholdAfter(cp_.completedIterations), false, cp_.state, samples_,
                    ranks_, sampleLayout_);
    }

    // The remaining iterations; the result holds the state after the last completed one.
    TrainingResult iterate() {
        const unsigned threads = config_.threads > 0 ? unsigned(config_.threads) : workerThreadCount();
        WorkerTeam team(threads);
        EpochRunner runner(layout_, config_, ranks_, catalog_.size(), team, control_);
        runner.setSamples(&samples_, &sampleLayout_);
        runner_ = &runner;
        elapsedBefore_ = cp_.elapsedSeconds;
        // The ETA's rate: epochs of this process only, timed from its first epoch (a resumed
        // run's earlier epochs and the set-up before the first epoch are not in it).
        firstEpoch_ = cp_.completedIterations * schedule_.epochsPerIteration;
        epochClockSeconds_ = secondsSince(t0_);

        observer_.onMessage("schedule: " + std::to_string(config_.iterations) + " iterations, " +
                            scheduleText(schedule_, config_.batchSize));
        warnAboutFewSteps(schedule_, config_, observer_);
        noteSmallRun(cp_.state, layout_, observer_);

        TrainingResult result;
        for (int k = cp_.completedIterations + 1; k <= config_.iterations; ++k) {
            if (!runIterationEpochs(k)) {
                result.stopped = true;
                break;
            }
            updateAfterIteration(k);
        }
        // The counts of the per-star rules as the run ends (a checkpoint does not store them, so a
        // resumed run counts them here too; a star whose covariance broke down in a later
        // iteration counts as such), the same for a resumed and an uninterrupted run.
        cp_.state.defects = countStateDefects(catalog_, cp_.normalization, cp_.state);
        if (const std::size_t tried = runner_->epochsAlone() + runner_->epochsOnTeam(); tried > 0)
            observer_.onMessage("epochs whose mini-batches ran on one thread, faster there than on all: " +
                                std::to_string(runner_->epochsAlone()) + " of " + std::to_string(tried) +
                                " that timed both");
        result.model = *modelNow();
        result.final = std::move(cp_);
        result.schedule = schedule_;
        runner_ = nullptr;
        return result;
    }

    std::uint64_t stateHash() const { return core::stateHash(cp_); }

private:
    std::shared_ptr<const StellarModel> modelNow() const { return modelOf(cp_.parameters); }
    std::shared_ptr<const StellarModel> modelOf(const ParameterVector& params) const {
        return std::make_shared<const StellarModel>(
            modelFromParameters(layout_, params, cp_.normalization, Activation::Sigmoid,
                                {"starlocus-training", "", description(), catalog_.sourceFile}));
    }

    // The model file's description says the schedule (its config says "auto", 0 in JSON).
    std::string description() const {
        return "trained by StarLocus: " + std::to_string(config_.iterations) + " iterations of " +
               std::to_string(schedule_.epochsPerIteration) + " epochs" + (schedule_.automatic ? " (automatic)" : "");
    }

    // The samples' order of this run: the catalog's for the free shuffle, else a random one.
    SampleLayout sampleLayoutOf(const TrainingConfig& config) const {
        const StarRange local = ranks_.localStars(catalog_.size());
        return config.shuffleBlockStars == kFullShuffle ? SampleLayout::catalogOrder(catalog_.size(), local)
                                                        : SampleLayout::shuffled(catalog_.size(), local, config.seed);
    }

    IterationStars starsInUse(int k) const {
        IterationStars stars;
        for (std::size_t p = 0; p < catalog_.size(); ++p) {
            const std::size_t i = sampleLayout_.starAt(p);
            if (!cp_.state.inUse[i])
                continue;
            if (cp_.state.split[i] == Split::Train)
                stars.train.push_back(std::uint32_t(p));
            else if (cp_.state.split[i] == Split::Validation)
                stars.validation.push_back(std::uint32_t(p));
        }
        if (stars.train.empty())
            throw TrainingError(k == 1 ? "no usable training star in " + catalog_.sourceFile
                                       : "the χ²/dof cut after iteration " + std::to_string(k - 1) +
                                             " leaves no training star");
        return stars;
    }

    // A pure function of (seed, epoch): a retried epoch sees the same order (epoch_order.h).
    std::vector<std::uint32_t> shuffled(const std::vector<std::uint32_t>& train, int globalEpoch) const {
        if (config_.shuffleBlockStars == kFullShuffle)
            return freeShuffle(train, config_.seed, globalEpoch);
        return blockShuffle(train, sampleLayout_.stars(), std::size_t(config_.shuffleBlockStars), config_.seed,
                            globalEpoch);
    }

    // The epochs of iteration k; false when stopped on request (the parameters are then
    // those after the last completed epoch).
    bool runIterationEpochs(int k) {
        const IterationStars stars = starsInUse(k);
        // Where a restarted iteration starts again.
        iterationParams_ = cp_.parameters;
        iterationAdam_ = cp_.adam;
        historyMark_ = cp_.history.epochs.size();
        processedMark_ = cp_.starsProcessed;
        for (int epoch = 1; epoch <= schedule_.epochsPerIteration; ++epoch) {
            switch (runEpoch(k, epoch, stars)) {
            case EpochOutcome::Done:
                break;
            case EpochOutcome::RestartIteration:
                epoch = 0; // the loop's ++ starts the iteration again at epoch 1
                break;
            case EpochOutcome::Stopped:
                return false;
            }
        }
        return true;
    }

    // One epoch: optimisation with its rollback, then validation and the epoch's event. In one
    // process the validation pass of epoch e runs on the team's other threads while this one
    // starts epoch e + 1 (the pass only reports: nothing of the optimisation depends on it),
    // and those threads draw epoch e + 2's order after it; e's event follows as soon as the
    // pass is done. The results are the same as one after the other, bit for bit.
    EpochOutcome runEpoch(int k, int epoch, const IterationStars& stars) {
        const int globalEpoch = (k - 1) * schedule_.epochsPerIteration + epoch;
        // Drawn ahead if this is a later epoch of the same iteration (the same training stars);
        // a pure function of (seed, epoch) either way.
        const std::vector<std::uint32_t> order =
            nextOrderEpoch_ == globalEpoch ? std::move(nextOrder_) : shuffled(stars.train, globalEpoch);
        nextOrderEpoch_ = 0;
        const bool last = epoch >= schedule_.epochsPerIteration; // the update changes the training stars
        const bool overlap = !ranks_.isParallel() && runner_->teamSize() > 1;
        const auto drawNextOrder = [this, &stars, globalEpoch, last] {
            if (last)
                return;
            nextOrder_ = shuffled(stars.train, globalEpoch + 1);
            nextOrderEpoch_ = globalEpoch + 1;
        };
        if (overlap) // the last epoch's validation pass (with the parameters it ended with), then the order
            runner_->startValidation(cp_.parameters, validatedEpoch_ ? stars.validation : kNoStars, drawNextOrder);
        // The pass refers to `stars` and to this run: should anything throw before it is
        // finished below, it is finished before they go.
        const BackgroundPassEnd passEnd{*runner_};
        const ParameterVector goodParams = cp_.parameters;
        const AdamState goodAdam = cp_.adam;
        double trainLoss = 0.0, optimisationSeconds = 0.0;
        for (int retries = 0;;) {
            const double lr = config_.learningRateAt(k) * cp_.learningRateScale;
            const auto tEpoch = Clock::now();
            trainLoss = runner_->run(cp_.parameters, cp_.adam, order, lr, [this] { publishValidated(); });
            optimisationSeconds = secondsSince(tEpoch);
            publishValidated(); // the last epoch's event before anything of this one
            if (std::isfinite(trainLoss) || control_.stopRequested.load())
                break;
            rollBack(k, epoch, goodParams, goodAdam);
            if (++retries >= kRetriesBeforeIterationRestart && epoch > 1) {
                restartIteration();
                return EpochOutcome::RestartIteration;
            }
        }
        if (control_.stopRequested.load()) {
            // The checkpoint of the last completed iteration stays as it is.
            cp_.parameters = goodParams; // never hand out a half-finished epoch
            cp_.adam = goodAdam;
            return EpochOutcome::Stopped;
        }
        cp_.starsProcessed += order.size();
        const double starsPerSecond = optimisationSeconds > 0 ? double(order.size()) / optimisationSeconds : 0.0;
        const EpochDone done{k,
                             epoch,
                             globalEpoch,
                             trainLoss,
                             config_.learningRateAt(k) * cp_.learningRateScale,
                             starsPerSecond,
                             cp_.starsProcessed,
                             secondsSince(t0_)};
        if (overlap && !last) {
            validatedEpoch_ = done; // its pass starts with the next epoch
            return EpochOutcome::Done;
        }
        // The last epoch before the update, or over ranks: here, with the next order drawn
        // meanwhile (over ranks; the last epoch has none).
        const double validationLoss =
            runner_->validationLoss(cp_.parameters, stars.validation, overlap ? std::function<void()>{} : drawNextOrder);
        publishEpoch(done, validationLoss, cp_.parameters);
        return EpochOutcome::Done;
    }

    struct BackgroundPassEnd {
        EpochRunner& runner;
        explicit BackgroundPassEnd(EpochRunner& r) : runner(r) {}
        BackgroundPassEnd(const BackgroundPassEnd&) = delete;
        BackgroundPassEnd& operator=(const BackgroundPassEnd&) = delete;
        ~BackgroundPassEnd() {
            if (!runner.validationRunning())
                return;
            try {
                runner.finishValidation();
            } catch (...) {
                // an exception is on its way out already
            }
        }
    };

    // An epoch whose optimisation is done: what its event says besides the validation loss.
    struct EpochDone {
        int k = 0, epoch = 0, globalEpoch = 0;
        double trainLoss = 0.0, learningRate = 0.0, starsPerSecond = 0.0;
        std::uint64_t starsProcessed = 0;
        double secondsAtEnd = 0.0; // since t0_
    };
    inline static const std::vector<std::uint32_t> kNoStars;

    // The last epoch's event once its background pass is done (waits for it if it is not).
    void publishValidated() {
        if (!runner_->validationRunning())
            return;
        ParameterVector params;
        const double validationLoss = runner_->finishValidation(&params);
        if (validatedEpoch_)
            publishEpoch(*validatedEpoch_, validationLoss, params);
        validatedEpoch_.reset();
    }

    // Back to the epoch's starting point at a lower rate; the fault is recorded and reported.
    void rollBack(int k, int epoch, const ParameterVector& goodParams, const AdamState& goodAdam) {
        cp_.parameters = goodParams;
        cp_.adam = goodAdam;
        cp_.learningRateScale *= kFaultRateFactor;
        const double newLr = config_.learningRateAt(k) * cp_.learningRateScale;
        const std::string what = "iteration " + std::to_string(k) + ", epoch " + std::to_string(epoch) +
                                 ": the loss became NaN or infinite; rolled back and halved the learning rate to " +
                                 std::to_string(newLr);
        if (cp_.history.faults.size() < kMaxRecordedFaults)
            cp_.history.faults.push_back(what);
        observer_.onFault({k, epoch, what, newLr});
        if (!(cp_.learningRateScale >= kMinLearningRateScale)) // NaN fails it too
            throw TrainingError("the loss diverges even at 1/" + std::to_string(int(1.0 / kMinLearningRateScale)) +
                                " of the learning rate (" + what + ")");
    }

    // Back to the state the iteration started from (the rate stays halved).
    void restartIteration() {
        cp_.parameters = iterationParams_;
        cp_.adam = iterationAdam_;
        cp_.history.epochs.resize(historyMark_);
        cp_.starsProcessed = processedMark_;
    }

    // `params`: those the epoch ended with (the run's own may be a later epoch's by now).
    void publishEpoch(const EpochDone& done, double validationLoss, const ParameterVector& params) {
        const int totalEpochs = config_.iterations * schedule_.epochsPerIteration;
        EpochEvent ev;
        ev.iteration = done.k;
        ev.epoch = done.epoch;
        ev.epochsPerIteration = schedule_.epochsPerIteration;
        ev.globalEpoch = done.globalEpoch;
        ev.totalEpochs = totalEpochs;
        ev.trainLoss = done.trainLoss;
        ev.validationLoss = validationLoss;
        ev.learningRate = done.learningRate;
        ev.elapsedSeconds = elapsedBefore_ + done.secondsAtEnd;
        const double perEpoch = (done.secondsAtEnd - epochClockSeconds_) /
                                double(std::max(1, done.globalEpoch - firstEpoch_));
        ev.etaSeconds = perEpoch * double(totalEpochs - done.globalEpoch);
        ev.starsPerSecond = done.starsPerSecond;
        ev.starsProcessed = done.starsProcessed;
        ev.model = modelOf(params);
        cp_.history.epochs.push_back({done.k, done.epoch, ev.trainLoss, ev.validationLoss, ev.learningRate, ev.elapsedSeconds,
                                      ev.starsPerSecond});
        observer_.onEpoch(ev);
    }

    // With the model fixed: Eqs. 8–9, covariance rebuild, χ²/dof cut; then the checkpoint.
    void updateAfterIteration(int k) {
        const auto tUpdate = Clock::now();
        const auto model = modelNow();
        const double threshold = config_.thresholdAfter(k);
        const UpdateSummary summary =
            updateState(catalog_, *model, threshold, true, cp_.state, samples_, ranks_, sampleLayout_);
        cp_.completedIterations = k;
        cp_.elapsedSeconds = elapsedBefore_ + secondsSince(t0_);
        IterationEvent ie;
        ie.iteration = k;
        ie.threshold = threshold;
        ie.starsInUse = summary.inUse;
        ie.starsLeftOut = summary.leftOut;
        ie.reddeningClipped = summary.clipped;
        ie.meanReddeningShift = summary.meanShift;
        ie.testChi2DofBelow5 = summary.testChi2DofBelow5;
        ie.testFracAbove5 = summary.testFracAbove5;
        ie.testStars = summary.testStars;
        ie.nextLearningRate = config_.learningRateAt(k + 1) * cp_.learningRateScale;
        ie.updateSeconds = secondsSince(tUpdate);
        ie.model = model;
        const double usable = double(summary.inUse + summary.leftOut);
        cp_.history.iterations.push_back({k, threshold, ie.testChi2DofBelow5, ie.testFracAbove5, summary.inUse,
                                          summary.leftOut, usable > 0 ? double(summary.leftOut) / usable : 0.0,
                                          ie.nextLearningRate});
        if (!checkpointPath_.empty() && ranks_.isRoot()) // one writer; every rank holds the same record
            saveTrainingCheckpoint(checkpointPath_, cp_);
        observer_.onIteration(ie);
    }

    const Catalog& catalog_;
    const TrainingConfig& config_;
    const std::string& checkpointPath_;
    RankGroup& ranks_;
    TrainingObserver& observer_;
    TrainingControl& control_;
    const NetworkLayout layout_;
    const Clock::time_point t0_ = Clock::now();
    TrainingCheckpoint cp_;
    EpochSchedule schedule_; // set by start() or resume()
    SampleLayout sampleLayout_; // set by start() or resume(); star i's sample: samples_[sampleLayout_.slot(i)]
    std::vector<StarSample> samples_;
    EpochRunner* runner_ = nullptr; // lives in iterate()
    double elapsedBefore_ = 0.0;
    int firstEpoch_ = 0;               // global epochs done before this process's first
    double epochClockSeconds_ = 0.0; // since t0_, when this process's first epoch started
    // The epoch whose validation pass runs in the background with the next one (runEpoch).
    std::optional<EpochDone> validatedEpoch_;
    // The next epoch's order, drawn ahead (runEpoch); nextOrderEpoch_ 0: none.
    std::vector<std::uint32_t> nextOrder_;
    int nextOrderEpoch_ = 0;
    // The state iteration k started from (restartIteration).
    ParameterVector iterationParams_;
    AdamState iterationAdam_;
    std::size_t historyMark_ = 0;
    std::uint64_t processedMark_ = 0;
};

} // namespace

std::uint64_t catalogContentHash(const Catalog& c) {
    std::uint64_t h = 14695981039346656037ull;
    const std::uint64_t n = c.size();
    h = fnv1a(h, &n, sizeof n);
    h = fnv1a(h, c.theta.data(), c.theta.size() * sizeof(c.theta[0]));
    h = fnv1a(h, c.thetaCov.data(), c.thetaCov.size() * sizeof(c.thetaCov[0]));
    h = fnv1a(h, c.mag.data(), c.mag.size() * sizeof(c.mag[0]));
    h = fnv1a(h, c.magErr.data(), c.magErr.size() * sizeof(c.magErr[0]));
    for (const auto* v : {&c.reddening, &c.reddeningErr, &c.parallaxMas, &c.parallaxErrMas})
        h = fnv1a(h, v->data(), v->size() * sizeof(double));
    for (const auto* tags : {&c.atmSource, &c.rSource})
        for (const auto& s : *tags)
            h = fnv1a(h, s.data(), s.size() + 1);
    return h;
}

Trainer::Trainer(const Catalog& catalog, TrainingConfig config)
    : catalog_(catalog), config_(std::move(config)), singleProcess_(singleProcessRanks()) {
    config_.validate();
}

void Trainer::resumeFrom(TrainingCheckpoint checkpoint) {
    if (checkpoint.catalogHash != catalogContentHash(catalog_))
        throw TrainingError("the checkpoint belongs to another catalog (" + checkpoint.catalogSource +
                            "), not to " + catalog_.sourceFile);
    requireResumable(checkpoint, catalog_.size());
    config_ = checkpoint.config;
    resume_ = std::move(checkpoint);
}

TrainingResult Trainer::run(TrainingObserver& observer, TrainingControl& control) {
    RankGroup& ranks = ranks_ ? *ranks_ : *singleProcess_;
    requireRanksAgree(ranks, catalog_, resume_ ? resume_->config : config_);
    TrainingRun run(catalog_, config_, checkpointPath_, ranks, observer, control);
    if (resume_) {
        TrainingCheckpoint cp = std::move(*resume_);
        resume_.reset();
        run.resume(std::move(cp));
    } else {
        run.start();
    }
    if (ranks.isParallel() && !ranks.allAgree(run.stateHash()))
        throw TrainingError("the ranks start from different states (resumed from different checkpoints?)");
    return run.iterate();
}

} // namespace starlocus::core
