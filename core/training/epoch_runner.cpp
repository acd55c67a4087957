// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/training/epoch_runner.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <limits>
#include <stdexcept>
#include <thread>

namespace starlocus::core {
namespace {

// While paused, the optimisation looks this often whether it may go on: short enough that
// Resume feels immediate, long enough to cost nothing.
constexpr std::chrono::milliseconds kPausePoll{20};
// Validation stars per task: fixed, so the order of the χ² sum does not depend on the
// number of threads.
constexpr std::size_t kValidationStarsPerTask = 256;
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
// The parameter step of a mini-batch (sum of the task gradients, regularisation, Adam: ~4 µs
// on one thread, as long as half the batch's stars) in this many parts, fixed so that the
// regularisation's value is summed the same way whatever the threads. Part boundaries fall
// on multiples of 16 floats, so each part's vector loops see the alignment of the whole.
constexpr std::size_t kStepParts = 4;
constexpr std::size_t kPartAlignment = 16;
// An epoch's trial of the two ways to run its mini-batches (this thread alone, the team):
// kTrialPhases phases of trialBatches_ batches, alone and on the team in turn, so that drift
// in the host's speed meets both; then the rest the faster way. Only epochs of at least
// kTrialEpochFactor times the trial's batches try. 8 × 256 batches are ~30 ms of a 2.9 M-star
// epoch: long against a time slice's noise, short against the epoch.
constexpr std::size_t kTrialBatches = 256;
constexpr std::size_t kTrialPhases = 8;
constexpr std::size_t kTrialEpochFactor = 4;
// This thread alone must be this much faster to be chosen: a wrong choice of one thread
// where the team is 1.5× faster costs more than the other mistake.
constexpr double kAloneMargin = 0.9;
// While a background validation pass runs, an epoch looks whether it is done every this many
// batches: its counter is written by the other thread, so each look may cost a cache miss.
constexpr std::size_t kBackgroundPollBatches = 8;

// A task: stars [first, first + count) of one rank's list.
struct Task {
    std::size_t rank;
    std::size_t first;
    std::size_t count;
};

} // namespace

// The validation stars of each local rank (sample indices) in tasks of a fixed size: the same
// for every epoch of an iteration, so kept while the stars are the same.
struct EpochRunner::ValidationPlan {
    std::vector<std::vector<std::uint32_t>> lists;
    std::vector<Task> tasks;
    std::size_t stars = 0;
};

// A validation pass: its plan and the tasks' χ² sums; a background pass holds its own copy of
// the parameters (the caller's go on changing).
struct EpochRunner::ValidationPass {
    std::shared_ptr<const ValidationPlan> plan;
    std::vector<double> parts;
    ParameterVector params;
};

EpochRunner::EpochRunner(const NetworkLayout& layout, const TrainingConfig& config, RankGroup& ranks,
                         std::size_t stars, WorkerTeam& team, TrainingControl& control)
    : layout_(layout), config_(config), ranks_(ranks), stars_(stars), localStars_(ranks.localStars(stars)),
      team_(team), control_(control), kernels_(trainingKernels()), gradient_(layout.size),
      rankStars_(std::size_t(ranks.localRankCount())),
      rankSums_(std::size_t(ranks.localRankCount()), ExactSumBuffer(layout.size + 3)), totalSum_(layout.size + 3) {
    trialBatches_ = kTrialBatches;
    for (unsigned t = 0; t < team.size(); ++t)
        workspaces_.emplace_back(layout, kStarsPerTask);
    // Every local rank may round its share up to a task of its own.
    const std::size_t maxTasks =
        (std::size_t(config.batchSize) + kStarsPerTask - 1) / kStarsPerTask + std::size_t(ranks.localRankCount());
    taskGradients_.assign(maxTasks, ParameterVector(layout.size));
    taskLoss_.assign(maxTasks, 0.0);
    for (std::size_t q = 0; q < kStepParts; ++q)
        partBounds_.push_back(q * layout.size / kStepParts / kPartAlignment * kPartAlignment);
    partBounds_.push_back(layout.size);
    partRegularization_.assign(kStepParts, 0.0);
}

EpochRunner::~EpochRunner() {
    if (!pending_)
        return;
    try {
        team_.finishBackground();
    } catch (...) {
        // its value has nobody left to go to
    }
}

void EpochRunner::runBatchTasks(std::size_t tasks, const std::function<void(std::size_t, unsigned)>& fn) {
    if (!alone_) {
        team_.runShares(tasks, fn);
        return;
    }
    for (std::size_t t = 0; t < tasks; ++t)
        fn(t, 0);
}

// One process holds every star, and a star's position is its sample's index.
double EpochRunner::batchGradient(const ParameterVector& params, std::span<const std::uint32_t> stars,
                                  std::span<const std::uint32_t> next, float scale) {
    const std::size_t count = stars.size();
    const std::size_t tasks = (count + kStarsPerTask - 1) / kStarsPerTask;
    runBatchTasks(tasks, [&](std::size_t task, unsigned worker) {
        ParameterVector& g = taskGradients_[task];
        std::fill(g.begin(), g.end(), 0.0f);
        const auto group =
            stars.subspan(task * kStarsPerTask, std::min<std::size_t>(kStarsPerTask, count - task * kStarsPerTask));
        taskLoss_[task] = kernels_.accumulate(workspaces_[worker], layout_, params.data(), samples_->data(), group,
                                              scale, g.data(), true);
        // The same share of the batch after next: its samples travel from memory while this
        // batch is summed and Adam steps and the next one runs, two steps ahead of the kernel
        // that reads them (one step ahead: 2.29–2.36 M stars/s on one thread, two: 2.42–2.49).
        for (std::size_t k = task * kStarsPerTask; k < std::min(next.size(), (task + 1) * kStarsPerTask); ++k)
            prefetchSample(samples_->data() + next[k]);
    });
    batchTasks_ = tasks; // their gradients are summed in stepParameters
    double chi2 = taskLoss_[0];
    for (std::size_t t = 1; t < tasks; ++t)
        chi2 += taskLoss_[t];
    return chi2;
}

double EpochRunner::stepParameters(ParameterVector& params, AdamState& adam, const AdamStepScalars& step,
                                   std::size_t tasksToSum) {
    runBatchTasks(kStepParts, [&](std::size_t q, unsigned) {
        const std::size_t begin = partBounds_[q], end = partBounds_[q + 1];
        if (tasksToSum > 0) { // task by task, as one sum over the whole vector would
            std::copy(taskGradients_[0].begin() + std::ptrdiff_t(begin), taskGradients_[0].begin() + std::ptrdiff_t(end),
                      gradient_.begin() + std::ptrdiff_t(begin));
            for (std::size_t t = 1; t < tasksToSum; ++t) {
                const float* g = taskGradients_[t].data();
                for (std::size_t k = begin; k < end; ++k)
                    gradient_[k] += g[k];
            }
        }
        partRegularization_[q] = kernels_.addRegularizationPart(layout_, params.data(), config_.l2Hidden,
                                                                config_.l1Extinction, gradient_.data(), begin, end);
        kernels_.adamUpdate(params.data() + begin, adam.m.data() + begin, adam.v.data() + begin,
                            gradient_.data() + begin, end - begin, step);
    });
    double regularization = 0.0;
    for (double part : partRegularization_)
        regularization += part;
    return regularization;
}

double EpochRunner::rankedBatchGradient(const ParameterVector& params, std::span<const std::uint32_t> stars,
                                        float scale) {
    const int first = ranks_.firstLocalRank(), n = ranks_.size();
    for (auto& list : rankStars_)
        list.clear();
    for (const std::uint32_t p : stars) {
        const std::uint32_t i = sampleLayout_->starAt(p);
        if (!localStars_.contains(i))
            continue; // another process's star
        // The owner of star i: blocks are contiguous and ordered, ⌊i·N/n⌋ is at most one short.
        int r = int(std::min<std::size_t>(std::size_t(n - 1), std::size_t(i) * std::size_t(n) / stars_));
        while (r + 1 < n && starRangeOf(r + 1, n, stars_).begin <= i)
            ++r;
        while (starRangeOf(r, n, stars_).begin > i)
            --r;
        rankStars_[std::size_t(r - first)].push_back(sampleLayout_->slot(i));
    }
    std::vector<Task> tasks;
    for (std::size_t r = 0; r < rankStars_.size(); ++r)
        for (std::size_t b = 0; b < rankStars_[r].size(); b += kStarsPerTask)
            tasks.push_back({r, b, std::min<std::size_t>(kStarsPerTask, rankStars_[r].size() - b)});
    runBatchTasks(tasks.size(), [&](std::size_t t, unsigned worker) {
        ParameterVector& g = taskGradients_[t];
        std::fill(g.begin(), g.end(), 0.0f);
        const Task& task = tasks[t];
        const std::span<const std::uint32_t> group(rankStars_[task.rank].data() + task.first, task.count);
        taskLoss_[t] = kernels_.accumulate(workspaces_[worker], layout_, params.data(), samples_->data(), group, scale,
                                           g.data(), true);
    });
    // Each rank's own sum, task by task, into its exact buffer.
    const std::size_t P = layout_.size;
    for (std::size_t r = 0, t = 0; r < rankStars_.size(); ++r) {
        std::fill(gradient_.begin(), gradient_.end(), 0.0f);
        double chi2 = 0.0;
        for (; t < tasks.size() && tasks[t].rank == r; ++t) {
            const float* g = taskGradients_[t].data();
            for (std::size_t k = 0; k < P; ++k)
                gradient_[k] += g[k];
            chi2 += taskLoss_[t];
        }
        ExactSumBuffer& sum = rankSums_[r];
        bool finite = sum.set(P, chi2);
        for (std::size_t k = 0; k < P; ++k)
            finite = sum.set(k, gradient_[k]) && finite;
        sum.set(P + 1, finite ? 0.0 : 1.0);
        sum.set(P + 2, double(rankStars_[r].size()));
    }
    ranks_.sumExact(rankSums_, totalSum_);
    if (totalSum_.get(P + 2) != double(stars.size()))
        throw std::logic_error("the ranks' shares of a mini-batch do not add up to the batch");
    if (totalSum_.get(P + 1) != 0.0)
        return kNaN; // some rank's sum is not finite: every rank rolls back together
    for (std::size_t k = 0; k < P; ++k)
        gradient_[k] = float(totalSum_.get(k));
    return totalSum_.get(P);
}

bool EpochRunner::wantsTrial(std::size_t batches) const {
    return team_.size() > 1 && trialBatches_ > 0 && batches >= kTrialEpochFactor * kTrialPhases * trialBatches_;
}

double EpochRunner::run(ParameterVector& params, AdamState& adam, const std::vector<std::uint32_t>& order,
                        double lr, const std::function<void()>& whenTeamFree) {
    if (!ranks_.isParallel() && !sampleLayout_->positionIsSlot())
        throw std::logic_error("one process must hold every star's sample");
    const AdamSettings adamSettings{config_.adamBeta1, config_.adamBeta2, config_.adamEpsilon};
    double lossSum = 0.0;
    std::size_t batches = 0;
    const std::size_t batch = std::size_t(config_.batchSize);
    // Where two threads share one physical core (hyperthreads, or virtual cores the host
    // placed so), a mini-batch's two hand-overs cost more than the second thread gives: one
    // thread then runs an epoch faster than two (docs/PERFORMANCE.md). Each long enough epoch
    // times its first batches alone and on the team and runs the rest the faster way. The
    // results do not change: every task writes its own slot, summed in task order.
    // While a background validation pass keeps the other threads (startValidation), the
    // batches run here alone: the same results, without posting calls that would leave them
    // out anyway. The trial starts once they are free.
    const std::size_t epochBatches = (order.size() + batch - 1) / batch;
    const std::size_t trialEnd = kTrialPhases * trialBatches_;
    bool waiting = pending_ && !team_.backgroundDone();
    std::size_t trialFrom = 0; // the trial's first batch
    bool trial = !waiting && wantsTrial(epochBatches);
    alone_ = waiting || trial; // the trial's first phase is alone
    auto phaseStart = std::chrono::steady_clock::now();
    double seconds[2] = {0.0, 0.0}; // on the team, alone
    const auto teamFree = [&] {
        waiting = false;
        trialFrom = batches;
        trial = wantsTrial(epochBatches - batches);
        alone_ = trial;
        phaseStart = std::chrono::steady_clock::now();
        if (whenTeamFree)
            whenTeamFree();
    };
    for (std::size_t start = 0; start < order.size(); start += batch) {
        if (waiting && batches % kBackgroundPollBatches == 0 && team_.backgroundDone())
            teamFree();
        if (const std::size_t b = batches - trialFrom; trial && b > 0 && b <= trialEnd && b % trialBatches_ == 0) {
            const auto now = std::chrono::steady_clock::now();
            seconds[alone_ ? 1 : 0] += std::chrono::duration<double>(now - phaseStart).count();
            phaseStart = now;
            if (b < trialEnd) {
                alone_ = !alone_;
            } else {
                alone_ = seconds[1] < kAloneMargin * seconds[0];
                ++(alone_ ? epochsAlone_ : epochsOnTeam_);
            }
        }
        while (control_.pauseRequested.load(std::memory_order_acquire) &&
               !control_.stopRequested.load(std::memory_order_acquire)) {
            if (waiting && team_.backgroundDone())
                teamFree(); // a paused run still shows the epoch before
            std::this_thread::sleep_for(kPausePoll);
        }
        if (control_.stopRequested.load(std::memory_order_acquire))
            return lossSum / double(std::max<std::size_t>(1, batches));
        const std::size_t count = std::min(batch, order.size() - start);
        const std::span<const std::uint32_t> stars(order.data() + start, count);
        const std::size_t ahead = std::min(order.size(), start + count + batch); // the batch after next
        const std::span<const std::uint32_t> next(order.data() + ahead, std::min(batch, order.size() - ahead));
        const float scale = float(1.0 / (double(kBandCount) * double(count)));
        const double chi2 = ranks_.isParallel() ? rankedBatchGradient(params, stars, scale)
                                                : batchGradient(params, stars, next, scale);
        if (!std::isfinite(chi2))
            return kNaN;
        // Adam steps before the loss is known to be finite: a non-finite one makes the caller
        // roll the whole epoch back, parameters and moments.
        const double reg = stepParameters(params, adam, nextAdamStep(adam, lr, adamSettings),
                                          ranks_.isParallel() ? 0 : batchTasks_);
        const double loss = chi2 / (double(kBandCount) * double(count)) + reg; // Eq. 15
        if (!std::isfinite(loss))
            return kNaN;
        lossSum += loss;
        ++batches;
    }
    return lossSum / double(std::max<std::size_t>(1, batches));
}

std::unique_ptr<EpochRunner::ValidationPass>
EpochRunner::prepareValidation(const std::vector<std::uint32_t>& validation) {
    if (!validationPlan_ || validationPlanStars_ != validation) {
        auto plan = std::make_shared<ValidationPlan>();
        plan->stars = validation.size();
        plan->lists.resize(rankStars_.size());
        const int first = ranks_.firstLocalRank(), n = ranks_.size();
        for (std::size_t r = 0; r < plan->lists.size(); ++r) {
            const StarRange own = starRangeOf(first + int(r), n, stars_);
            for (const std::uint32_t p : validation)
                if (const std::uint32_t i = sampleLayout_->starAt(p); own.contains(i))
                    plan->lists[r].push_back(sampleLayout_->slot(i));
        }
        for (std::size_t r = 0; r < plan->lists.size(); ++r)
            for (std::size_t b = 0; b < plan->lists[r].size(); b += kValidationStarsPerTask)
                plan->tasks.push_back(
                    {r, b, std::min<std::size_t>(kValidationStarsPerTask, plan->lists[r].size() - b)});
        validationPlan_ = std::move(plan);
        validationPlanStars_ = validation;
    }
    auto pass = std::make_unique<ValidationPass>();
    pass->plan = validationPlan_;
    pass->parts.assign(pass->plan->tasks.size(), 0.0);
    return pass;
}

double EpochRunner::validationTask(const ValidationPass& pass, std::size_t t, unsigned worker, const float* params) {
    const Task& task = pass.plan->tasks[t];
    const std::span<const std::uint32_t> group(pass.plan->lists[task.rank].data() + task.first, task.count);
    return kernels_.loss(workspaces_[worker], layout_, params, samples_->data(), group, true);
}

// The tasks' sums in task order (over ranks: each rank's exactly, then all ranks'), as Eq. 15.
double EpochRunner::validationSum(const ValidationPass& pass, const float* params) {
    double chi2 = 0.0;
    if (!ranks_.isParallel()) {
        for (double p : pass.parts)
            chi2 += p;
    } else {
        const ValidationPlan& plan = *pass.plan;
        std::vector<ExactSumBuffer> sums(plan.lists.size(), ExactSumBuffer(2));
        for (std::size_t r = 0, t = 0; r < plan.lists.size(); ++r) {
            double own = 0.0;
            for (; t < plan.tasks.size() && plan.tasks[t].rank == r; ++t)
                own += pass.parts[t];
            sums[r].set(1, sums[r].set(0, own) ? 0.0 : 1.0);
        }
        ExactSumBuffer total(2);
        ranks_.sumExact(sums, total);
        chi2 = total.get(1) != 0.0 ? kNaN : total.get(0);
    }
    chi2 /= double(kBandCount) * double(pass.plan->stars);
    return chi2 + regularization(layout_, params, config_.l2Hidden, config_.l1Extinction);
}

double EpochRunner::validationLoss(const ParameterVector& params, const std::vector<std::uint32_t>& validation,
                                   const std::function<void()>& meanwhile) {
    if (validation.empty()) {
        if (meanwhile)
            meanwhile();
        return kNaN;
    }
    const auto pass = prepareValidation(validation);
    team_.run(
        pass->plan->tasks.size(),
        [&](std::size_t t, unsigned worker) { pass->parts[t] = validationTask(*pass, t, worker, params.data()); },
        meanwhile);
    return validationSum(*pass, params.data());
}

void EpochRunner::startValidation(const ParameterVector& params, const std::vector<std::uint32_t>& validation,
                                  std::function<void()> alsoMeanwhile) {
    if (ranks_.isParallel())
        throw std::logic_error("a validation pass over ranks cannot run in the background");
    if (pending_)
        throw std::logic_error("a background validation pass is still running");
    pending_ = prepareValidation(validation);
    pending_->params = params;
    ValidationPass* pass = pending_.get();
    const std::size_t passTasks = pass->plan->tasks.size();
    team_.startBackground(passTasks + (alsoMeanwhile ? 1 : 0),
                          [this, pass, passTasks, also = std::move(alsoMeanwhile)](std::size_t t, unsigned worker) {
                              if (t < passTasks)
                                  pass->parts[t] = validationTask(*pass, t, worker, pass->params.data());
                              else
                                  also();
                          });
}

double EpochRunner::finishValidation(ParameterVector* passParameters) {
    if (!pending_)
        throw std::logic_error("no background validation pass to finish");
    const std::unique_ptr<ValidationPass> pass = std::move(pending_);
    team_.finishBackground();
    const double loss = pass->plan->stars == 0 ? kNaN : validationSum(*pass, pass->params.data());
    if (passParameters)
        *passParameters = std::move(pass->params);
    return loss;
}

} // namespace starlocus::core
