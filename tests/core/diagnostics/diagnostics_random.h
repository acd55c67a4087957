// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Deterministic random numbers for the diagnostics tests: a seeded std::mt19937_64 and our own
// Box–Muller, so the draws are identical on every platform and standard library.
#include <cmath>
#include <cstdint>
#include <numbers>
#include <random>

namespace starlocus::test {

class GaussianDraws {
public:
    explicit GaussianDraws(std::uint64_t seed) : engine_(seed) {}

    // Uniform in (0, 1): 53 random bits, never 0 (the logarithm below needs u > 0).
    double uniform() { return (double(engine_() >> 11) + 0.5) * 0x1.0p-53; }
    double uniform(double a, double b) { return a + (b - a) * uniform(); }

    // Standard normal (Box–Muller, both values of a pair used).
    double normal() {
        if (hasSpare_) {
            hasSpare_ = false;
            return spare_;
        }
        const double r = std::sqrt(-2.0 * std::log(uniform()));
        const double phi = 2.0 * std::numbers::pi * uniform();
        spare_ = r * std::sin(phi);
        hasSpare_ = true;
        return r * std::cos(phi);
    }

private:
    std::mt19937_64 engine_;
    double spare_ = 0.0;
    bool hasSpare_ = false;
};

} // namespace starlocus::test
