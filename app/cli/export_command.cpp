// SPDX-License-Identifier: GPL-3.0-or-later
// starlocus-cli export: a Green2020-layout catalog written as a survey table (FITS, CSV, ECSV or
// VOTable) with the columns of core/table/catalog_export.h, which `import --preset starlocus`
// reads back field for field.
#include "app/cli/cli.h"
#include "app/cli/cli_arguments.h"
#include "app/cli/json_output.h"
#include "app/cli/output_files.h"
#include "core/io/green2020_catalog.h"
#include "core/table/catalog_export.h"

#include <nlohmann/json.hpp>

#include <filesystem>
#include <ostream>

namespace starlocus::cli {

int runExport(const std::vector<std::string>& argv, std::ostream& out) {
    // The catalog comes first, as a plain argument (or as --catalog, like the other commands).
    std::vector<std::string> options = argv;
    std::string catalogPath;
    if (!options.empty() && options.front().rfind("--", 0) != 0) {
        catalogPath = options.front();
        options.erase(options.begin());
    }
    const CliArguments args(options, {"catalog", "format", "out"}, {"json"});
    if (const auto given = args.value("catalog")) {
        if (!catalogPath.empty())
            throw UsageError("the catalog is given twice ('" + catalogPath + "' and --catalog " + *given + ")");
        catalogPath = *given;
    }
    if (catalogPath.empty())
        throw UsageError("missing the catalog: starlocus-cli export CATALOG.h5 --format fits|csv|ecsv|votable --out FILE");
    const std::string formatName = args.choice("format", {"fits", "csv", "ecsv", "votable"}, "");
    if (formatName.empty())
        throw UsageError("missing required option --format (fits, csv, ecsv or votable)");
    const core::table::TableFormat format = core::table::parseTableFormat(formatName);
    const std::string path = args.required("out");

    const auto outputs = std::vector<NamedFile>{namedFile("out", path)};
    checkOutputs(outputs, {namedFile("catalog", catalogPath)});
    const auto locks = lockOutputs("export", outputs);

    const core::Catalog catalog = core::readGreen2020Catalog(catalogPath);
    core::table::TableWriteOptions writeOptions;
    writeOptions.description =
        "StarLocus catalog " + std::filesystem::path(catalogPath).filename().string() + " (Green2020 fields)";
    const auto columns = core::table::exportCatalog(catalog, path, format, writeOptions);

    if (args.flag("json")) {
        nlohmann::ordered_json doc;
        doc["path"] = path;
        doc["format"] = formatName;
        doc["rows"] = catalog.size();
        doc["columns"] = columns.size();
        nlohmann::ordered_json names = nlohmann::ordered_json::array();
        for (const auto& c : columns)
            names.push_back(c.name);
        doc["column_names"] = names;
        writeJson(out, doc);
        return kExitOk;
    }
    out << "wrote " << path << ": " << catalog.size() << " stars, " << columns.size() << " columns ("
        << core::table::tableFormatName(format) << ")\n";
    return kExitOk;
}

} // namespace starlocus::cli
