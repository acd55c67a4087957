// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// How many stars each per-star rule touched, as JSON and as text (every command that
// reads a catalog reports these). Every kind has its own name; the three kinds of
// defective band values also say which bands ("band_values_negative_error_by_band").
#include "core/likelihood/catalog_fit.h"

#include <nlohmann/json.hpp>

#include <ostream>
#include <string>

namespace starlocus::cli {

// The per-star rules alone (what `train` reports from its TrainingState).
nlohmann::json defectsJson(const core::StarDefectCounts& defects);
void printDefects(std::ostream& out, const core::StarDefectCounts& defects);
// The same plus the reddening posterior's clip and floor counts of a catalog fit.
nlohmann::json defectsJson(const core::CatalogFit& fit);
void printDefects(std::ostream& out, const core::CatalogFit& fit);

// "no usable star: 6 stars, all excluded (missing_G 3, bad_labels 3)": the reason of the
// error a command gives, naming the catalog, when no star of it can be used.
std::string noUsableStarReason(std::size_t stars, const core::StarDefectCounts& defects);

} // namespace starlocus::cli
