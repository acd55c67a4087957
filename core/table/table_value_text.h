// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Numbers as the text table writers put them (CSV, ECSV, VOTable TABLEDATA): the shortest text
// that reads back as the same double (so an export → import round trip is exact), 64-bit
// integers digit for digit, and NaN / ±Inf in the spelling each format's readers expect.
#include "core/table/table_column.h"

#include <cstdint>
#include <stdexcept>
#include <string>
#include <vector>

namespace starlocus::core::table {

enum class NonFiniteSpelling : std::uint8_t {
    Python,  // nan, inf, -inf (what Astropy writes into CSV and ECSV and reads back)
    VoTable, // NaN, +Inf, -Inf (VOTable 1.4 §6.1)
};

void appendReal(std::string& out, double value, NonFiniteSpelling spelling);
void appendInteger(std::string& out, std::int64_t value);

// Whether row `row` of `values` is a null (an empty null mask has none).
inline bool isNullAt(const ColumnValues& values, std::size_t row) {
    return !values.null.empty() && values.null[row] != 0;
}

// std::invalid_argument (a caller's bug, not bad input) unless `chunk` has one ColumnValues
// per column with `chunk.rows` values in the vector of the column's type and a null mask that
// is empty or of `chunk.rows` flags.
void checkChunkShape(const std::vector<ColumnInfo>& columns, const TableChunk& chunk);

} // namespace starlocus::core::table
