// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Per-star state of a training run, beside the immutable catalog (ARCHITECTURE.md):
// split, current reddening E′ and σ_E′², χ²/dof, in-use flag — and the dense float32
// samples the hot loop reads, rebuilt once per iteration.
#include "core/catalog/catalog.h"
#include "core/likelihood/star_observation.h"
#include "core/model/stellar_model.h"
#include "core/training/rank_group.h"
#include "core/training/sample_layout.h"
#include "core/training/star_sample.h"
#include "core/training/training_config.h"

#include <cstdint>
#include <vector>

namespace starlocus::core {

enum class Split : std::uint8_t { Train = 0, Validation = 1, Test = 2 };

struct TrainingState {
    std::vector<Split> split;
    std::vector<std::uint8_t> usable;  // observeStar found no defect
    std::vector<std::uint8_t> inUse;   // enters the next iteration's loss
    std::vector<double> reddening;     // E′ (Ê before the first update)
    std::vector<double> reddeningVar;  // σ_E′²
    std::vector<double> chi2Dof;       // NaN where none (excluded, or dof ≤ 0)
    StarDefectCounts defects;

    std::size_t size() const { return split.size(); }
};

// A random split with fractions from `config`, a pure function of (n, seed).
std::vector<Split> assignSplit(std::size_t n, const TrainingConfig& config);

// Iteration-1 state: catalog Ê, σ_E; samples whitened with photometry and parallax
// only (∇θM = 0, R = 0); stars with σ_E > firstIterationMaxSigmaE not in use. Over ranks:
// each process computes its local stars (their samples: samples[i − local begin]) and the
// state is gathered to every rank.
TrainingState initialState(const Catalog& catalog, const LabelNormalization& norm, const TrainingConfig& config,
                           std::vector<StarSample>& samples);
TrainingState initialState(const Catalog& catalog, const LabelNormalization& norm, const TrainingConfig& config,
                           std::vector<StarSample>& samples, RankGroup& ranks);
// The same with star i's sample at samples[layout.slot(i)] (the trainer's layout: a random
// order of the stars for the block shuffle).
TrainingState initialState(const Catalog& catalog, const LabelNormalization& norm, const TrainingConfig& config,
                           std::vector<StarSample>& samples, RankGroup& ranks, const SampleLayout& layout);
// Star i's iteration-1 sample (what initialState stores); false when it has none (a defect,
// or a covariance that is not positive definite).
bool firstIterationSample(const Catalog& catalog, const LabelNormalization& norm, std::size_t i, StarSample& sample);

// The per-star rule counts of initialState, for a state read back from a checkpoint (which
// does not store them): observeStar's counts, plus a covariance failure for every star the
// rules keep but the state marks unusable.
StarDefectCounts countStateDefects(const Catalog& catalog, const LabelNormalization& norm, const TrainingState& state);

struct UpdateSummary {
    std::size_t inUse = 0, leftOut = 0, clipped = 0, testStars = 0;
    double meanShift = 0.0;
    double testChi2DofBelow5 = 0.0; // NaN: no test star below 5
    double testFracAbove5 = 0.0;    // NaN: no test star with a χ²/dof
};

// After an iteration, with the model fixed: reddening update (Eqs. 8–9), covariance
// rebuild with the current J and R, χ²/dof of every star and the cut at `threshold`;
// rewrites `samples` for the next iteration. With `refit` false the stored E′, σ_E′² are
// kept (resuming from a checkpoint, where they were already updated).
UpdateSummary updateState(const Catalog& catalog, const StellarModel& model, double threshold, bool refit,
                          TrainingState& state, std::vector<StarSample>& samples);
// The same over ranks: each process its local stars (samples as for initialState), the
// state gathered to every rank, the summary's sums added in rank order (the same bits on
// every rank and in a simulated run).
UpdateSummary updateState(const Catalog& catalog, const StellarModel& model, double threshold, bool refit,
                          TrainingState& state, std::vector<StarSample>& samples, RankGroup& ranks);
// The same with star i's sample at samples[layout.slot(i)].
UpdateSummary updateState(const Catalog& catalog, const StellarModel& model, double threshold, bool refit,
                          TrainingState& state, std::vector<StarSample>& samples, RankGroup& ranks,
                          const SampleLayout& layout);

// Every rank's block of the per-star state copied to every rank (after each rank updated its own).
void gatherState(TrainingState& state, RankGroup& ranks);

} // namespace starlocus::core
