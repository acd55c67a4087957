// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// A counter-based random stream: every number is a pure function of (seed, stream index,
// draw number), so the synthetic sky and the trainer (split, initial weights, shuffles)
// are the same whatever the number of threads and whatever order the work is done in.
// The block function is Philox4x32-10 (Salmon, Moraes, Dror & Shaw 2011, "Parallel random
// numbers: as easy as 1, 2, 3", SC'11), which
// passes BigCrush for every key. Normal deviates use our own inverse CDF (Wichura 1988,
// AS 241) rather than std::normal_distribution, whose algorithm differs between standard
// libraries: one uniform in, one normal out, so draws stay addressable by their number.
#include <array>
#include <cstdint>

namespace starlocus::core {

// One Philox4x32-10 block: 128 bits of output for a 128-bit counter and a 64-bit key.
std::array<std::uint32_t, 4> philox4x32(std::array<std::uint32_t, 4> counter, std::array<std::uint32_t, 2> key);
// Block `block` of stream `stream` (the counter's high and low 64 bits, low words first).
std::array<std::uint32_t, 4> philoxBlock(std::uint64_t stream, std::uint64_t block, std::array<std::uint32_t, 2> key);

// The inverse of the standard normal CDF, Φ⁻¹(p) for p in (0, 1) (AS 241, PPND16;
// relative accuracy about 1e-16).
double inverseNormalCdf(double p);

class CounterRandom {
public:
    // The stream of one star: key = seed, counter = (star index, draw block).
    CounterRandom(std::uint64_t seed, std::uint64_t starIndex);

    // Uniform in the open interval (0, 1), 53 bits.
    double uniform();
    // Standard normal deviate.
    double normal() { return inverseNormalCdf(uniform()); }
    // Uniform in [lo, hi).
    double uniform(double lo, double hi) { return lo + (hi - lo) * uniform(); }

private:
    std::array<std::uint32_t, 2> key_;
    std::uint64_t starIndex_;
    std::uint64_t block_ = 0;
    std::array<std::uint32_t, 4> buffer_{};
    int used_ = 2; // uniforms of the current block already handed out (2 per block)
};

} // namespace starlocus::core
