// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// What a training run leaves behind besides the weights: its history, the per-star
// results (so test-set diagnostics need no retraining) and the identity of the catalog
// they belong to. The checkpoint adds what resuming needs (Adam state, in-use flags).
#include "core/training/adam.h"
#include "core/training/training_config.h"
#include "core/training/training_events.h"
#include "core/training/training_state.h"

#include <cstdint>
#include <string>
#include <vector>

namespace starlocus::core {

struct EpochRecord {
    int iteration = 0;
    int epoch = 0;
    double trainLoss = 0.0;
    double validationLoss = 0.0; // NaN = no value (no validation star in use), as in EpochEvent
    double learningRate = 0.0;
    double elapsedSeconds = 0.0;
    double starsPerSecond = 0.0;
};

struct IterationRecord {
    int iteration = 0;
    double threshold = 0.0;
    double testChi2DofBelow5 = 0.0; // NaN = no value, as in IterationEvent
    double testFracAbove5 = 0.0;
    std::uint64_t starsInUse = 0;
    std::uint64_t starsLeftOut = 0;
    double fractionLeftOut = 0.0;
    double nextLearningRate = 0.0;
};

struct TrainingHistory {
    std::vector<EpochRecord> epochs;
    std::vector<IterationRecord> iterations;
    std::vector<std::string> faults; // "iteration 3, epoch 7: loss was NaN; learning rate halved to …" (≤ 64)
};

// Everything needed to continue a run exactly where it stopped (after an iteration).
struct TrainingCheckpoint {
    TrainingConfig config;
    int completedIterations = 0;
    double learningRateScale = 1.0; // product of the halvings after faults: in (0, 1]
    std::uint64_t starsProcessed = 0;
    double elapsedSeconds = 0.0;
    LabelNormalization normalization;
    ParameterVector parameters;
    AdamState adam;
    TrainingState state;
    TrainingHistory history;
    std::uint64_t catalogHash = 0;
    std::string catalogSource;
};

} // namespace starlocus::core
