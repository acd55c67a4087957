// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The fields an import mapping fills (issue 15, docs/IMPORT.md "Fields"): the Green2020
// catalog's own quantities (labels, their covariance, magnitudes, parallax, reddening prior)
// and the survey columns the §3 rules read (flags, S/N, Gaia astrometric quality, …).
// One table; the mapping, the presets, the rules and the docs all name fields from it.
#include "core/bands/band_registry.h"

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace starlocus::core::import {

// How a field's values are held: numbers come from an expression of columns; integer
// fields (IDs, bit flags) and text fields (quality letters) from one column as it is.
enum class FieldKind : std::uint8_t { Real, Integer, Text };

// What a field measures: decides which column units convert into it.
enum class Dimension : std::uint8_t {
    None,         // counts, S/N, ratios, flags
    Temperature,  // K
    Gravity,      // log g in dex
    Abundance,    // [Fe/H] in dex
    TemperatureSq, // K²
    TemperatureDex, // K·dex
    DexSq,        // dex²
    Magnitude,    // mag
    Parallax,     // mas
    Angle,        // deg
};

struct FieldInfo {
    std::string name;       // "teff", "mag_G", "ps1_flags_g", …
    FieldKind kind;
    Dimension dimension;
    std::string_view group; // "labels", "photometry", "gaia", "ps1", "2mass", "unwise", "reddening", "position"
    std::string_view meaning;
};

// Every field, in the order docs/IMPORT.md lists them.
std::span<const FieldInfo> importFields();
std::optional<std::size_t> fieldIndex(std::string_view name);
const FieldInfo& field(std::size_t index);
std::size_t fieldIndexOrThrow(std::string_view name); // std::logic_error: a name the code spells wrong

// The unit a field's values are held in ("K", "dex", "mag", "mas", "deg", "K2", …).
std::string_view canonicalUnit(Dimension dimension);

// Field names of band `band` (0..12, band_registry.h): "mag_G", "mag_err_G", …
std::string magField(std::size_t band);
std::string magErrField(std::size_t band);

} // namespace starlocus::core::import
