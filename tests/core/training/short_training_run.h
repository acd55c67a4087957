// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The small run the rank and epoch-order tests train: a 3,000-star linear-extinction sky and
// 2 iterations × 2 epochs with seed 9, so that every case compares the same training.
#include "core/mock/mock_sky.h"
#include "core/training/training_config.h"

namespace starlocus::test {

inline const core::Catalog& shortRunSky() {
    static const core::MockSky s = [] {
        core::MockSkyConfig config;
        config.starCount = 3000;
        config.extinction = core::ExtinctionMode::Linear;
        return core::MockSky(config, 11);
    }();
    return s.catalog();
}

inline core::TrainingConfig shortRunConfig(int threads) {
    core::TrainingConfig c;
    c.iterations = 2;
    c.epochsPerIteration = 2;
    c.thresholdDecayIterations = 2;
    c.threads = threads;
    c.seed = 9;
    return c;
}

} // namespace starlocus::test
