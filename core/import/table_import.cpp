// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/import/table_import.h"

#include "core/catalog/label_statistics.h"
#include "core/common/input_error.h"
#include "core/import/field_values.h"
#include "core/import/mapping_presets.h"
#include "core/import/star_rules.h"
#include "core/io/text_file_save.h"
#include "core/io/green2020_catalog.h"
#include "core/io/hdf5_handle.h"
#include "core/table/table_reader.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace starlocus::core::import {
namespace {

constexpr std::size_t kChunkRows = 65536;

void appendStar(Catalog& c, const ImportedStar& s, bool positions, bool posterior) {
    c.theta.push_back(s.theta);
    c.thetaCov.push_back(s.thetaCov);
    c.mag.push_back(s.mag);
    c.magErr.push_back(s.magErr);
    c.reddening.push_back(s.reddening);
    c.reddeningErr.push_back(s.reddeningErr);
    c.parallaxMas.push_back(s.parallax);
    c.parallaxErrMas.push_back(s.parallaxErr);
    c.atmSource.push_back(s.atmSource);
    c.rSource.push_back(s.rSource);
    if (positions) {
        c.galacticL->push_back(s.l);
        c.galacticB->push_back(s.b);
    }
    if (posterior) {
        c.reddeningFit->push_back(s.rFit);
        c.reddeningFitVar->push_back(s.rVar);
    }
}

bool mapsAny(const ColumnMapping& m, std::initializer_list<const char*> names) {
    for (const char* n : names)
        if (m.fields.contains(n))
            return true;
    return false;
}

} // namespace

PlannedTable planTable(const ImportSource& source, const std::vector<table::ColumnInfo>& columns,
                       const RuleSettings& settings) {
    PlannedTable plan;
    if (source.mapping) {
        plan.mapping = *source.mapping;
    } else {
        for (const std::string& name : source.presets)
            if (!findPreset(name)) {
                std::string known;
                for (const MappingPreset& p : mappingPresets())
                    known += (known.empty() ? "" : ", ") + std::string(p.name);
                throw InputError("", "preset", "no preset '" + name + "' (presets: " + known + ")");
            }
        DetectedMapping detected = detectMapping(columns, source.presets);
        plan.mapping = std::move(detected.mapping);
        plan.presets = std::move(detected.matches);
    }
    const std::string specFile = source.mapping ? source.mappingFile : source.path;
    plan.fields = resolveMapping(plan.mapping, columns, source.path, specFile, true);
    if (plan.mapping.survey.empty() && !plan.mapping.fields.contains("atm_source"))
        throw InputError(source.path, "atm_source",
                         "which spectroscopic survey the labels come from is not known: map the field atm_source "
                         "or give \"survey\" in the spec (lamost, apogee, galah, …)");
    // The reddening prior: given columns, or the map values §3.3 makes it from.
    const bool given = mapsAny(plan.mapping, {"ebv_prior"}) && mapsAny(plan.mapping, {"ebv_prior_err"});
    ReddeningMode mode = settings.reddeningMode();
    if (!settings.enabled(*ruleIndex("reddening_prior")))
        mode = ReddeningMode::Given;
    if (mode == ReddeningMode::Auto)
        mode = given ? ReddeningMode::Given : ReddeningMode::Paper;
    if (mode == ReddeningMode::Given && !given)
        throw InputError(source.path, "ebv_prior",
                         "the reddening prior is to be taken as given, and ebv_prior / ebv_prior_err are not mapped");
    if (mode == ReddeningMode::Paper) {
        std::string missing;
        for (const char* f : {"sfd_ebv", "dec"})
            if (!plan.mapping.fields.contains(f))
                missing += (missing.empty() ? "" : ", ") + std::string(f);
        if (!plan.mapping.fields.contains("b") && !plan.mapping.fields.contains("ra"))
            missing += (missing.empty() ? "" : ", ") + std::string("b (or ra)");
        if (!missing.empty())
            throw InputError(source.path, "",
                             "the reddening prior of §3.3 needs fields that are not mapped: " + missing +
                                 " (or map ebv_prior and ebv_prior_err and use --rule reddening=given)");
    }
    plan.reddeningMode = mode;
    return plan;
}

