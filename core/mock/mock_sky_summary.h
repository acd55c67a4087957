// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Counts that describe a mock sky (the CLI's summary, docs/MOCK.md's numbers): stars per
// reddening regime and survey, band coverage, parallax quality, outliers, branches.
#include "core/mock/mock_sky.h"

#include <array>
#include <cstddef>
#include <string>

namespace starlocus::core {

struct MockSkySummary {
    std::size_t stars = 0;
    std::array<std::size_t, 3> regime{};      // sfd, b19, default
    std::array<std::size_t, 3> survey{};      // lamost, apogee, galah
    std::array<std::size_t, kBandCount> bandObserved{};
    std::size_t parallaxSnrAtLeast5 = 0;
    std::size_t parallaxNegative = 0;
    std::array<std::size_t, 3> outlier{};     // none, unresolved binary, wrong labels
    std::array<std::size_t, 4> branch{};      // dwarf, subgiant, red giant, red clump
    double medianReddening = 0.0;
    double maxReddening = 0.0;

    // {"stars":…, "regimes":{…}, "band_coverage":{…}, …}; fractions as numbers in [0, 1].
    std::string toJson() const;
    // A few human-readable lines.
    std::string toText() const;
};

MockSkySummary summarizeMockSky(const MockSky& sky);

} // namespace starlocus::core
