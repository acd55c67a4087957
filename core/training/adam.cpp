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
    const std::size_t n = params.size();
    float* p = params.data();
    float* m = state.m.data();
    float* v = state.v.data();
    const float* g = gradient.data();
    for (std::size_t k = 0; k < n; ++k) {
        m[k] = b1 * m[k] + (1.0f - b1) * g[k];
        v[k] = b2 * v[k] + (1.0f - b2) * g[k] * g[k];
        p[k] -= lrT * m[k] / (std::sqrt(v[k]) + eps);
    }
}

} // namespace starlocus::core