namespace {

// One table opened and planned.
struct OpenedTable {
    std::unique_ptr<table::TableReader> reader;
    PlannedTable plan;
};

// Every table opened and planned before any is read: a structural mistake in the last table
// is found before the first one has been read.
std::vector<OpenedTable> openAndPlan(const std::vector<ImportSource>& sources, const RuleSettings& settings) {
    if (sources.empty())
        throw InputError("", "input", "no table to import");
    std::vector<OpenedTable> tables;
    for (const ImportSource& source : sources) {
        OpenedTable t;
        t.reader = table::openTable(source.path);
        t.plan = planTable(source, t.reader->columns(), settings);
        tables.push_back(std::move(t));
    }
    return tables;
}

// The one pass of an import: every row of every table through the rules, counted into the
// report; each star that passes goes to `onStar` (with its table's index).
ImportReport streamTables(const std::vector<ImportSource>& sources, std::vector<OpenedTable>& tables,
                          const RuleSettings& settings, const ImportProgress& progress, std::size_t chunkRows,
                          const std::function<void(const ImportedStar&)>& onStar) {
    ImportReport report;
    report.settings = settings.toJson();
    std::size_t rowsDone = 0;
    FieldValues values;
    table::TableChunk chunk;
    ImportedStar star;
    for (std::size_t t = 0; t < tables.size(); ++t) {
        table::TableReader& reader = *tables[t].reader;
        const PlannedTable& plan = tables[t].plan;
        TableImportReport tableReport;
        tableReport.path = sources[t].path;
        tableReport.format = std::string(table::tableFormatName(reader.format()));
        tableReport.mappingSource = sources[t].mapping ? sources[t].mappingFile : "presets";
        tableReport.presets = plan.presets;
        tableReport.mapping = plan.mapping.toJson();
        tableReport.reddeningMode = plan.reddeningMode;
        for (const ResolvedField& f : plan.fields)
            if (!f.note.empty())
                tableReport.notes.push_back(f.note);
        for (const table::SkippedColumn& skipped : reader.skippedColumns())
            tableReport.notes.push_back("column " + skipped.name + " skipped: " + skipped.reason);
        const StarRules rules(settings, plan.reddeningMode, plan.mapping.survey);
        while (reader.next(chunk, chunkRows)) {
            values.evaluate(plan.fields, chunk);
            for (std::size_t i = 0; i < chunk.rows; ++i) {
                if (!rules.apply(values, i, star, tableReport.tally))
                    continue;
                ++tableReport.stars;
                // Coverage as Table 1 of the paper.
                for (std::size_t b = 0; b < kBandCount; ++b)
                    report.bandCoverage[b] += std::isfinite(star.mag[b]) ? 1 : 0;
                const double p = star.parallax, e = star.parallaxErr;
                report.parallaxSnrAtLeast5 += std::isfinite(p) && std::isfinite(e) && e > 0.0 && p >= 5.0 * e ? 1 : 0;
                ++report.starsBySurvey[star.atmSource];
                if (onStar)
                    onStar(star);
            }
            tableReport.rows += chunk.rows;
            rowsDone += chunk.rows;
            if (progress && !progress(rowsDone, t, sources.size()))
                throw ImportCancelled();
        }
        report.rowsIn += tableReport.rows;
        report.starsOut += tableReport.stars;
        report.tally.add(tableReport.tally);
        report.tables.push_back(std::move(tableReport));
    }
    return report;
}

} // namespace

