// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/training/epoch_order.h"

#include "core/common/counter_random.h"

#include <algorithm>
#include <numeric>

namespace starlocus::core {
namespace {

// The epoch shuffles' counter streams (2⁴⁰ + epoch): a range of their own, apart from the
// initialisation's (0xC0FFEE00 + n, network_parameters.cpp), the split's (0x5B117 · 2³²,
// training_state.cpp) and the sample layout's (sample_layout.cpp), so no shuffle repeats
// their numbers. The two shuffles are alternatives of a run and share the streams.
constexpr std::uint64_t kShuffleStream = 1ull << 40;

// Fisher–Yates over [first, last) with draws from `rng`.
template <typename It>
void shuffleRange(It first, It last, CounterRandom& rng) {
    for (std::size_t i = std::size_t(last - first); i > 1; --i)
        std::swap(first[i - 1], first[std::min(i - 1, std::size_t(rng.uniform() * double(i)))]);
}

} // namespace

std::vector<std::uint32_t> freeShuffle(const std::vector<std::uint32_t>& train, std::uint64_t seed, int globalEpoch) {
    std::vector<std::uint32_t> order = train;
    CounterRandom rng(seed, kShuffleStream + std::uint64_t(globalEpoch));
    shuffleRange(order.begin(), order.end(), rng);
    return order;
}

std::vector<std::uint32_t> blockShuffle(const std::vector<std::uint32_t>& train, std::size_t positions,
                                        std::size_t blockStars, std::uint64_t seed, int globalEpoch) {
    std::vector<std::uint32_t> order;
    if (train.empty() || positions == 0 || blockStars == 0)
        return order;
    CounterRandom rng(seed, kShuffleStream + std::uint64_t(globalEpoch));
    const std::size_t offset = std::min(positions - 1, std::size_t(rng.uniform() * double(positions)));
    // The training stars from the offset on, wrapping round: ascending in (p − offset) mod n,
    // so each block is one run of them.
    const auto wrap = std::lower_bound(train.begin(), train.end(), std::uint32_t(offset));
    std::vector<std::uint32_t> rotated;
    rotated.reserve(train.size());
    rotated.insert(rotated.end(), wrap, train.end());
    rotated.insert(rotated.end(), train.begin(), wrap);
    const auto blockOf = [&](std::uint32_t p) { return (std::size_t(p) + positions - offset) % positions / blockStars; };
    std::vector<std::size_t> starts; // where each block's run begins in `rotated`
    for (std::size_t k = 0; k < rotated.size(); ++k)
        if (k == 0 || blockOf(rotated[k]) != blockOf(rotated[k - 1]))
            starts.push_back(k);
    starts.push_back(rotated.size());

    std::vector<std::uint32_t> blocks(starts.size() - 1);
    std::iota(blocks.begin(), blocks.end(), 0u);
    shuffleRange(blocks.begin(), blocks.end(), rng);
    order.reserve(train.size());
    for (std::uint32_t b : blocks) {
        const std::size_t first = order.size();
        order.insert(order.end(), rotated.begin() + std::ptrdiff_t(starts[b]), rotated.begin() + std::ptrdiff_t(starts[b + 1]));
        shuffleRange(order.begin() + std::ptrdiff_t(first), order.end(), rng);
    }
    return order;
}

} // namespace starlocus::core
