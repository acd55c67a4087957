// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Numbers that break code which trusts what it reads: non-finite, beyond float32 or int
// range, sub-normal σ, negative counts, values one off a size.
#include <cmath>
#include <cstdint>
#include <limits>
#include <random>

namespace starlocus::fuzz {

inline double specialValue(std::mt19937_64& rng, double current = 0.0) {
    static const double table[] = {
        std::numeric_limits<double>::quiet_NaN(), std::numeric_limits<double>::infinity(),
        -std::numeric_limits<double>::infinity(), 0.0, -0.0, 1.0, -1.0, 2.0, 13.0, 1e308, -1e308, 1e-320,
        3.5e38, 1e30, 1e-30, 2147483648.0, -2147483649.0, 4294967296.0, 9007199254740993.0,
        18446744073709551616.0, 1e19, -1e19, 0.5, 255.0, 256.0, 65536.0};
    constexpr std::size_t n = sizeof table / sizeof table[0];
    const std::uint64_t pick = rng() % (n + 4);
    if (pick < n)
        return table[pick];
    switch (pick - n) {
    case 0: return current + 1.0;
    case 1: return current - 1.0;
    case 2: return -current;
    default: return current * std::ldexp(1.0, int(rng() % 129) - 64);
    }
}

} // namespace starlocus::fuzz
