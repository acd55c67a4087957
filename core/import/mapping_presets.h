// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Built-in mapping presets (issue 15; docs/IMPORT.md "Presets"): the archive column names of
// Gaia DR2/DR3, PS1 DR1 MeanObject, 2MASS PSC, unWISE, LAMOST DDPayne, APOGEE DR16/DR17
// allStar, GALAH DR2/DR3, the reddening columns, and StarLocus's own `export` layout. A preset
// is recognised by its signature columns; it then maps every field whose columns the table
// has, and says which of its columns it could not find.
#include "core/import/column_mapping.h"

#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace starlocus::core::import {

struct PresetField {
    std::string_view field;
    // Tried in order; the first whose columns all exist is used.
    std::vector<std::string_view> candidates;
    std::string_view unit = {}; // unit of an expression's result ("" = the field's own)
    bool optional = false;      // not in every release of the survey: not reported as missing
};

struct MappingPreset {
    std::string_view name;
    std::string_view description;
    std::string_view group;                  // presets of one group exclude each other (first applied wins)
    std::string_view survey;                 // atm_source it implies ("" = none)
    std::vector<std::string_view> signature; // all present (any case) ⇒ the preset applies
    std::vector<PresetField> fields;
};

std::span<const MappingPreset> mappingPresets();
const MappingPreset* findPreset(std::string_view name);

struct PresetMatch {
    std::string name;
    bool applied = false;                     // signature found (or the preset was asked for)
    std::size_t fieldsMapped = 0;
    std::vector<std::string> missingColumns;  // columns of fields it could not map
};

struct DetectedMapping {
    ColumnMapping mapping;
    std::vector<PresetMatch> matches; // every preset tried, applied or not
};

// Tries `names` (empty: every preset, by signature) on a table's columns. A preset named
// explicitly is applied even without its signature, so the report can say what is missing.
// Fields already mapped by an earlier preset keep their mapping.
DetectedMapping detectMapping(const std::vector<table::ColumnInfo>& columns, const std::vector<std::string>& names);

} // namespace starlocus::core::import
