// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/training/adam.h"

#include <cmath>

namespace starlocus::core {

void adamStep(ParameterVector& params, const ParameterVector& gradient, AdamState& state,
              double learningRate, const AdamSettings& settings) {
    ++state.step;
    const double t = double(state.step);
    const float lrT = float(learningRate * std::sqrt(1.0 - std::pow(settings.beta2, t)) /
                            (1.0 - std::pow(settings.beta1, t)));
    const float b1 = float(settings.beta1), b2 = float(settings.beta2), eps = float(settings.epsilon);
    // Whole-array Eigen expressions: vectorised square roots and divisions (a scalar loop
    // calling std::sqrt is not vectorised, errno), ~10x faster, run once per mini-batch.
    const Eigen::Index n = Eigen::Index(params.size());
    Eigen::Map<Eigen::ArrayXf> p(params.data(), n), m(state.m.data(), n), v(state.v.data(), n);
    const Eigen::Map<const Eigen::ArrayXf> g(gradient.data(), n);
    m = b1 * m + (1.0f - b1) * g;
    v = b2 * v + (1.0f - b2) * g.square();
    p -= lrT * m / (v.sqrt() + eps);
}

} // namespace starlocus::core
