// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/import/rule_counts.h"

#include "core/common/input_error.h"
#include "core/import/field_values.h"
#include "core/table/table_reader.h"

#include <cmath>
#include <memory>

namespace starlocus::ui {

RuleCounts countRules(const std::vector<core::import::ImportSource>& sources,
                      const core::import::RuleSettings& settings, const std::function<bool(std::size_t)>& progress) {
    namespace imp = core::import;
    if (sources.empty())
        throw core::InputError("", "input", "no table to import");
    // Every table planned before any is read, as importTables does: a mistake in the last
    // table is said before the first has been counted.
    std::vector<std::unique_ptr<core::table::TableReader>> readers;
    std::vector<imp::PlannedTable> plans;
    for (const imp::ImportSource& source : sources) {
        readers.push_back(core::table::openTable(source.path));
        plans.push_back(imp::planTable(source, readers.back()->columns(), settings));
    }
    // Small chunks: a change of settings cancels a count within a few tens of milliseconds.
    constexpr std::size_t kChunkRows = 16384;
    RuleCounts counts;
    imp::FieldValues values;
    core::table::TableChunk chunk;
    imp::ImportedStar star;
    for (std::size_t t = 0; t < sources.size(); ++t) {
        const imp::PlannedTable& plan = plans[t];
        const imp::StarRules rules(settings, plan.reddeningMode, plan.mapping.survey);
        std::size_t rows = 0, stars = 0;
        while (readers[t]->next(chunk, kChunkRows)) {
            values.evaluate(plan.fields, chunk);
            for (std::size_t i = 0; i < chunk.rows; ++i) {
                if (!rules.apply(values, i, star, counts.tally))
                    continue;
                ++stars;
                for (std::size_t b = 0; b < core::kBandCount; ++b)
                    counts.bandCoverage[b] += std::isfinite(star.mag[b]) ? 1 : 0;
                const double p = star.parallax, e = star.parallaxErr;
                counts.parallaxSnrAtLeast5 += std::isfinite(p) && std::isfinite(e) && e > 0.0 && p >= 5.0 * e ? 1 : 0;
            }
            rows += chunk.rows;
            counts.rowsIn += chunk.rows;
            if (progress && !progress(counts.rowsIn))
                throw RuleCountsCancelled{};
        }
        counts.starsOut += stars;
        counts.tableRows.push_back(rows);
        counts.tableStars.push_back(stars);
        counts.reddeningModes.push_back(plan.reddeningMode);
    }
    return counts;
}

} // namespace starlocus::ui
