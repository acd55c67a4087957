// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Reddening slopes of Fig. 11: E(b1−b2)/E(b2−b3) = (R1 − R2)/(R2 − R3) for consecutive band
// triples over g r i z y J H Ks W1 W2 (Schlafly et al. 2016 has no Gaia bands). A slope is a
// ratio of colour excesses, so it does not depend on a grey offset or an overall scale of R:
// it compares our extinction vector with the S16 reddening vectors, whose grey part is unknown.
#include "core/model/color_transform.h"
#include "core/model/stellar_model.h"

#include <Eigen/Core>
#include <array>
#include <cstddef>
#include <span>
#include <string_view>
#include <vector>

namespace starlocus::core {

inline constexpr std::size_t kSlopeTripleCount = 8;
// First band (index in canonical order, METHOD.md §1) of each triple: g = 3 … Ks = 10.
inline constexpr std::size_t kFirstSlopeBand = 3;

// "gri", "riz", "izy", "zyJ", "yJH", "JHK", "HKW1", "KW1W2" (the paper abbreviates Ks as K).
std::span<const std::string_view, kSlopeTripleCount> slopeTripleNames();

using SlopeVector = std::array<double, kSlopeTripleCount>;

// Slopes of an extinction vector in canonical band order (13 entries; G, BP, RP unused).
SlopeVector reddeningSlopes(const Vec13& extinction);
// Slopes of a vector over the 10 bands g … W2 only (e.g. the S16 vectors).
SlopeVector reddeningSlopes10(std::span<const double, 10> extinction);

struct ReddeningSlopes {
    std::array<std::string_view, kSlopeTripleCount> tripleNames{};
    SlopeVector learned{}; // slopes of R(θ̄), θ̄ = the mean labels passed in
    SlopeVector median{};  // 50 % over stars
    SlopeVector lo{};      // 16 % over stars (the grey band of Fig. 11)
    SlopeVector hi{};      // 84 % over stars
    std::size_t stars = 0;   // stars that entered the percentiles
    std::size_t skipped = 0; // stars with non-finite labels
};

// Slopes of the model's R at every star's labels (parallel over stars) and at θ̄.
ReddeningSlopes modelReddeningSlopes(const StellarModel& model, std::span<const std::array<double, 3>> theta,
                                     const Eigen::Vector3d& meanTheta);

} // namespace starlocus::core
