// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Every setting of a training run, with the paper's defaults (METHOD.md §4, §2). Names,
// flags, labels and ranges of the settings: training_config_fields.h (a new member needs
// a row there).
#include <cmath>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace starlocus::core {

// How the weights start. Keras: Glorot kernels, zero biases (R = 1 in every band, the
// authors' code). Physical: the same, but R starts at the F99 R_V = 3.1 theory for the
// catalog's median Teff (no θ dependence) and the B·M biases at the median observed
// colours, so a small catalog does not spend its few Adam steps crawling away from R = 1
// (docs/VALIDATION.md). The objective and schedule are the paper's either way.
enum class Initialization { Physical, Keras };

// TrainingConfig::epochsPerIteration's value for "choose from the catalog" ("auto" on the
// command line and in the settings dialog, 0 in a checkpoint's JSON; the rule:
// epoch_schedule.h).
inline constexpr int kAutoEpochs = 0;
// TrainingConfig::shuffleBlockStars's value for a free shuffle of every training star ("full"
// on the command line, 0 in a checkpoint's JSON): the paper's, and what checkpoints written
// before the setting existed resume with.
inline constexpr int kFullShuffle = 0;
// The default: blocks of 8,192 samples (3.5 MB), the block measured fastest on millions of
// stars (docs/PERFORMANCE.md). Truth recovery with six training seeds per shuffle learns the
// same R as the free shuffle (scale 0.9656 ± 0.0108 against 0.9672 ± 0.0058, the same ΔR/R,
// test χ² and losses; docs/VALIDATION.md). A catalog of fewer training stars than a block is
// one block: its stars are shuffled freely.
inline constexpr int kDefaultShuffleBlockStars = 8192;
std::string_view initializationName(Initialization init);
Initialization parseInitialization(std::string_view text); // InputError("", "initialization", …)

struct TrainingConfig {
    // Schedule (§4): 20 iterations × 25 epochs; lr 1e-3 × e^(−1/5) per iteration. The epochs
    // are chosen from the catalog by default: the paper's 25 where it is large enough, more
    // where it is small (epoch_schedule.h).
    int iterations = 20;
    int epochsPerIteration = kAutoEpochs;
    int batchSize = 32; // the authors' scripts
    double learningRate = 1e-3;
    double learningRateDecay = std::exp(-1.0 / 5.0); // multiplier after each iteration
    double adamBeta1 = 0.9;
    double adamBeta2 = 0.999;
    double adamEpsilon = 1e-7;

    // Loss (Eq. 15): L2 on the hidden kernels, L1 on the R kernel.
    double l2Hidden = 1e-4;
    double l1Extinction = 1e-2;
    std::vector<int> hiddenLayers{32, 32};

    // Outlier cut after iteration k: 100·(5/100)^((k−1)/14) for k ≤ 15, then 5.
    double thresholdStart = 100.0;
    double thresholdFinal = 5.0;
    int thresholdDecayIterations = 15;
    // Iteration 1 leaves out stars with σ_E above this (its covariance has no R term).
    double firstIterationMaxSigmaE = 0.2;

    // The epoch shuffle: stars in blocks of this many consecutive samples in memory, the
    // blocks and the stars inside each block reshuffled every epoch, the samples laid out in
    // a random order of the run (epoch_order.h, sample_layout.h); kFullShuffle: every
    // training star shuffled freely over the whole catalog, the order before this setting
    // existed, and the paper's.
    int shuffleBlockStars = kDefaultShuffleBlockStars;

    // Split (70/20/10 %) and randomness.
    double trainFraction = 0.7;
    double validationFraction = 0.2; // the rest is the test set
    std::uint64_t seed = 1;
    int threads = 0; // 0 = all cores
    Initialization initialization = Initialization::Physical;

    // Throws InputError (file "", field = the setting's JSON key, reason without its name) for
    // a value outside its range in training_config_fields.h or two that do not fit together.
    void validate() const;

    double learningRateAt(int iteration) const { // iteration counts from 1
        return learningRate * std::pow(learningRateDecay, iteration - 1);
    }
    double thresholdAfter(int iteration) const {
        if (iteration >= thresholdDecayIterations)
            return thresholdFinal;
        const double t = double(iteration - 1) / double(thresholdDecayIterations - 1);
        return thresholdStart * std::pow(thresholdFinal / thresholdStart, t);
    }
};

} // namespace starlocus::core
