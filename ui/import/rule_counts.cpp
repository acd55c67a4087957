// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/import/rule_counts.h"

namespace starlocus::ui {

RuleCounts countRules(const std::vector<core::import::ImportSource>& sources,
                      const core::import::RuleSettings& settings, const std::function<bool(std::size_t)>& progress) {
    namespace imp = core::import;
    // Small chunks: a change of settings cancels a count within a few tens of milliseconds.
    constexpr std::size_t kChunkRows = 16384;
    imp::ImportReport report;
    try {
        report = imp::countImport(
            sources, settings,
            [&](std::size_t rows, std::size_t, std::size_t) { return !progress || progress(rows); }, kChunkRows);
    } catch (const imp::ImportCancelled&) {
        throw RuleCountsCancelled{};
    }
    RuleCounts counts;
    counts.tally = report.tally;
    counts.rowsIn = report.rowsIn;
    counts.starsOut = report.starsOut;
    counts.bandCoverage = report.bandCoverage;
    counts.parallaxSnrAtLeast5 = report.parallaxSnrAtLeast5;
    for (const imp::TableImportReport& t : report.tables) {
        counts.tableRows.push_back(t.rows);
        counts.tableStars.push_back(t.stars);
        counts.reddeningModes.push_back(t.reddeningMode);
    }
    return counts;
}

} // namespace starlocus::ui
