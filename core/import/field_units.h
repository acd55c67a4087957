// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Units of mapped columns (docs/IMPORT.md "Units"): the factor that takes a column's values
// into the unit its field holds, from the unit string as FITS (TUNIT), VOTable, ECSV and
// VizieR write it. A unit of another kind (a flux where a magnitude is expected) has no
// factor: the mapping must say how, with an expression.
#include "core/import/import_fields.h"

#include <optional>
#include <string_view>

namespace starlocus::core::import {

// The factor, or nullopt when `unit` cannot be converted into `dimension`'s unit. An empty
// unit is taken to be the field's own (factor 1): most CSV files carry none.
std::optional<double> unitFactor(std::string_view unit, Dimension dimension);

} // namespace starlocus::core::import
