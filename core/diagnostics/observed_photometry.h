// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Observed photometry as the left panels of Figs. 6, 8 and 9 show it: apparent colours
// straight from the catalog, and absolute magnitudes M = m + 5 log10(ϖ / 1 mas) − 10 for the
// stars whose parallax is measured well enough to place them (ϖ/σ_ϖ ≥ the given minimum,
// the same rule as the density grid's parallax channel, DIAGNOSTICS.md).
#include "core/catalog/catalog.h"

#include <cstddef>
#include <vector>

namespace starlocus::core {

inline constexpr double kMinParallaxOverError = 5.0;

// m_X − m_Y per star (NaN where either band is unobserved).
std::vector<double> observedColor(const Catalog& catalog, std::size_t bandX, std::size_t bandY);

// M_band per star; NaN for an unobserved band or a parallax that is missing, ≤ 0 or below
// minParallaxOverError σ.
std::vector<double> observedAbsoluteMagnitude(const Catalog& catalog, std::size_t band,
                                              double minParallaxOverError = kMinParallaxOverError);

// How many stars have a usable parallax by the rule above.
std::size_t starsWithUsableParallax(const Catalog& catalog, double minParallaxOverError = kMinParallaxOverError);

} // namespace starlocus::core
