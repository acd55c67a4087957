// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The optimisation of one epoch (mini-batches of Adam on the loss of Eq. 15) and the
// validation loss, in one process or spread over ranks (rank_group.h). Results do not depend
// on the number of threads: stars are grouped into fixed tasks and the tasks' sums added in
// task order.
#include "core/training/adam.h"
#include "core/training/batch_gradient.h"
#include "core/training/network_parameters.h"
#include "core/training/rank_group.h"
#include "core/training/sample_layout.h"
#include "core/training/star_sample.h"
#include "core/training/training_config.h"
#include "core/training/training_events.h"
#include "core/training/training_kernels.h"
#include "core/training/worker_team.h"

#include <cstdint>
#include <functional>
#include <memory>
#include <vector>

namespace starlocus::core {

// Stars per task of a mini-batch: fixed, so the order of the gradient sum (task by task) does
// not depend on the number of threads.
inline constexpr int kStarsPerTask = 16;

class EpochRunner {
public:
    // `samples` holds the stars of ranks.localStars(stars) (all of them in one process), star i
    // at samples[layout.slot(i)]; the runner's stars are positions of `layout`.
    EpochRunner(const NetworkLayout& layout, const TrainingConfig& config, RankGroup& ranks, std::size_t stars,
                WorkerTeam& team, TrainingControl& control);
    ~EpochRunner(); // finishes a background validation pass: its tasks refer to this runner

    void setSamples(const std::vector<StarSample>* samples, const SampleLayout* layout) {
        samples_ = samples;
        sampleLayout_ = layout;
        validationPlan_.reset(); // its sample indices are the layout's
    }

    // One epoch over the stars `order` (positions, every rank the same order); returns
    // the mean batch loss, or NaN as soon as a batch loss is not finite (the caller rolls
    // back; every rank sees the same NaN). Returns early, with the mean so far, on a stop request.
    // With a background validation pass running (startValidation), the mini-batches run on
    // this thread alone until the other threads are free, then `whenTeamFree` runs once here
    // (between two mini-batches) and the epoch goes on as usual.
    double run(ParameterVector& params, AdamState& adam, const std::vector<std::uint32_t>& order, double lr,
               const std::function<void()>& whenTeamFree = {});

    // The mini-batches of each phase of an epoch's trial (8 phases, alone and on the team in
    // turn) before it runs the rest the faster way; epochs of fewer than 4 times the trial's
    // batches do not try (tests set a small number to reach the trial with a small sky).
    void setTrialBatches(std::size_t batches) { trialBatches_ = batches; }
    // Epochs whose mini-batches ran on this thread alone / on the team after their trial
    // (run(): the faster way on this host at the time).
    std::size_t epochsAlone() const { return epochsAlone_; }
    std::size_t epochsOnTeam() const { return epochsOnTeam_; }

    // Eq. 15 on the validation stars (positions, best ascending: memory order) with `params`; NaN without a
    // validation star (no value, never the regularisation term alone dressed up as a loss).
    // `meanwhile`, if given, runs once on this thread while the team starts on the pass (the
    // next epoch's order: it would otherwise leave the other threads idle).
    double validationLoss(const ParameterVector& params, const std::vector<std::uint32_t>& validation,
                          const std::function<void()>& meanwhile = {});
    // The same pass on the team's other threads while this one goes on with the next epoch
    // (one process only: over ranks its sum is a collective call that every rank must make at
    // the same point). `alsoMeanwhile`, if given, runs on one of them after the pass's tasks.
    // finishValidation() does what they have not started, waits for the rest and returns the
    // number validationLoss(params, validation) gives; with `passParameters`, hands over the
    // pass's copy of `params`.
    void startValidation(const ParameterVector& params, const std::vector<std::uint32_t>& validation,
                         std::function<void()> alsoMeanwhile = {});
    double finishValidation(ParameterVector* passParameters = nullptr);
    bool validationRunning() const { return bool(pending_); }
    unsigned teamSize() const { return team_.size(); }

private:
    struct ValidationPlan;
    struct ValidationPass;
    std::unique_ptr<ValidationPass> prepareValidation(const std::vector<std::uint32_t>& validation);
    double validationTask(const ValidationPass& pass, std::size_t task, unsigned worker, const float* params);
    double validationSum(const ValidationPass& pass, const float* params);
    // Whether an epoch of this many mini-batches times them alone and on the team first.
    bool wantsTrial(std::size_t batches) const;
    // The tasks of a mini-batch: on the team, or on this thread alone (alone_).
    void runBatchTasks(std::size_t tasks, const std::function<void(std::size_t, unsigned)>& fn);
    // χ² of the batch, its gradient summed into gradient_ (one process); `next` is the
    // mini-batch after the next one, whose samples each task asks for once it is done with its own.
    double batchGradient(const ParameterVector& params, std::span<const std::uint32_t> stars,
                         std::span<const std::uint32_t> next, float scale);
    // The same over ranks: each local rank's stars of the batch, summed exactly; NaN when a
    // rank's sum is not finite.
    double rankedBatchGradient(const ParameterVector& params, std::span<const std::uint32_t> stars, float scale);
    // The step after a batch's gradient, in parts of the parameters on the team: the first
    // `tasksToSum` task gradients summed into gradient_ (none: gradient_ already holds the
    // sum), the regularisation added, Adam; returns the regularisation's value.
    double stepParameters(ParameterVector& params, AdamState& adam, const AdamStepScalars& step,
                          std::size_t tasksToSum);
    const NetworkLayout& layout_;
    const TrainingConfig& config_;
    RankGroup& ranks_;
    std::size_t stars_;
    StarRange localStars_;
    WorkerTeam& team_;
    TrainingControl& control_;
    const TrainingKernels& kernels_; // this CPU's build of the hot loops
    const std::vector<StarSample>* samples_ = nullptr;
    const SampleLayout* sampleLayout_ = nullptr;
    std::vector<BatchWorkspace> workspaces_;
    std::vector<ParameterVector> taskGradients_;
    std::vector<double> taskLoss_;
    ParameterVector gradient_;
    std::vector<std::size_t> partBounds_; // the step's parts of the parameters
    std::vector<double> partRegularization_;
    std::size_t batchTasks_ = 0;          // tasks of the last one-process batch
    bool alone_ = false;                  // the mini-batches run on this thread alone
    std::size_t trialBatches_ = 0;
    std::size_t epochsAlone_ = 0, epochsOnTeam_ = 0;
    // The ranked path: per local rank its stars of the batch (sample indices), its buffer.
    std::vector<std::vector<std::uint32_t>> rankStars_;
    std::vector<ExactSumBuffer> rankSums_;
    ExactSumBuffer totalSum_;
    std::unique_ptr<ValidationPass> pending_; // the background validation pass
    // The last validation stars given and their plan (rebuilt when they change).
    std::vector<std::uint32_t> validationPlanStars_;
    std::shared_ptr<const ValidationPlan> validationPlan_;
};

} // namespace starlocus::core
