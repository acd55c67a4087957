// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/mock/mock_sky_summary.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <vector>

namespace starlocus::core {
namespace {

constexpr std::array<const char*, 3> kRegimes = {"sfd", "b19", "default"};
constexpr std::array<const char*, 3> kSurveys = {"lamost", "apogee", "galah"};
constexpr std::array<const char*, 3> kOutliers = {"none", "unresolved_binary", "wrong_labels"};
constexpr std::array<const char*, 4> kBranches = {"dwarf", "subgiant", "red_giant", "red_clump"};

template <std::size_t K> std::size_t indexOf(const std::array<const char*, K>& names, const std::string& name) {
    for (std::size_t k = 0; k < K; ++k)
        if (name == names[k])
            return k;
    return K;
}

double fraction(std::size_t count, std::size_t total) { return total ? double(count) / double(total) : 0.0; }

} // namespace

MockSkySummary summarizeMockSky(const MockSky& sky) {
    const Catalog& cat = sky.catalog();
    const MockTruth& truth = sky.truth();
    MockSkySummary s;
    s.stars = cat.size();
    for (std::size_t i = 0; i < s.stars; ++i) {
        if (const std::size_t k = indexOf(kRegimes, cat.rSource[i]); k < 3)
            ++s.regime[k];
        if (const std::size_t k = indexOf(kSurveys, cat.atmSource[i]); k < 3)
            ++s.survey[k];
        for (std::size_t b = 0; b < kBandCount; ++b)
            s.bandObserved[b] += std::isfinite(cat.mag[i][b]) ? 1 : 0;
        s.parallaxSnrAtLeast5 += cat.parallaxMas[i] >= 5.0 * cat.parallaxErrMas[i] ? 1 : 0;
        s.parallaxNegative += cat.parallaxMas[i] < 0.0 ? 1 : 0;
        ++s.outlier[std::size_t(truth.outlier[i])];
        ++s.branch[std::min<std::size_t>(truth.branch[i], 3)];
    }
    if (s.stars > 0) {
        std::vector<double> e = truth.reddening;
        std::nth_element(e.begin(), e.begin() + std::ptrdiff_t(e.size() / 2), e.end());
        s.medianReddening = e[e.size() / 2];
        s.maxReddening = *std::max_element(truth.reddening.begin(), truth.reddening.end());
    }
    return s;
}

std::string MockSkySummary::toJson() const {
    nlohmann::ordered_json j;
    j["stars"] = stars;
    for (std::size_t k = 0; k < 3; ++k)
        j["regimes"][kRegimes[k]] = {{"count", regime[k]}, {"fraction", fraction(regime[k], stars)}};
    for (std::size_t k = 0; k < 3; ++k)
        j["atm_sources"][kSurveys[k]] = {{"count", survey[k]}, {"fraction", fraction(survey[k], stars)}};
    for (std::size_t b = 0; b < kBandCount; ++b)
        j["band_coverage"][std::string(bands()[b].name)] = {{"count", bandObserved[b]},
                                                           {"fraction", fraction(bandObserved[b], stars)}};
    j["parallax"] = {{"snr_at_least_5", parallaxSnrAtLeast5},
                     {"fraction_snr_at_least_5", fraction(parallaxSnrAtLeast5, stars)},
                     {"negative", parallaxNegative}};
    for (std::size_t k = 0; k < 3; ++k)
        j["outliers"][kOutliers[k]] = outlier[k];
    for (std::size_t k = 0; k < 4; ++k)
        j["branches"][kBranches[k]] = branch[k];
    j["reddening"] = {{"median", medianReddening}, {"max", maxReddening}};
    return j.dump(2);
}

std::string MockSkySummary::toText() const {
    std::string text;
    char line[160];
    std::snprintf(line, sizeof line, "%zu stars\n", stars);
    text += line;
    text += "reddening prior:";
    for (std::size_t k = 0; k < 3; ++k) {
        std::snprintf(line, sizeof line, " %s %zu (%.1f %%)", kRegimes[k], regime[k], 100.0 * fraction(regime[k], stars));
        text += line;
    }
    text += "\nband coverage:";
    for (std::size_t b = 0; b < kBandCount; ++b) {
        std::snprintf(line, sizeof line, " %s %.1f%%", std::string(bands()[b].name).c_str(),
                      100.0 * fraction(bandObserved[b], stars));
        text += line;
    }
    std::snprintf(line, sizeof line, "\nparallax S/N >= 5: %.1f %%, negative: %zu\n",
                  100.0 * fraction(parallaxSnrAtLeast5, stars), parallaxNegative);
    text += line;
    std::snprintf(line, sizeof line, "outliers: %zu unresolved binaries, %zu wrong labels\n", outlier[1], outlier[2]);
    text += line;
    std::snprintf(line, sizeof line, "branches: %zu dwarfs, %zu subgiants, %zu red giants, %zu red clump\n", branch[0],
                  branch[1], branch[2], branch[3]);
    text += line;
    std::snprintf(line, sizeof line, "true E: median %.3f, max %.3f mag\n", medianReddening, maxReddening);
    text += line;
    return text;
}

} // namespace starlocus::core
