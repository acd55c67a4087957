// SPDX-License-Identifier: GPL-3.0-or-later
#include "fuzz/support/table_checks.h"

#include "fuzz/support/expected_failure.h"

#include <string>

namespace starlocus::fuzz {
namespace {

// Small chunks: many chunk boundaries per input.
constexpr std::size_t kChunkRows = 5;

namespace table = core::table;

void checkChunk(const char* target, const table::TableReader& reader, const table::TableChunk& chunk,
                std::size_t firstRow) {
    if (chunk.firstRow != firstRow)
        reportFinding(target, "chunk starts at row " + std::to_string(chunk.firstRow) + ", expected " +
                                  std::to_string(firstRow));
    if (chunk.columns.size() != reader.columns().size())
        reportFinding(target, "chunk has a different number of columns than the table");
    for (std::size_t c = 0; c < chunk.columns.size(); ++c) {
        const table::ColumnValues& v = chunk.columns[c];
        const table::ColumnType type = reader.columns()[c].type;
        const bool integral = type == table::ColumnType::Integer || type == table::ColumnType::Boolean;
        if (v.real.size() != (type == table::ColumnType::Real ? chunk.rows : 0) ||
            v.integer.size() != (integral ? chunk.rows : 0) ||
            v.text.size() != (type == table::ColumnType::Text ? chunk.rows : 0) || v.null.size() != chunk.rows)
            reportFinding(target, "column '" + reader.columns()[c].name + "' holds values of another type or count");
        if (type == table::ColumnType::Boolean)
            for (std::size_t r = 0; r < chunk.rows; ++r)
                if (v.integer[r] != 0 && v.integer[r] != 1)
                    reportFinding(target, "a boolean value other than 0 or 1");
    }
}

} // namespace

void readWholeTable(const char* target, core::table::TableReader& reader) {
    table::TableChunk chunk;
    std::size_t rows = 0;
    while (reader.next(chunk, kChunkRows)) {
        checkChunk(target, reader, chunk, rows);
        rows += chunk.rows;
    }
    if (reader.rowCount() && *reader.rowCount() != rows)
        reportFinding(target, "read " + std::to_string(rows) + " rows of the " + std::to_string(*reader.rowCount()) +
                                  " the file announces");
}

} // namespace starlocus::fuzz
