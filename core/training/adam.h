// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Adam (Kingma & Ba 2014) as Keras 2.2.4 applies it: m ← β₁m + (1−β₁)g,
// v ← β₂v + (1−β₂)g², lr_t = lr·√(1−β₂ᵗ)/(1−β₁ᵗ), θ ← θ − lr_t·m/(√v + ε̂).
// The moments and t are kept across iterations (only the rate changes, METHOD.md §4),
// so a checkpoint of (θ, m, v, t) resumes exactly.
#include <Eigen/Core>

#include <cstdint>
#include <vector>

namespace starlocus::core {

// Trainable parameters and everything of their size: aligned for the vector units, so
// the float sums of the kernel do not depend on where the heap put the array.
using ParameterVector = std::vector<float, Eigen::aligned_allocator<float>>;

struct AdamState {
    ParameterVector m;
    ParameterVector v;
    std::int64_t step = 0;

    explicit AdamState(std::size_t n = 0) : m(n, 0.0f), v(n, 0.0f) {}
};

struct AdamSettings {
    double beta1 = 0.9;
    double beta2 = 0.999;
    double epsilon = 1e-7;
};

void adamStep(ParameterVector& params, const ParameterVector& gradient, AdamState& state,
              double learningRate, const AdamSettings& settings);

// adamStep in two halves, so that the update of the parameters can be split among threads:
// the step's count and rate (once per step), then the update of any part of the arrays
// (elementwise: the parts give the bits of the whole).
struct AdamStepScalars {
    float rate; // lr_t
    float beta1, beta2, epsilon;
};
AdamStepScalars nextAdamStep(AdamState& state, double learningRate, const AdamSettings& settings);
void adamUpdate(float* params, float* m, float* v, const float* gradient, std::size_t count,
                const AdamStepScalars& step);

} // namespace starlocus::core
