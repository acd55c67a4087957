// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// A mock's raw cross-match on disk (docs/MOCK.md): PREFIX_lamost.EXT, PREFIX_apogee.EXT,
// PREFIX_galah.EXT in any table format, and PREFIX_truth.json; PREFIX_catalog.h5 is the
// mock's own Green2020 catalog (writeMockSky), the reference an import is compared with.
// Every file is written through a temporary and renamed into place: a failed write leaves
// no partial target.
#include "core/mock/raw_crossmatch.h"
#include "core/table/table_reader.h"

#include <array>
#include <string>

namespace starlocus::core {

struct RawCrossMatchPaths {
    std::array<std::string, 3> tables; // kRawSurveys order
    std::string truth;
    std::string catalog;
};

// ".fits", ".csv", ".ecsv", ".vot"
std::string_view rawTableExtension(table::TableFormat format);
RawCrossMatchPaths rawCrossMatchPaths(const std::string& prefix, table::TableFormat format);

// Writes the three tables (streamed in chunks) and the truth JSON; not the catalog.
void writeRawCrossMatch(const RawCrossMatch& raw, const RawCrossMatchPaths& paths, table::TableFormat format);

} // namespace starlocus::core
