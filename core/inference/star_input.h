// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// What one star brings to the photometric fit (Eq. 19), prepared once per star: the observed
// bands by the catalog's rules, the parallax (with the μ intervals weightBound uses), the
// priors that depend on the star. Internal to core/inference.
#include "core/inference/star_posterior.h"

#include <array>
#include <cstdint>
#include <limits>

namespace starlocus::core::inference {

inline constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
inline constexpr double kInf = std::numeric_limits<double>::infinity();

// The parallax χ² levels of StarInput's μ intervals.
inline constexpr std::array<double, 10> kParallaxBoundLevels{1.0, 4.0, 9.0, 16.0, 25.0, 36.0, 49.0, 64.0, 81.0, 100.0};
inline constexpr std::size_t kParallaxBoundLevelCount = kParallaxBoundLevels.size();

// What one star brings, prepared once.
struct StarInput {
    int bands = 0;
    double s0 = 0.0; // Σ 1/σ²
    std::array<std::uint8_t, kBandCount> band{};
    std::array<double, kBandCount> mag{}, weight{};
    bool parallax = false;
    double parallaxMas = 0.0, parallaxVarInv = 0.0;
    // The μ intervals where the parallax alone gives χ² ≤ kParallaxBoundLevels[i]
    // (setParallax fills them): weightBound's parallax term without a transcendental function.
    std::array<double, kParallaxBoundLevelCount> parallaxMuLo{}, parallaxMuHi{};
    bool ePrior = false;
    double ePriorMean = 0.0, ePriorPrecision = 0.0;
    bool galactic = false;
    double l = 0.0, b = 0.0;
    std::array<std::uint8_t, kDensityChannelCount> channels{};
    int channelCount = 0;
    std::uint32_t channelMask = 0;
};


// Sets the parallax [mas] and its σ [mas] (both finite, ϖ > 0, σ > 0) and the μ intervals.
void setParallax(StarInput& in, double parallaxMas, double parallaxErrMas);

// Fills `in` from the star by the catalog's rules (likelihood/star_observation.h) and the
// settings' priors, and `out`'s bandsUsed, parallaxUsed, dof and the parallax_ignored flag.
// Returns Fitted when the star can be fitted, else the status saying why not.
PosteriorStatus prepareStarInput(const PhotometricStar& star, const PosteriorSettings& settings, StarInput& in,
                                 StarPosterior& out);

} // namespace starlocus::core::inference
