// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// A small synthetic sky and a short schedule for the training GUI tests: a run takes
// seconds. The facts the tests check come from the config (iterations × epochs), not from
// the code under test.
#include "core/mock/mock_sky.h"
#include "core/training/training_config.h"

#include <memory>

namespace starlocus::test {

inline std::shared_ptr<const core::Catalog> smallSky(std::size_t stars = 3000, std::uint64_t seed = 7) {
    core::MockSkyConfig config;
    config.starCount = stars;
    const core::MockSky sky(config, seed);
    auto catalog = std::make_shared<core::Catalog>(sky.catalog());
    catalog->sourceFile = "mock:test";
    return catalog;
}

inline core::TrainingConfig quickSchedule(int iterations, int epochs) {
    core::TrainingConfig config;
    config.iterations = iterations;
    config.epochsPerIteration = epochs;
    config.threads = 2;
    config.seed = 3;
    return config;
}

} // namespace starlocus::test
