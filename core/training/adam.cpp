// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/training/adam.h"

#include <cmath>

namespace starlocus::core {

AdamStepScalars nextAdamStep(AdamState& state, double learningRate, const AdamSettings& settings) {
    ++state.step;
    const double t = double(state.step);
    return {float(learningRate * std::sqrt(1.0 - std::pow(settings.beta2, t)) / (1.0 - std::pow(settings.beta1, t))),
            float(settings.beta1), float(settings.beta2), float(settings.epsilon)};
}

void adamUpdate(float* params, float* m, float* v, const float* gradient, std::size_t count,
                const AdamStepScalars& step) {
    const float lrT = step.rate, b1 = step.beta1, b2 = step.beta2, eps = step.epsilon;
    // Whole-array Eigen expressions: vectorised square roots and divisions (a scalar loop
    // calling std::sqrt is not vectorised, errno), ~10x faster, run once per mini-batch.
    const Eigen::Index n = Eigen::Index(count);
    Eigen::Map<Eigen::ArrayXf> p(params, n), mm(m, n), vv(v, n);
    const Eigen::Map<const Eigen::ArrayXf> g(gradient, n);
    mm = b1 * mm + (1.0f - b1) * g;
    vv = b2 * vv + (1.0f - b2) * g.square();
    p -= lrT * mm / (vv.sqrt() + eps);
}

void adamStep(ParameterVector& params, const ParameterVector& gradient, AdamState& state,
              double learningRate, const AdamSettings& settings) {
    const AdamStepScalars step = nextAdamStep(state, learningRate, settings);
    adamUpdate(params.data(), state.m.data(), state.v.data(), gradient.data(), params.size(), step);
}

} // namespace starlocus::core
