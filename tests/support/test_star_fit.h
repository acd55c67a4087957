// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// How well a trained model fits its held-out test stars, the way the issue states it:
// ⟨χ²/dof⟩ over the test stars below 5 together with the fraction above 5 (METHOD.md §3:
// the mean alone is self-censoring). Stars without a χ²/dof (dof ≤ 0) are not counted.
#include "core/training/training_state.h"

#include <cmath>
#include <cstddef>

namespace starlocus::test {

struct TestStarFit {
    std::size_t below = 0; // test stars with χ²/dof < 5
    std::size_t above = 0; // test stars with χ²/dof ≥ 5
    double meanBelow = 0.0;
    double fractionAbove = 0.0;
};

inline TestStarFit testStarFit(const core::TrainingState& state) {
    TestStarFit fit;
    double sum = 0.0;
    for (std::size_t i = 0; i < state.size(); ++i) {
        if (state.split[i] != core::Split::Test || !std::isfinite(state.chi2Dof[i]))
            continue;
        if (state.chi2Dof[i] < 5.0) {
            sum += state.chi2Dof[i];
            ++fit.below;
        } else {
            ++fit.above;
        }
    }
    if (fit.below > 0)
        fit.meanBelow = sum / double(fit.below);
    if (fit.below + fit.above > 0)
        fit.fractionAbove = double(fit.above) / double(fit.below + fit.above);
    return fit;
}

} // namespace starlocus::test
