// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/training/sample_layout.h"

#include "core/common/counter_random.h"

#include <algorithm>
#include <limits>
#include <numeric>
#include <stdexcept>

namespace starlocus::core {
namespace {

// The layout's counter stream: apart from the initialisation's (0xC0FFEE00 + n), the split's
// (0x5B117 · 2³²) and the epoch shuffles' (2⁴⁰ + epoch), so it repeats none of their numbers.
constexpr std::uint64_t kLayoutStream = 0x1A40ull << 32;

void requireIndexable(std::size_t stars) {
    if (stars > std::numeric_limits<std::uint32_t>::max())
        throw std::length_error("the trainer indexes stars in 32 bits: at most 4,294,967,295 stars");
}

} // namespace

SampleLayout SampleLayout::catalogOrder(std::size_t stars, StarRange local) {
    requireIndexable(stars);
    SampleLayout layout;
    layout.stars_ = stars;
    layout.local_ = local;
    return layout;
}

SampleLayout SampleLayout::shuffled(std::size_t stars, StarRange local, std::uint64_t seed) {
    requireIndexable(stars);
    SampleLayout layout;
    layout.stars_ = stars;
    layout.local_ = local;
    layout.starAt_.resize(stars);
    std::iota(layout.starAt_.begin(), layout.starAt_.end(), 0u);
    CounterRandom rng(seed, kLayoutStream);
    for (std::size_t i = stars; i > 1; --i) // Fisher–Yates
        std::swap(layout.starAt_[i - 1], layout.starAt_[std::min(i - 1, std::size_t(rng.uniform() * double(i)))]);
    layout.positionOf_.resize(stars);
    for (std::size_t p = 0; p < stars; ++p)
        layout.positionOf_[layout.starAt_[p]] = std::uint32_t(p);
    if (!layout.positionIsSlot()) {
        // This process's stars in position order: a block's share is contiguous here too.
        layout.localSlot_.resize(local.size());
        std::uint32_t next = 0;
        for (std::size_t p = 0; p < stars; ++p)
            if (const std::uint32_t i = layout.starAt_[p]; local.contains(i))
                layout.localSlot_[i - local.begin] = next++;
    }
    return layout;
}

} // namespace starlocus::core
