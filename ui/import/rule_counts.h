// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// What the §3 rules would do to the loaded tables with the dialog's mapping and settings:
// core::import::countImport, the import's own pass without its catalog, in the shape the
// dialog's panels show. So the counts exist when no star passes at all (importTables then
// refuses to make a catalog, and that is exactly when the user needs to see which rule removes
// everything), and a recount costs no catalog's memory.
#include "core/bands/band_registry.h"
#include "core/import/star_rules.h"
#include "core/import/table_import.h"

#include <array>
#include <cstddef>
#include <functional>
#include <vector>

namespace starlocus::ui {

struct RuleCounts {
    core::import::RuleTally tally;
    std::size_t rowsIn = 0, starsOut = 0;
    std::array<std::size_t, core::kBandCount> bandCoverage{}; // stars out with the band (Table 1)
    std::size_t parallaxSnrAtLeast5 = 0;
    std::vector<std::size_t> tableRows, tableStars;                  // per table
    std::vector<core::import::ReddeningMode> reddeningModes;         // per table, Auto resolved
};

struct RuleCountsCancelled {};

// InputError for a structural problem, as importTables; RuleCountsCancelled when `progress`
// (rows read so far) returns false.
RuleCounts countRules(const std::vector<core::import::ImportSource>& sources,
                      const core::import::RuleSettings& settings,
                      const std::function<bool(std::size_t rowsRead)>& progress = {});

} // namespace starlocus::ui
