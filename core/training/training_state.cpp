// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/training/training_state.h"

#include "core/common/input_error.h"
#include "core/common/parallel_for.h"
#include "core/common/counter_random.h"
#include "core/likelihood/star_covariance.h"
#include "core/training/training_kernels.h"
#include "core/training/update_stars.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

namespace starlocus::core {
namespace {

constexpr std::size_t kChunk = 1024;
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

} // namespace

std::vector<Split> assignSplit(std::size_t n, const TrainingConfig& config) {
    std::vector<std::uint32_t> order(n);
    std::iota(order.begin(), order.end(), 0u);
    CounterRandom rng(config.seed, 0x5B117ull << 32);
    for (std::size_t i = n; i > 1; --i) { // Fisher–Yates
        const std::size_t j = std::min(i - 1, std::size_t(rng.uniform() * double(i)));
        std::swap(order[i - 1], order[j]);
    }
    const auto nTrain = std::size_t(std::llround(config.trainFraction * double(n)));
    const auto nVal = std::min(n - nTrain, std::size_t(std::llround(config.validationFraction * double(n))));
    std::vector<Split> split(n, Split::Test);
    for (std::size_t k = 0; k < n; ++k)
        split[order[k]] = k < nTrain ? Split::Train : (k < nTrain + nVal ? Split::Validation : Split::Test);
    return split;
}

bool firstIterationSample(const Catalog& catalog, const LabelNormalization& norm, std::size_t i, StarSample& sample) {
    const StarObservation obs = observeStar(catalog, i, norm);
    double unusedChi2Dof = kNaN; // no model yet: the residual is irrelevant here
    return obs.usable() && fillSample(sample, obs, photometricCovariance(obs), Vec13::Zero(), obs.priorE, unusedChi2Dof);
}

TrainingState initialState(const Catalog& catalog, const LabelNormalization& norm, const TrainingConfig& config,
                           std::vector<StarSample>& samples) {
    return initialState(catalog, norm, config, samples, *singleProcessRanks());
}

TrainingState initialState(const Catalog& catalog, const LabelNormalization& norm, const TrainingConfig& config,
                           std::vector<StarSample>& samples, RankGroup& ranks) {
    return initialState(catalog, norm, config, samples, ranks,
                        SampleLayout::catalogOrder(catalog.size(), ranks.localStars(catalog.size())));
}

TrainingState initialState(const Catalog& catalog, const LabelNormalization& norm, const TrainingConfig& config,
                           std::vector<StarSample>& samples, RankGroup& ranks, const SampleLayout& layout) {
    const std::size_t n = catalog.size();
    const StarRange local = ranks.localStars(n);
    TrainingState state;
    state.split = assignSplit(n, config);
    state.usable.assign(n, 0);
    state.inUse.assign(n, 0);
    state.reddening.assign(n, kNaN);
    state.reddeningVar.assign(n, kNaN);
    state.chi2Dof.assign(n, kNaN);
    samples.assign(local.size(), StarSample{});
    const std::size_t chunks = (local.size() + kChunk - 1) / kChunk;
    std::vector<StarDefectCounts> counts(chunks);
    parallelFor(local.size(), kChunk, [&](std::size_t begin, std::size_t end) {
        for (std::size_t i = local.begin + begin; i < local.begin + end; ++i) {
            const StarObservation obs = observeStar(catalog, i, norm, &counts[begin / kChunk]);
            if (!obs.usable())
                continue;
            // Iteration 1: photometric and parallax terms only (∇θM = 0, R = 0).
            double unusedChi2Dof = kNaN; // no model yet: the residual is irrelevant here
            if (!fillSample(samples[layout.slot(i)], obs, photometricCovariance(obs), Vec13::Zero(), obs.priorE,
                            unusedChi2Dof)) {
                counts[begin / kChunk].count(StarExclusion::CovarianceNotPositiveDefinite);
                continue;
            }
            state.usable[i] = 1;
            state.reddening[i] = obs.priorE;
            state.reddeningVar[i] = obs.priorSigmaE * obs.priorSigmaE;
            state.inUse[i] = obs.priorSigmaE <= config.firstIterationMaxSigmaE ? 1 : 0;
        }
    });
    for (const auto& c : counts)
        state.defects += c; // this process's stars only: the trainer counts every star at the end
    gatherState(state, ranks);
    return state;
}

void gatherState(TrainingState& state, RankGroup& ranks) {
    ranks.gatherStars(state.usable);
    ranks.gatherStars(state.inUse);
    ranks.gatherStars(state.reddening);
    ranks.gatherStars(state.reddeningVar);
    ranks.gatherStars(state.chi2Dof);
}

StarDefectCounts countStateDefects(const Catalog& catalog, const LabelNormalization& norm, const TrainingState& state) {
    const std::size_t n = catalog.size();
    std::vector<StarDefectCounts> counts((n + kChunk - 1) / kChunk);
    parallelFor(n, kChunk, [&](std::size_t begin, std::size_t end) {
        StarDefectCounts& c = counts[begin / kChunk];
        for (std::size_t i = begin; i < end; ++i)
            if (observeStar(catalog, i, norm, &c).usable() && !state.usable[i])
                c.count(StarExclusion::CovarianceNotPositiveDefinite);
    });
    StarDefectCounts total;
    for (const auto& c : counts)
        total += c;
    return total;
}

UpdateSummary updateState(const Catalog& catalog, const StellarModel& model, double threshold, bool refit,
                          TrainingState& state, std::vector<StarSample>& samples) {
    return updateState(catalog, model, threshold, refit, state, samples, *singleProcessRanks());
}

UpdateSummary updateState(const Catalog& catalog, const StellarModel& model, double threshold, bool refit,
                          TrainingState& state, std::vector<StarSample>& samples, RankGroup& ranks) {
    return updateState(catalog, model, threshold, refit, state, samples, ranks,
                       SampleLayout::catalogOrder(catalog.size(), ranks.localStars(catalog.size())));
}

UpdateSummary updateState(const Catalog& catalog, const StellarModel& model, double threshold, bool refit,
                          TrainingState& state, std::vector<StarSample>& samples, RankGroup& ranks,
                          const SampleLayout& layout) {
    const std::size_t n = catalog.size();
    const StarRange local = ranks.localStars(n);
    const UpdateStarsJob job{catalog, model, threshold, refit, state, samples, local.begin, &layout};
    const TrainingKernels& kernels = trainingKernels(); // the CPU path's build of updateStars
    // Per local rank its own block in chunks counted from the block's start, so a rank's sums
    // are the same whichever process computes it; the ranks' sums then go to every rank.
    constexpr std::size_t kSums = 6; // clipped, usable, testBelow, testAbove, shift, testSum
    std::vector<double> localSums;
    for (int r = 0; r < ranks.localRankCount(); ++r) {
        const StarRange own = starRangeOf(ranks.firstLocalRank() + r, ranks.size(), n);
        std::vector<UpdateStarsSums> sums((own.size() + kChunk - 1) / kChunk);
        parallelFor(own.size(), kChunk, [&](std::size_t begin, std::size_t end) {
            kernels.updateStars(job, own.begin + begin, own.begin + end, sums[begin / kChunk]);
        });
        UpdateStarsSums rank;
        for (const auto& s : sums) {
            rank.clipped += s.clipped;
            rank.usable += s.usable;
            rank.shift += s.shift;
            rank.testBelow += s.testBelow;
            rank.testAbove += s.testAbove;
            rank.testSum += s.testSum;
        }
        localSums.insert(localSums.end(), {double(rank.clipped), double(rank.usable), double(rank.testBelow),
                                           double(rank.testAbove), rank.shift, rank.testSum});
    }
    std::vector<double> all(std::size_t(ranks.size()) * kSums);
    ranks.gatherValues(localSums, all);
    gatherState(state, ranks);

    UpdateSummary out;
    std::size_t usable = 0, below = 0;
    double shift = 0.0, testSum = 0.0;
    for (std::size_t r = 0; r < std::size_t(ranks.size()); ++r) { // rank order: the same bits everywhere
        const double* s = all.data() + r * kSums;
        out.clipped += std::size_t(s[0]);
        usable += std::size_t(s[1]);
        below += std::size_t(s[2]);
        out.testStars += std::size_t(s[2]) + std::size_t(s[3]);
        shift += s[4];
        testSum += s[5];
    }
    for (std::size_t i = 0; i < n; ++i) {
        out.inUse += state.inUse[i];
        out.leftOut += state.usable[i] && !state.inUse[i] ? 1 : 0;
    }
    out.meanShift = usable ? shift / double(usable) : 0.0;
    // A mean over no star has no value (0 read like a perfect fit on a run without test stars).
    out.testChi2DofBelow5 = below ? testSum / double(below) : kNaN;
    out.testFracAbove5 = out.testStars ? double(out.testStars - below) / double(out.testStars) : kNaN;
    return out;
}

} // namespace starlocus::core
