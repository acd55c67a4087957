// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/mock/raw_crossmatch_file.h"

#include "core/io/text_file_save.h"
#include "core/mock/raw_truth.h"
#include "core/table/table_writer.h"

#include <filesystem>

namespace starlocus::core {
namespace {

constexpr std::size_t kChunkRows = 65536;

void writeTable(const RawCrossMatch& raw, std::string_view survey, const std::string& path, table::TableFormat format) {
    table::TableWriteOptions options;
    options.tableName = std::string(survey);
    options.description = "StarLocus mock sky (seed " + std::to_string(raw.sky().seed()) + "): " + std::string(survey) +
                          " cross-match with Gaia DR2, PS1 DR1, 2MASS PSC and unWISE, as the archives name the columns";
    const auto writer = table::createTableWriter(path, format, rawColumnInfos(survey), options);
    table::TableChunk chunk;
    const std::size_t rows = raw.stars(survey).size();
    for (std::size_t first = 0; first < rows; first += kChunkRows) {
        raw.fillChunk(survey, first, kChunkRows, chunk);
        writer->write(chunk);
    }
    writer->commit();
}

std::string fileName(const std::string& path) { return std::filesystem::path(path).filename().string(); }

} // namespace

std::string_view rawTableExtension(table::TableFormat format) {
    switch (format) {
    case table::TableFormat::Csv: return ".csv";
    case table::TableFormat::Ecsv: return ".ecsv";
    case table::TableFormat::Fits: return ".fits";
    case table::TableFormat::VoTable: break;
    }
    return ".vot";
}

RawCrossMatchPaths rawCrossMatchPaths(const std::string& prefix, table::TableFormat format) {
    RawCrossMatchPaths paths;
    for (std::size_t s = 0; s < kRawSurveys.size(); ++s)
        paths.tables[s] = prefix + "_" + std::string(kRawSurveys[s]) + std::string(rawTableExtension(format));
    paths.truth = prefix + "_truth.json";
    paths.catalog = prefix + "_catalog.h5";
    return paths;
}

void writeRawCrossMatch(const RawCrossMatch& raw, const RawCrossMatchPaths& paths, table::TableFormat format) {
    for (std::size_t s = 0; s < kRawSurveys.size(); ++s)
        writeTable(raw, kRawSurveys[s], paths.tables[s], format);
    RawFileNames names;
    for (std::size_t s = 0; s < kRawSurveys.size(); ++s)
        names.tables[s] = fileName(paths.tables[s]);
    names.catalog = fileName(paths.catalog);
    saveTextFile(paths.truth, rawTruthJson(raw, rawTruthOf(raw), names));
}

} // namespace starlocus::core
