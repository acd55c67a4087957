// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Random but well-conditioned training samples for the kernel and epoch tests: W lower
// triangular with a strong diagonal, y and x of unit spread, E in [0, 0.5). The arithmetic of
// a kernel or an epoch does not depend on the values, only on their being finite and sane.
#include "core/common/counter_random.h"
#include "core/training/star_sample.h"

#include <cstdint>
#include <vector>

namespace starlocus::test {

inline std::vector<core::StarSample> randomStarSamples(std::size_t n, std::uint64_t seed) {
    std::vector<core::StarSample> stars(n);
    for (std::size_t s = 0; s < n; ++s) {
        core::CounterRandom rng(seed, std::uint64_t(s));
        core::StarSample& st = stars[s];
        float w[core::kPackedTriangleSize];
        std::size_t k = 0;
        for (std::size_t i = 0; i < core::kBandCount; ++i)
            for (std::size_t j = 0; j <= i; ++j, ++k)
                w[k] = float(i == j ? 5.0 + 20.0 * rng.uniform() : 3.0 * rng.normal());
        core::storeWhitening(st, w);
        for (float& y : st.y)
            y = float(rng.normal());
        for (float& x : st.x)
            x = float(rng.normal());
        st.e = float(0.5 * rng.uniform());
    }
    return stars;
}

} // namespace starlocus::test
