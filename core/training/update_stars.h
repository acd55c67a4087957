// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The per-star work of updateState() (training_state.h) for a range of stars: reddening
// update (Eqs. 8–9), covariance rebuild, whitening into the sample, χ²/dof and the cut.
// A function of its own because it is one of the hot kernels compiled for every CPU path
// (core/common/cpu_dispatch.h); updateState() splits the stars and sums the ranges.
#include "core/catalog/catalog.h"
#include "core/likelihood/star_observation.h"
#include "core/model/stellar_model.h"
#include "core/training/sample_layout.h"
#include "core/training/star_sample.h"
#include "core/training/training_state.h"

#include <cstddef>
#include <vector>

namespace starlocus::core {

struct UpdateStarsJob {
    const Catalog& catalog;
    const StellarModel& model;
    double threshold;
    bool refit;
    TrainingState& state;
    std::vector<StarSample>& samples; // star i's sample is samples[i − firstSample] ...
    std::size_t firstSample = 0;
    const SampleLayout* layout = nullptr; // ... or samples[layout->slot(i)] when given

    StarSample& sampleOf(std::size_t i) const { return layout ? samples[layout->slot(i)] : samples[i - firstSample]; }
};

// What updateState() sums over the ranges.
struct UpdateStarsSums {
    std::size_t clipped = 0, usable = 0, testBelow = 0, testAbove = 0;
    double shift = 0.0, testSum = 0.0;
};

// Stars [begin, end) of the job; adds to `sums`.
void updateStars(const UpdateStarsJob& job, std::size_t begin, std::size_t end, UpdateStarsSums& sums);

// Whitening of `covariance` into the sample (with target, labels and E) and χ²/dof of
// `residual`. Returns false when the covariance is not positive definite.
bool fillSample(StarSample& sample, const StarObservation& obs, const Mat13& covariance, const Vec13& residual,
                double e, double& chi2Dof);

} // namespace starlocus::core
