// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/training/update_stars.h"

#include "core/likelihood/reddening_update.h"
#include "core/likelihood/star_covariance.h"
#include "core/likelihood/whitening.h"
#include "core/likelihood/whitening_lanes.h"

#include <cmath>
#include <limits>

namespace starlocus::core {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// Up to kWhiteningLanes usable stars whose reddening is updated and covariance built, waiting
// for their whitening together (whitening_lanes.h); finished in star order, so the sums add
// as star by star.
struct StarGroup {
    std::size_t star[kWhiteningLanes] = {};
    StarObservation obs[kWhiteningLanes];
    Mat13 covariance[kWhiteningLanes];
    WhiteningInput input[kWhiteningLanes];
    std::size_t count = 0;
};

// The sample's target, labels and E beside its whitening, and χ²/dof.
void storeSample(StarSample& sample, const StarObservation& obs, const float* w, double chi2, double e,
                 double& chi2Dof) {
    storeWhitening(sample, w);
    for (std::size_t b = 0; b < kBandCount; ++b)
        sample.y[b] = float(obs.target[Eigen::Index(b)]);
    for (int a = 0; a < 3; ++a)
        sample.x[a] = float(obs.x[a]);
    sample.e = float(e);
    chi2Dof = obs.dof() > 0 ? chi2 / obs.dof() : kNaN;
}

// The group's whitening, then each star's sample, χ²/dof, cut and sums, in star order.
void finishGroup(const UpdateStarsJob& job, StarGroup& group, UpdateStarsSums& sum) {
    if (group.count == 0)
        return;
    alignas(64) float packed[kWhiteningLanes * kPackedTriangleSize];
    double chi2[kWhiteningLanes];
    bool ok[kWhiteningLanes];
    packedWhiteningLanes(group.input, group.count, packed, chi2, ok);
    TrainingState& state = job.state;
    for (std::size_t s = 0; s < group.count; ++s) {
        const std::size_t i = group.star[s];
        const StarObservation& obs = group.obs[s];
        if (!ok[s]) {
            state.usable[i] = 0; // its covariance broke down: it can no longer be scored
            state.inUse[i] = 0;
            state.chi2Dof[i] = kNaN;
            continue;
        }
        double chi2Dof = kNaN;
        storeSample(job.sampleOf(i), obs, packed + s * kPackedTriangleSize, chi2[s], state.reddening[i], chi2Dof);
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
    group.count = 0;
}

} // namespace

bool fillSample(StarSample& sample, const StarObservation& obs, const Mat13& covariance, const Vec13& residual,
                double e, double& chi2Dof) {
    double chi2 = kNaN;
    float w[kPackedTriangleSize];
    if (!packedWhitening(obs, covariance, residual, w, chi2))
        return false;
    storeSample(sample, obs, w, chi2, e, chi2Dof);
    return true;
}

void updateStars(const UpdateStarsJob& job, std::size_t begin, std::size_t end, UpdateStarsSums& sum) {
    TrainingState& state = job.state;
    StarGroup group;
    for (std::size_t i = begin; i < end; ++i) {
        if (!state.usable[i])
            continue;
        // The sample is written when the group is finished, up to 7 stars from now: in the block
        // shuffle's layout samples sit at random places, and each write would first fetch its
        // 4 cache lines.
        prefetchSampleForWrite(&job.sampleOf(i));
        const std::size_t s = group.count;
        StarObservation& obs = group.obs[s];
        obs = observeStar(job.catalog, i, job.model.normalization());
        const ModelEvaluation eval = job.model.evaluateNormalized(obs.x, true);
        if (job.refit) {
            if (const auto post = refitReddening(obs, eval)) { // Eqs. 8–9, prior = original Ê, σ_E
                state.reddening[i] = post->mean;
                state.reddeningVar[i] = post->variance;
                sum.clipped += post->clipped ? 1 : 0;
            }
        }
        // Covariance at (E′, σ_E′²) with the model terms, and the residual at E′.
        group.covariance[s] = colorSpaceCovariance(obs, eval, state.reddening[i], state.reddeningVar[i]);
        group.input[s] = {&obs, &group.covariance[s], eval.colorPrediction(state.reddening[i]) - obs.target};
        group.star[s] = i;
        if (++group.count == kWhiteningLanes)
            finishGroup(job, group, sum);
    }
    finishGroup(job, group, sum);
}

} // namespace starlocus::core