ImportReport countImport(const std::vector<ImportSource>& sources, const RuleSettings& settings,
                         const ImportProgress& progress, std::size_t chunkRows) {
    std::vector<OpenedTable> tables = openAndPlan(sources, settings);
    return streamTables(sources, tables, settings, progress, chunkRows, {});
}

ImportResult importTables(const std::vector<ImportSource>& sources, const RuleSettings& settings,
                          const ImportProgress& progress) {
    std::vector<OpenedTable> tables = openAndPlan(sources, settings);
    ImportResult result;
    Catalog& catalog = result.catalog;
    // Reserve for every row when the formats state their row counts (FITS): growing by
    // doubling would hold up to three times the catalog at one moment.
    std::size_t rowsStated = 0;
    bool allStated = true;
    bool positions = false, posterior = false;
    for (const OpenedTable& t : tables) {
        const auto rows = t.reader->rowCount();
        allStated = allStated && rows.has_value();
        rowsStated += rows.value_or(0);
        positions = positions || mapsAny(t.plan.mapping, {"l", "ra"});
        posterior = posterior || mapsAny(t.plan.mapping, {"r_fit"});
    }
    if (positions) {
        catalog.galacticL.emplace();
        catalog.galacticB.emplace();
    }
    if (posterior) {
        catalog.reddeningFit.emplace();
        catalog.reddeningFitVar.emplace();
    }
    if (allStated) {
        catalog.theta.reserve(rowsStated);
        catalog.thetaCov.reserve(rowsStated);
        catalog.mag.reserve(rowsStated);
        catalog.magErr.reserve(rowsStated);
        catalog.reddening.reserve(rowsStated);
        catalog.reddeningErr.reserve(rowsStated);
        catalog.parallaxMas.reserve(rowsStated);
        catalog.parallaxErrMas.reserve(rowsStated);
        catalog.atmSource.reserve(rowsStated);
        catalog.rSource.reserve(rowsStated);
        result.sourceId.reserve(rowsStated);
        if (positions) {
            catalog.galacticL->reserve(rowsStated);
            catalog.galacticB->reserve(rowsStated);
        }
    }
    result.report = streamTables(sources, tables, settings, progress, kChunkRows, [&](const ImportedStar& star) {
        appendStar(catalog, star, positions, posterior);
        result.sourceId.push_back(star.sourceId.value_or(kNoSourceId));
    });
    ImportReport& report = result.report;
    if (catalog.size() == 0)
        throw InputError(sources.front().path, "",
                         "no star passed the rules (" + std::to_string(report.rowsIn) +
                             " rows read): see the counts with --report, or switch rules off with --rule NAME=off");
    // Repeated stars (§3.4: 1.4 % in the paper's stack): kept, as the paper kept them, and counted.
    std::vector<std::int64_t> ids;
    ids.reserve(result.sourceId.size());
    for (std::int64_t id : result.sourceId)
        if (id != kNoSourceId)
            ids.push_back(id);
    std::sort(ids.begin(), ids.end());
    for (std::size_t i = 0; i < ids.size();) {
        std::size_t j = i + 1;
        while (j < ids.size() && ids[j] == ids[i])
            ++j;
        if (j - i > 1) {
            report.repeatedStars += j - i;
            if (report.repeatedExamples.size() < 10)
                report.repeatedExamples.push_back(ids[i]);
        }
        i = j;
    }
    return result;
}

void writeImportedCatalog(const std::string& path, ImportResult& result, const std::string& reportPath) {
    Catalog& catalog = result.catalog; // not copied: at survey scale it is gigabytes
    catalog.sourceFile = path;
    const LabelNormalization normalization = labelNormalizationOf(catalog);
    const std::string reportText = result.report.toJson().dump(1);
    writeGreen2020Catalog(path, catalog, normalization, [&](hid_t file) {
        hdf5::writeStringAttribute(file, path, "import_report", reportText);
    });
    if (!reportPath.empty())
        saveTextFile(reportPath, reportText + "\n");
}

} // namespace starlocus::core::import
