// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer target: the FITS table reader of the import (core/table, issue 15) over CFITSIO.
// What reads must keep the reader's promises: chunks in row order, as many rows as the header
// says, each column's values in the vector of its type, one null flag per row.
#include "fuzz/support/expected_failure.h"
#include "fuzz/support/input_file.h"

#include "core/table/fits_table_reader.h"

#include <string>

namespace table = starlocus::core::table;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string& path = starlocus::fuzz::writeInputFile("table.fits", data, size);
    starlocus::fuzz::runLoader("fits_table", [&] {
        const auto reader = table::openFitsTable(path);
        table::TableChunk chunk;
        std::size_t rows = 0;
        while (reader->next(chunk, 3)) {
            if (chunk.firstRow != rows || chunk.columns.size() != reader->columns().size())
                starlocus::fuzz::reportFinding("fits_table", "a chunk out of order or with other columns");
            for (std::size_t c = 0; c < chunk.columns.size(); ++c) {
                const table::ColumnValues& v = chunk.columns[c];
                const table::ColumnType t = reader->columns()[c].type;
                const std::size_t values = t == table::ColumnType::Real ? v.real.size()
                                           : t == table::ColumnType::Text ? v.text.size()
                                                                          : v.integer.size();
                if (values != chunk.rows || v.null.size() != chunk.rows)
                    starlocus::fuzz::reportFinding("fits_table", "column '" + reader->columns()[c].name +
                                                                     "' holds a different number of values than rows");
            }
            rows += chunk.rows;
        }
        if (reader->rowCount() && *reader->rowCount() != rows)
            starlocus::fuzz::reportFinding("fits_table", "read " + std::to_string(rows) + " rows of " +
                                                             std::to_string(*reader->rowCount()));
    });
    return 0;
}
