// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The per-star heart of both training kernels: the whitened residual r = W d with W the
// packed lower triangle of a StarSample (row-major, as loadWhitening gives it), its squared norm, and the gradient
// ∂(scale·|r|²)/∂d = 2·scale·Wᵀ r. Both loops fully unrolled (13 rows): the row lengths
// are then constants and the compiler schedules the multiply-adds across rows.
#include "core/training/star_sample.h"

namespace starlocus::core {

// Returns |W d|²; adds 2·scale·Wᵀ W d to `gradient` unless it is null.
inline float whitenedNormAndGradient(const float* w, const float* d, float scale, float* gradient) {
    constexpr int kRows = int(kBandCount);
    float res[kRows];
    const float* row = w;
    float sum2 = 0.0f;
#pragma GCC unroll 13
    for (int i = 0; i < kRows; ++i) {
        float acc = 0.0f;
        for (int j = 0; j <= i; ++j)
            acc += row[j] * d[j];
        row += i + 1;
        res[i] = acc;
        sum2 += acc * acc;
    }
    if (!gradient)
        return sum2;
    row = w;
#pragma GCC unroll 13
    for (int i = 0; i < kRows; ++i) {
        const float ri = 2.0f * scale * res[i];
        for (int j = 0; j <= i; ++j)
            gradient[j] += row[j] * ri;
        row += i + 1;
    }
    return sum2;
}

} // namespace starlocus::core
