// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// How many stars each per-star rule touched, as JSON and as text (every command that
// reads a catalog reports these).
#include "core/likelihood/catalog_fit.h"

#include <nlohmann/json.hpp>

#include <ostream>

namespace starlocus::cli {

nlohmann::json defectsJson(const core::CatalogFit& fit);
void printDefects(std::ostream& out, const core::CatalogFit& fit);

} // namespace starlocus::cli
