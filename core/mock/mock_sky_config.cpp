// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/mock/mock_sky_config.h"

#include "core/common/input_error.h"
#include "core/physics/number_text.h"

#include <nlohmann/json.hpp>

#include <cmath>

namespace starlocus::core {
namespace {

void require(bool ok, const char* field, const std::string& reason) {
    if (!ok)
        throw InputError("", field, reason);
}

void requireFraction(double value, const char* field) {
    require(std::isfinite(value) && value >= 0.0 && value <= 1.0, field,
            "must be a fraction in [0, 1], got " + numberText(value));
}

void requirePositive(double value, const char* field) {
    require(std::isfinite(value) && value > 0.0, field, "must be a positive number, got " + numberText(value));
}

} // namespace

std::string_view extinctionModeName(ExtinctionMode mode) {
    return mode == ExtinctionMode::Linear ? "linear" : "exact";
}

ExtinctionMode parseExtinctionMode(std::string_view text) {
    if (text == "linear")
        return ExtinctionMode::Linear;
    if (text == "exact")
        return ExtinctionMode::Exact;
    throw InputError("", "extinction", "must be 'linear' or 'exact', got '" + std::string(text) + "'");
}

void MockSkyConfig::validate() const {
    require(starCount > 0, "star_count", "must be at least 1");
    for (auto [value, field] : {std::pair{teffMinK, "teff_min_K"}, {teffMaxK, "teff_max_K"},
                                {giantTeffMinK, "giant_teff_min_K"}})
        require(std::isfinite(value) && value >= 3000.0 && value <= 8500.0, field,
                "must lie within the tabulated 3000–8500 K, got " + numberText(value));
    require(teffMinK < teffMaxK, "teff_min_K", "must be below teff_max_K (the range is inverted)");
    require(giantTeffMinK < teffMaxK, "giant_teff_min_K", "must be below teff_max_K (the range is inverted)");
    for (auto [value, field] : {std::pair{dwarfFraction, "dwarf_fraction"}, {subgiantFraction, "subgiant_fraction"},
                                {redGiantFraction, "red_giant_fraction"}, {redClumpFraction, "red_clump_fraction"},
                                {thickDiskFraction, "thick_disk_fraction"},
                                {starCountWeighting, "star_count_weighting"}, {apogeeFraction, "apogee_fraction"},
                                {galahFraction, "galah_fraction"}, {binaryFraction, "binary_fraction"},
                                {wrongLabelFraction, "wrong_label_fraction"}})
        requireFraction(value, field);
    const double branches = dwarfFraction + subgiantFraction + redGiantFraction + redClumpFraction;
    require(std::abs(branches - 1.0) < 1e-6, "dwarf_fraction",
            "the branch fractions (dwarf, subgiant, red giant, red clump) must sum to 1, got " + numberText(branches));
    require(binaryFraction + wrongLabelFraction <= 1.0, "binary_fraction",
            "binary_fraction + wrong_label_fraction must not exceed 1");
    require(apogeeFraction + galahFraction <= 1.0, "apogee_fraction",
            "apogee_fraction + galah_fraction must not exceed 1");
    require(std::isfinite(gBrightMag) && std::isfinite(gFaintMag) && gBrightMag < gFaintMag, "g_bright_mag",
            "must be a finite magnitude brighter (smaller) than g_faint_mag");
    requirePositive(dustEPerKpc, "dust_E_per_kpc");
    requirePositive(dustScaleHeightKpc, "dust_scale_height_kpc");
    require(std::isfinite(dustClumpiness) && dustClumpiness >= 0.0, "dust_clumpiness",
            "must be ≥ 0, got " + numberText(dustClumpiness));
    require(std::isfinite(maxReddening) && maxReddening > 0.0 && maxReddening <= 5.0, "max_reddening",
            "must be in (0, 5] mag, got " + numberText(maxReddening));
    for (auto [value, field] : {std::pair{labelErrorScale, "label_error_scale"},
                                {parallaxErrorScale, "parallax_error_scale"},
                                {reddeningPriorErrorScale, "reddening_prior_error_scale"}})
        require(std::isfinite(value) && value >= 0.01 && value <= 100.0, field,
                "must be in [0.01, 100] (a zero σ makes the covariances singular), got " + numberText(value));
}

std::string MockSkyConfig::toJson() const {
    // nlohmann::ordered_json keeps the insertion order: the attribute is the same bytes
    // for the same configuration.
    nlohmann::ordered_json j;
    j["star_count"] = starCount;
    j["extinction"] = std::string(extinctionModeName(extinction));
    j["teff_min_K"] = teffMinK;
    j["teff_max_K"] = teffMaxK;
    j["giant_teff_min_K"] = giantTeffMinK;
    j["dwarf_fraction"] = dwarfFraction;
    j["subgiant_fraction"] = subgiantFraction;
    j["red_giant_fraction"] = redGiantFraction;
    j["red_clump_fraction"] = redClumpFraction;
    j["thick_disk_fraction"] = thickDiskFraction;
    j["g_bright_mag"] = gBrightMag;
    j["g_faint_mag"] = gFaintMag;
    j["star_count_weighting"] = starCountWeighting;
    j["dust_E_per_kpc"] = dustEPerKpc;
    j["dust_scale_height_kpc"] = dustScaleHeightKpc;
    j["dust_clumpiness"] = dustClumpiness;
    j["max_reddening"] = maxReddening;
    j["apogee_fraction"] = apogeeFraction;
    j["galah_fraction"] = galahFraction;
    j["binary_fraction"] = binaryFraction;
    j["wrong_label_fraction"] = wrongLabelFraction;
    j["label_error_scale"] = labelErrorScale;
    j["parallax_error_scale"] = parallaxErrorScale;
    j["reddening_prior_error_scale"] = reddeningPriorErrorScale;
    return j.dump();
}

} // namespace starlocus::core
