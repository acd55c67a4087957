// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// What the hot loop reads for one star: the whitening W (packed lower triangle, Eq. 10),
// the c-space target y = B(m̂ − μ) (0 on dropped entries), normalized labels x and the
// reddening E of the current iteration. 432 bytes, contiguous, float32.
#include "core/likelihood/whitening.h"

namespace starlocus::core {

struct alignas(16) StarSample {
    float w[kPackedTriangleSize]; // row-major lower triangle: (0,0), (1,0), (1,1), (2,0), …
    float y[kBandCount];
    float x[3];
    float e;
};
static_assert(sizeof(StarSample) == 432, "one sample is 108 floats");

} // namespace starlocus::core
