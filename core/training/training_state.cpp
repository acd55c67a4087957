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

TrainingState initialState(const Catalog& catalog, const LabelNormalization& norm, const TrainingConfig& config,
                           std::vector<StarSample>& samples) {
    const std::size_t n = catalog.size();
    TrainingState state;
    state.split = assignSplit(n, config);
    state.usable.assign(n, 0);
    state.inUse.assign(n, 0);
    state.reddening.assign(n, kNaN);
    state.reddeningVar.assign(n, kNaN);
    state.chi2Dof.assign(n, kNaN);
    samples.assign(n, StarSample{});
    const std::size_t chunks = (n + kChunk - 1) / kChunk;
    std::vector<StarDefectCounts> counts(chunks);
    parallelFor(n, kChunk, [&](std::size_t begin, std::size_t end) {
        for (std::size_t i = begin; i < end; ++i) {
            const StarObservation obs = observeStar(catalog, i, norm, &counts[begin / kChunk]);
            if (!obs.usable())
                continue;
            // Iteration 1: photometric and parallax terms only (∇θM = 0, R = 0).
            double unusedChi2Dof = kNaN; // no model yet: the residual is irrelevant here
            if (!fillSample(samples[i], obs, photometricCovariance(obs), Vec13::Zero(), obs.priorE, unusedChi2Dof)) {
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
        state.defects += c;
    return state;
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
    const std::size_t n = catalog.size();
    const std::size_t chunks = (n + kChunk - 1) / kChunk;
    std::vector<UpdateStarsSums> sums(chunks);
    const UpdateStarsJob job{catalog, model, threshold, refit, state, samples};
    const TrainingKernels& kernels = trainingKernels(); // the CPU path's build of updateStars
    parallelFor(n, kChunk, [&](std::size_t begin, std::size_t end) {
        kernels.updateStars(job, begin, end, sums[begin / kChunk]);
    });
    UpdateSummary out;
    std::size_t usable = 0, below = 0;
    double shift = 0.0, testSum = 0.0;
    for (const auto& s : sums) {
        out.clipped += s.clipped;
        usable += s.usable;
        shift += s.shift;
        below += s.testBelow;
        out.testStars += s.testBelow + s.testAbove;
        testSum += s.testSum;
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
