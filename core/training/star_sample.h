// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// What the hot loop reads for one star: the whitening W (packed lower triangle, Eq. 10),
// the c-space target y = B(m̂ − μ) (0 on dropped entries), normalized labels x and the
// reddening E of the current iteration. 432 bytes, contiguous, float32.
#include "core/likelihood/whitening.h"

#include <cstdint>

namespace starlocus::core {

struct alignas(16) StarSample {
    float w[kPackedTriangleSize]; // row-major lower triangle: (0,0), (1,0), (1,1), (2,0), …
    float y[kBandCount];
    float x[3];
    float e;
};
static_assert(sizeof(StarSample) == 432, "one sample is 108 floats");

namespace detail {
// Every cache line of the sample (7 or 8 of them: 432 bytes at a 16-byte alignment);
// kForWrite: the lines arrive ready to be modified.
template <int kForWrite>
inline void prefetchSampleLines(const StarSample* sample) {
    constexpr std::uintptr_t kLine = 64;
    const auto first = reinterpret_cast<std::uintptr_t>(sample) & ~(kLine - 1);
    const auto last = reinterpret_cast<std::uintptr_t>(sample) + sizeof(StarSample) - 1;
    for (std::uintptr_t line = first; line <= last; line += kLine)
        __builtin_prefetch(reinterpret_cast<const void*>(line), kForWrite);
}
} // namespace detail

// Asks for every cache line of the sample, so that they travel while other work runs
// instead of one miss at a time where the kernel reads them.
inline void prefetchSample(const StarSample* sample) { detail::prefetchSampleLines<0>(sample); }
// The same, for a sample about to be written.
inline void prefetchSampleForWrite(StarSample* sample) { detail::prefetchSampleLines<1>(sample); }

} // namespace starlocus::core
