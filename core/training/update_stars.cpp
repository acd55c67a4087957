// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/training/update_stars.h"

#include "core/likelihood/reddening_update.h"
#include "core/likelihood/star_covariance.h"
#include "core/likelihood/whitening.h"

#include <cmath>
#include <limits>

namespace starlocus::core {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
// Stars between a sample's prefetch and its write: a star's update is ~2 µs, a memory
// fetch well under one, so a few are plenty.
constexpr std::size_t kWriteAhead = 4;

// Per star: covariance at (E′, σ_E′²) with the model terms, whitening, χ²/dof.
// Returns false when the covariance is not positive definite.
bool rebuildStar(const StarObservation& obs, const ModelEvaluation& eval, double e, double varE,
                 StarSample& sample, double& chi2Dof) {
    return fillSample(sample, obs, colorSpaceCovariance(obs, eval, e, varE), eval.colorPrediction(e) - obs.target, e,
                      chi2Dof);
}

} // namespace

bool fillSample(StarSample& sample, const StarObservation& obs, const Mat13& covariance, const Vec13& residual,
                double e, double& chi2Dof) {
    double chi2 = kNaN;
    float w[kPackedTriangleSize];
    if (!packedWhitening(obs, covariance, residual, w, chi2))
        return false;
    storeWhitening(sample, w);
    for (std::size_t b = 0; b < kBandCount; ++b)
        sample.y[b] = float(obs.target[Eigen::Index(b)]);
    for (int a = 0; a < 3; ++a)
        sample.x[a] = float(obs.x[a]);
    sample.e = float(e);
    chi2Dof = obs.dof() > 0 ? chi2 / obs.dof() : kNaN;
    return true;
}

void updateStars(const UpdateStarsJob& job, std::size_t begin, std::size_t end, UpdateStarsSums& sum) {
    TrainingState& state = job.state;
    for (std::size_t i = begin; i < end; ++i) {
        // The sample this star will write a few stars from now: in the block shuffle's layout
        // samples sit at random places, and each write would first fetch its 4 cache lines.
        if (i + kWriteAhead < end)
            prefetchSampleForWrite(&job.sampleOf(i + kWriteAhead));
        if (!state.usable[i])
            continue;
        const StarObservation obs = observeStar(job.catalog, i, job.model.normalization());
        const ModelEvaluation eval = job.model.evaluateNormalized(obs.x, true);
        if (job.refit) {
            if (const auto post = refitReddening(obs, eval)) { // Eqs. 8–9, prior = original Ê, σ_E
                state.reddening[i] = post->mean;
                state.reddeningVar[i] = post->variance;
                sum.clipped += post->clipped ? 1 : 0;
            }
        }
        double chi2Dof = kNaN;
        if (!rebuildStar(obs, eval, state.reddening[i], state.reddeningVar[i], job.sampleOf(i), chi2Dof)) {
            state.usable[i] = 0; // its covariance broke down: it can no longer be scored
            state.inUse[i] = 0;
            state.chi2Dof[i] = kNaN;
            continue;
        }
        state.chi2Dof[i] = chi2Dof;
        ++sum.usable;
        sum.shift += state.reddening[i] - obs.priorE;
        if (job.refit) // a resumed run keeps the cut it was checkpointed with
            state.inUse[i] = !(chi2Dof >= job.threshold) ? 1 : 0; // dof ≤ 0 (NaN) is never cut
        if (state.split[i] == Split::Test && std::isfinite(chi2Dof)) {
            if (chi2Dof < 5.0) {
                ++sum.testBelow;
                sum.testSum += chi2Dof;
            } else {
                ++sum.testAbove;
            }
        }
    }
}

} // namespace starlocus::core
