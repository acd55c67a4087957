// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The test stars' Gaia CMD, observed and predicted, as plain arrays computed off the GUI
// thread (the live CMD view runs these in QtConcurrent jobs).
//   observed:  M_G = G + 5 log10(ϖ / 100 mas), BP − RP as measured (not dereddened),
//              for test stars with ϖ/σ_ϖ > 5 and G, BP, RP observed
//   predicted: M_G(θ) and (BP − RP)₀ = M_BP − M_RP of the model at E = 0, for every test
//              star with finite labels
#include "core/catalog/catalog.h"
#include "core/model/stellar_model.h"
#include "core/training/training_config.h"

#include <array>
#include <memory>
#include <vector>

namespace starlocus::ui {

struct CmdPoints {
    std::vector<double> color;     // BP − RP [mag]
    std::vector<double> magnitude; // M_G [mag]
    // Central 99 % of each (for axis ranges that a few extreme stars do not squeeze).
    std::array<double, 2> colorRange{0.0, 1.0};
    std::array<double, 2> magnitudeRange{0.0, 1.0};
};

// The labels of the test stars of a run (the trainer's split, a pure function of the config).
struct TestStars {
    std::vector<std::size_t> index;
    std::vector<std::array<double, 3>> theta;
};

TestStars selectTestStars(const core::Catalog& catalog, const core::TrainingConfig& config);
CmdPoints observedCmd(const core::Catalog& catalog, const TestStars& stars);
CmdPoints predictedCmd(const core::StellarModel& model, const TestStars& stars);

} // namespace starlocus::ui
