// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/training/training_state.h"

#include "core/common/input_error.h"
#include "core/common/parallel_for.h"
#include "core/likelihood/reddening_update.h"
#include "core/likelihood/star_covariance.h"
#include "core/likelihood/whitening.h"
#include "core/common/counter_random.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

namespace starlocus::core {
namespace {

constexpr std::size_t kChunk = 1024;
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// Per star: whitening of `covariance` into the sample (with target, labels and E) and
// χ²/dof of `residual`. Returns false when the covariance is not positive definite.
bool fillSample(StarSample& sample, const StarObservation& obs, const Mat13& covariance, const Vec13& residual,
                double e, double& chi2Dof) {
    double chi2 = kNaN;
    if (!packedWhitening(obs, covariance, residual, sample.w, chi2))
        return false;
    for (std::size_t b = 0; b < kBandCount; ++b)
        sample.y[b] = float(obs.target[Eigen::Index(b)]);
    for (int a = 0; a < 3; ++a)
        sample.x[a] = float(obs.x[a]);
    sample.e = float(e);
    chi2Dof = obs.dof() > 0 ? chi2 / obs.dof() : kNaN;
    return true;
}

// Per star: covariance at (E′, σ_E′²) with the model terms, whitening, χ²/dof.
// Returns false when the covariance is not positive definite.
bool rebuildStar(const StarObservation& obs, const ModelEvaluation& eval, double e, double varE,
                 StarSample& sample, double& chi2Dof) {
    return fillSample(sample, obs, colorSpaceCovariance(obs, eval, e, varE), eval.colorPrediction(e) - obs.target, e,
                      chi2Dof);
}

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

UpdateSummary updateState(const Catalog& catalog, const StellarModel& model, double threshold, bool refit,
                          TrainingState& state, std::vector<StarSample>& samples) {
    const std::size_t n = catalog.size();
    const std::size_t chunks = (n + kChunk - 1) / kChunk;
    struct ChunkSums {
        std::size_t clipped = 0, usable = 0, testBelow = 0, testAbove = 0;
        double shift = 0.0, testSum = 0.0;
    };
    std::vector<ChunkSums> sums(chunks);
    parallelFor(n, kChunk, [&](std::size_t begin, std::size_t end) {
        ChunkSums& sum = sums[begin / kChunk];
        for (std::size_t i = begin; i < end; ++i) {
            if (!state.usable[i])
                continue;
            const StarObservation obs = observeStar(catalog, i, model.normalization());
            const ModelEvaluation eval = model.evaluateNormalized(obs.x, true);
            if (refit) {
                if (const auto post = refitReddening(obs, eval)) { // Eqs. 8–9, prior = original Ê, σ_E
                    state.reddening[i] = post->mean;
                    state.reddeningVar[i] = post->variance;
                    sum.clipped += post->clipped ? 1 : 0;
                }
            }
            double chi2Dof = kNaN;
            if (!rebuildStar(obs, eval, state.reddening[i], state.reddeningVar[i], samples[i], chi2Dof)) {
                state.usable[i] = 0; // its covariance broke down: it can no longer be scored
                state.inUse[i] = 0;
                state.chi2Dof[i] = kNaN;
                continue;
            }
            state.chi2Dof[i] = chi2Dof;
            ++sum.usable;
            sum.shift += state.reddening[i] - obs.priorE;
            if (refit) // a resumed run keeps the cut it was checkpointed with
                state.inUse[i] = !(chi2Dof >= threshold) ? 1 : 0; // dof ≤ 0 (NaN) is never cut
            if (state.split[i] == Split::Test && std::isfinite(chi2Dof)) {
                if (chi2Dof < 5.0) {
                    ++sum.testBelow;
                    sum.testSum += chi2Dof;
                } else {
                    ++sum.testAbove;
                }
            }
        }
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
    out.testChi2DofBelow5 = below ? testSum / double(below) : 0.0;
    out.testFracAbove5 = out.testStars ? double(out.testStars - below) / double(out.testStars) : 0.0;
    return out;
}

} // namespace starlocus::core
