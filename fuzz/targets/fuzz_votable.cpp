// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer target: the VOTable reader of the import (core/table, issue 15): TABLEDATA, BINARY
// and BINARY2 streams, plain and gzip-compressed. What reads must keep the reader's promises:
// chunks in row order, each column's values in the vector of its type, one null flag per row.
#include "fuzz/support/expected_failure.h"
#include "fuzz/support/input_file.h"

#include "core/table/votable_reader.h"

#include <string>

namespace table = starlocus::core::table;

namespace {

void checkChunk(const table::TableReader& reader, const table::TableChunk& chunk, std::size_t firstRow) {
    using starlocus::fuzz::reportFinding;
    if (chunk.firstRow != firstRow)
        reportFinding("votable", "chunk starts at row " + std::to_string(chunk.firstRow) + ", expected " +
                                        std::to_string(firstRow));
    if (chunk.columns.size() != reader.columns().size())
        reportFinding("votable", "chunk has a different number of columns than the table");
    for (std::size_t c = 0; c < chunk.columns.size(); ++c) {
        const table::ColumnValues& v = chunk.columns[c];
        const table::ColumnType type = reader.columns()[c].type;
        const std::size_t expected[3] = {type == table::ColumnType::Real ? chunk.rows : 0,
                                         type == table::ColumnType::Integer || type == table::ColumnType::Boolean
                                             ? chunk.rows
                                             : 0,
                                         type == table::ColumnType::Text ? chunk.rows : 0};
        if (v.real.size() != expected[0] || v.integer.size() != expected[1] || v.text.size() != expected[2] ||
            v.null.size() != chunk.rows)
            reportFinding("votable", "column '" + reader.columns()[c].name + "' holds values of another type or count");
        for (std::size_t r = 0; r < chunk.rows; ++r)
            if (type == table::ColumnType::Boolean && v.integer[r] != 0 && v.integer[r] != 1)
                reportFinding("votable", "a boolean value other than 0 or 1");
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string& path = starlocus::fuzz::writeInputFile("table.vot", data, size);
    starlocus::fuzz::runLoader("votable", [&] {
        const auto reader = table::openVoTable(path);
        table::TableChunk chunk;
        std::size_t rows = 0;
        while (reader->next(chunk, 5)) { // small chunks: many chunk boundaries per input
            checkChunk(*reader, chunk, rows);
            rows += chunk.rows;
        }
    });
    return 0;
}
