// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// What an import did (issue 15 item 4): stars in, stars and bands removed per rule, label
// offsets applied, the regimes of the reddening prior, coverage per band as Table 1 of the
// paper, repeated stars. Written as JSON beside the catalog and into its attributes.
#include "core/import/import_rules.h"
#include "core/import/mapping_presets.h"
#include "core/import/star_rules.h"

#include <array>
#include <map>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace starlocus::core::import {

struct TableImportReport {
    std::string path;
    std::string format;
    std::size_t rows = 0;  // rows read
    std::size_t stars = 0; // rows that became stars
    std::string mappingSource;          // "presets" or the spec's file
    std::vector<PresetMatch> presets;   // presets tried (empty with a spec)
    nlohmann::json mapping;             // the mapping used, as a spec
    std::vector<std::string> notes;     // columns without units, skipped vector columns, …
    ReddeningMode reddeningMode = ReddeningMode::Paper;
    RuleTally tally;
};

struct ImportReport {
    std::vector<TableImportReport> tables;
    RuleTally tally; // all tables
    std::size_t rowsIn = 0, starsOut = 0;
    std::array<std::size_t, kBandCount> bandCoverage{};
    std::size_t parallaxSnrAtLeast5 = 0;
    std::map<std::string, std::size_t> starsBySurvey;
    std::size_t repeatedStars = 0;              // stars whose source_id another row also has
    std::vector<std::int64_t> repeatedExamples; // up to 10 such source_ids
    nlohmann::json settings;                    // RuleSettings::toJson()

    nlohmann::json toJson() const;
};

} // namespace starlocus::core::import
