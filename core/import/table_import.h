// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The import step (issue 15): survey tables (any format core/table reads) → mapping →
// the §3 rules → one Green2020 catalog, with a report of what every rule did.
//
//   ImportSource src{"lamost_x_gaia.fits"};          // presets detect the columns
//   ImportResult r = importTables({src}, RuleSettings{});
//   writeImportedCatalog("catalog.h5", r);            // + catalog.h5's report as JSON beside
//
// Tables stream through in chunks; several tables (one per spectroscopic survey, §3.4) are
// stacked into one catalog, and stars that appear in more than one row are reported.
#include "core/catalog/catalog.h"
#include "core/import/column_mapping.h"
#include "core/import/import_report.h"
#include "core/import/import_rules.h"

#include <functional>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace starlocus::core::import {

struct ImportSource {
    std::string path;
    std::optional<ColumnMapping> mapping; // a spec; else presets
    std::string mappingFile;              // where the spec came from (messages, report)
    std::vector<std::string> presets;     // preset names to apply; empty = detect every preset
};

struct ImportResult {
    Catalog catalog;
    ImportReport report;
    std::vector<std::int64_t> sourceId; // per star; kNoSourceId when the table had none
};
inline constexpr std::int64_t kNoSourceId = INT64_MIN;

// Returning false stops the import (importTables then throws ImportCancelled).
using ImportProgress = std::function<bool(std::size_t rowsDone, std::size_t table, std::size_t tables)>;

class ImportCancelled : public std::runtime_error {
public:
    ImportCancelled() : std::runtime_error("import cancelled") {}
};

// The mapping a table gets: the source's spec, or the presets detected on its columns.
struct PlannedTable {
    ColumnMapping mapping;
    std::vector<PresetMatch> presets;
    std::vector<ResolvedField> fields;
    ReddeningMode reddeningMode = ReddeningMode::Paper;
};
// InputError for every structural problem (see resolveMapping), before any row is read.
PlannedTable planTable(const ImportSource& source, const std::vector<table::ColumnInfo>& columns,
                       const RuleSettings& settings);

// InputError for a structural problem (file, column, mapping); per-star problems are counted.
ImportResult importTables(const std::vector<ImportSource>& sources, const RuleSettings& settings,
                          const ImportProgress& progress = {});

// The counts of an import without its catalog (the GUI's live counts): the same pass, every
// count of the report except the repeated stars; no refusal when no star passes (that is when
// the counts matter most). Smaller chunks make a cancel quicker.
ImportReport countImport(const std::vector<ImportSource>& sources, const RuleSettings& settings,
                         const ImportProgress& progress = {}, std::size_t chunkRows = 65536);

// Writes the catalog (Green2020 layout, atomic) with the report as its attribute
// `import_report` (JSON text); and the report as JSON to `reportPath` unless empty.
// The catalog's sourceFile becomes `path`.
void writeImportedCatalog(const std::string& path, ImportResult& result, const std::string& reportPath);

} // namespace starlocus::core::import
