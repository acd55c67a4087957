// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The columns of the mock's raw cross-match tables, named as the archives name them (Gaia
// DR2 gaia_source, PS1 DR1 MeanObject, 2MASS PSC, unWISE, LAMOST DDPayne, APOGEE DR16
// allStar, GALAH DR2), with units and UCDs, and how each takes its value from a RawRow.
// docs/MOCK.md lists them.
#include "core/mock/raw_row.h"
#include "core/table/table_column.h"

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace starlocus::core {

struct RawColumn {
    table::ColumnInfo info;
    // Real columns: NaN is null when nullable, a NaN value otherwise (a defect the import counts).
    bool nullable = false;
    std::function<double(const RawRow&)> real;
    std::function<std::optional<std::int64_t>(const RawRow&)> integer; // nullopt = null
    std::function<std::optional<std::string>(const RawRow&)> text;      // nullopt = null
};

// The columns of one survey's table ("lamost", "apogee", "galah"), in file order: mock_index,
// Gaia, PS1, 2MASS, unWISE, reddening, then the survey's labels and flags.
const std::vector<RawColumn>& rawColumns(std::string_view atmSource);
std::vector<table::ColumnInfo> rawColumnInfos(std::string_view atmSource);

// Makes `chunk` hold `rows` (chunk.rows = rows.size(), firstRow unchanged), column by column.
void fillRawChunk(const std::vector<RawColumn>& columns, const std::vector<RawRow>& rows, table::TableChunk& chunk);

} // namespace starlocus::core
