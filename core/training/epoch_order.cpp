// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/training/epoch_order.h"

#include "core/common/counter_random.h"

#include <algorithm>
#include <array>
#include <numeric>

namespace starlocus::core {
namespace {

// The epoch shuffles' counter streams (2⁴⁰ + epoch): a range of their own, apart from the
// initialisation's (0xC0FFEE00 + n, network_parameters.cpp), the split's (0x5B117 · 2³²,
// training_state.cpp) and the sample layout's (sample_layout.cpp), so no shuffle repeats
// their numbers. The two shuffles are alternatives of a run and share the streams.
constexpr std::uint64_t kShuffleStream = 1ull << 40;
// The shuffles inside the blocks: streams 3·2⁴⁰ + epoch, above the epochs' (2⁴⁰ + epoch)
// and below the layout's.
constexpr std::uint64_t kWithinBlockStream = 3ull << 40;

// Whole numbers below a bound from 32-bit draws of one Philox stream (four per block of
// the generator, where CounterRandom::uniform uses two for its 53 bits): the within-block
// shuffles take 2 million draws an epoch at 2 million training stars.
class SmallDraws {
public:
    SmallDraws(std::uint64_t seed, std::uint64_t stream)
        : key_{std::uint32_t(seed), std::uint32_t(seed >> 32)}, stream_(stream) {}

    // Uniform in [0, bound), bound ≥ 1, exactly (Lemire 2019, "Fast random integer
    // generation in an interval": multiply, and reject the few draws that would bias it).
    std::uint32_t below(std::uint32_t bound) {
        std::uint64_t m = std::uint64_t(next()) * bound;
        if (std::uint32_t(m) < bound) {
            const std::uint32_t threshold = std::uint32_t(-bound) % bound;
            while (std::uint32_t(m) < threshold)
                m = std::uint64_t(next()) * bound;
        }
        return std::uint32_t(m >> 32);
    }

private:
    std::uint32_t next() {
        if (used_ == 4) {
            buffer_ = philoxBlock(stream_, block_, key_);
            ++block_;
            used_ = 0;
        }
        return buffer_[std::size_t(used_++)];
    }

    std::array<std::uint32_t, 2> key_;
    std::uint64_t stream_;
    std::uint64_t block_ = 0;
    std::array<std::uint32_t, 4> buffer_{};
    int used_ = 4;
};

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
    // Where each block's run begins in `rotated` (ascending in q = (p − offset) mod n: the
    // runs end where q reaches the next multiple of the block size).
    std::vector<std::size_t> starts;
    std::size_t blockEnd = 0;
    for (std::size_t k = 0; k < rotated.size(); ++k) {
        const std::size_t p = rotated[k], q = p >= offset ? p - offset : p + positions - offset;
        if (k == 0 || q >= blockEnd) {
            starts.push_back(k);
            blockEnd = (q / blockStars + 1) * blockStars;
        }
    }
    starts.push_back(rotated.size());

    std::vector<std::uint32_t> blocks(starts.size() - 1);
    std::iota(blocks.begin(), blocks.end(), 0u);
    shuffleRange(blocks.begin(), blocks.end(), rng);
    order.reserve(train.size());
    SmallDraws draws(seed, kWithinBlockStream + std::uint64_t(globalEpoch));
    for (std::uint32_t b : blocks) {
        const std::size_t first = order.size();
        order.insert(order.end(), rotated.begin() + std::ptrdiff_t(starts[b]), rotated.begin() + std::ptrdiff_t(starts[b + 1]));
        for (std::size_t i = order.size() - first; i > 1; --i) // Fisher–Yates
            std::swap(order[first + i - 1], order[first + draws.below(std::uint32_t(i))]);
    }
    return order;
}

} // namespace starlocus::core
