// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/bands/band_registry.h"

namespace starlocus::core {
namespace {

// unWISE Vega→AB: +2.699 (W1) and +3.339 (W2), as in §3.2 of the paper.
constexpr std::array<Band, kBandCount> kBands{{
    {"G", "Gaia G", Survey::Gaia, MagnitudeSystem::Vega, 0.0},
    {"BP", "Gaia BP", Survey::Gaia, MagnitudeSystem::Vega, 0.0},
    {"RP", "Gaia RP", Survey::Gaia, MagnitudeSystem::Vega, 0.0},
    {"g", "PS1 g", Survey::PanStarrs1, MagnitudeSystem::AB, 0.0},
    {"r", "PS1 r", Survey::PanStarrs1, MagnitudeSystem::AB, 0.0},
    {"i", "PS1 i", Survey::PanStarrs1, MagnitudeSystem::AB, 0.0},
    {"z", "PS1 z", Survey::PanStarrs1, MagnitudeSystem::AB, 0.0},
    {"y", "PS1 y", Survey::PanStarrs1, MagnitudeSystem::AB, 0.0},
    {"J", "2MASS J", Survey::TwoMass, MagnitudeSystem::Vega, 0.0},
    {"H", "2MASS H", Survey::TwoMass, MagnitudeSystem::Vega, 0.0},
    {"Ks", "2MASS Ks", Survey::TwoMass, MagnitudeSystem::Vega, 0.0},
    {"W1", "unWISE W1", Survey::UnWise, MagnitudeSystem::AB, 2.699},
    {"W2", "unWISE W2", Survey::UnWise, MagnitudeSystem::AB, 3.339},
}};

} // namespace

std::span<const Band, kBandCount> bands() { return kBands; }

std::optional<std::size_t> bandIndex(std::string_view name) {
    if (name == "K_s")
        name = "Ks";
    else if (name == "W_1")
        name = "W1";
    else if (name == "W_2")
        name = "W2";
    for (std::size_t i = 0; i < kBands.size(); ++i)
        if (kBands[i].name == name)
            return i;
    return std::nullopt;
}

std::string_view surveyName(Survey survey) {
    switch (survey) {
    case Survey::Gaia: return "Gaia DR2";
    case Survey::PanStarrs1: return "Pan-STARRS 1";
    case Survey::TwoMass: return "2MASS";
    case Survey::UnWise: return "unWISE";
    }
    return "?";
}

std::string_view magnitudeSystemName(MagnitudeSystem system) {
    return system == MagnitudeSystem::AB ? "AB" : "Vega";
}

} // namespace starlocus::core
