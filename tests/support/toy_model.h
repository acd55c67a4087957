// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// A StellarModel whose outputs are known in closed form: no hidden layer, B·M(x) = b_M +
// K_Mᵀ x and R(x) = exp(b_R + K_Rᵀ x). With zero kernels M and R are constant.
#include "core/model/stellar_model.h"

#include <cmath>

namespace starlocus::test {

inline core::StellarModel toyModel(const core::Vec13& absMag, const core::Vec13& r, double slope = 0.0) {
    using namespace starlocus::core;
    DenseLayer out{"BM", 3, 13, WeightVector(39, 0.0), WeightVector(13), Activation::Linear};
    const Vec13 bm = toColorSpace(absMag);
    for (int b = 0; b < 13; ++b) {
        out.bias[std::size_t(b)] = bm[b];
        out.kernel[std::size_t(b)] = slope * (b + 1); // ∂(BM)_b/∂x₀ = slope·(b+1)
    }
    DenseLayer ext{"R", 3, 13, WeightVector(39, 0.0), WeightVector(13), Activation::Exponential};
    for (int b = 0; b < 13; ++b)
        ext.bias[std::size_t(b)] = std::log(r[b]);
    LabelNormalization norm;
    norm.median = {5780.0, 4.44, 0.0};
    norm.stddev = {1000.0, 1.0, 0.5};
    return StellarModel(norm, {}, out, ext, {"test", "toy", "", ""});
}

// Sun-like absolute magnitudes and a plausible R, matching makeCleanCatalog's photometry.
inline core::Vec13 toySunMagnitudes() {
    core::Vec13 m;
    m << 4.67, 5.0, 4.2, 5.1, 4.6, 4.5, 4.5, 4.45, 3.6, 3.3, 3.25, 3.2, 3.2;
    return m;
}
inline core::Vec13 toyExtinction() {
    core::Vec13 r;
    r << 2.6, 3.4, 1.9, 3.8, 2.7, 2.0, 1.5, 1.25, 0.75, 0.4, 0.2, 0.05, 0.02;
    return r;
}

} // namespace starlocus::test
