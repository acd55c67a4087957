// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Facts published with the Green et al. (2020) model (METHOD.md §2), used as
// independent references by several tests.
#include <array>

namespace starlocus::test {

// B(M + E·R) for the Sun (5780 K, 4.44, 0.0) at E = 1, as published.
inline constexpr std::array<double, 13> kPublishedSunAtE1{
    7.2703366, 1.1075444, -1.191765, 1.5100713, 0.05175792, -0.7712101, -1.2628962,
    -1.5787522, -2.9126182, -3.578178, -3.8257403, -1.3119253, -0.65782547};

inline constexpr std::array<double, 3> kPublishedThetaMedian{5372.01611328125, 4.066964149475098,
                                                             -0.24608156085014343};
inline constexpr std::array<double, 3> kPublishedThetaStd{902.8016357421875, 0.8892691731452942,
                                                          0.3739211857318878};

} // namespace starlocus::test
