// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The 13 passbands of Green et al. (2020), in the order used everywhere (METHOD.md §1):
// index 0..12 = G, BP, RP, g, r, i, z, y, J, H, Ks, W1, W2. c-space entry 0 is G, and
// entry i ≥ 1 is the colour (band i − G).
#include <array>
#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace starlocus::core {

inline constexpr std::size_t kBandCount = 13;

enum class MagnitudeSystem { Vega, AB };

enum class Survey { Gaia, PanStarrs1, TwoMass, UnWise };

struct Band {
    std::string_view name;        // short machine name used in files and JSON ("G", "Ks", "W1")
    std::string_view displayName; // for axis labels ("Gaia G", "PS1 g", "2MASS Ks")
    Survey survey;
    // System of the magnitudes as they appear in the catalog. unWISE is Vega on the
    // survey side but the published catalog already carries AB (§3.2), so it is AB here.
    MagnitudeSystem catalogSystem;
    // Vega→AB offset applied by the importer for raw survey magnitudes (0 when none).
    double vegaToAbMag;
};

// All bands in canonical order.
std::span<const Band, kBandCount> bands();

// Index of a band by its short name (case-sensitive; also accepts "K_s", "W_1", "W_2" as
// written in the published density file). Empty when unknown.
std::optional<std::size_t> bandIndex(std::string_view name);

std::string_view surveyName(Survey survey);
std::string_view magnitudeSystemName(MagnitudeSystem system);

} // namespace starlocus::core
