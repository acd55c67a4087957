// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Delimited text tables (issue 15): plain CSV, and the rows of ECSV (ecsv_table_writer.h).
//
// CSV: one header line of names, then one line per row. A null is an empty field; doubles are
// written in their shortest exact text (nan, inf, -inf as Python spells them), 64-bit integers
// digit for digit, booleans True / False (as Astropy writes them), text quoted ("…", "" for a
// quote) when it holds the delimiter, a quote, leading or trailing blanks, or starts with '#'.
// CSV states no types, units or UCDs: readers guess the types (ours: table_reader.h), so use
// ECSV, FITS or VOTable to keep them. A line break inside a text value is refused (InputError
// naming the row and column): line-based readers, ours included, cannot read it back.
#include "core/table/table_writer.h"

namespace starlocus::core::table {

struct DelimitedLayout {
    char delimiter = ',';
    std::string header;   // lines before the line of names ("" for CSV, the YAML block of ECSV)
    std::string nullText; // a null field: "" for CSV, "\"\"" for ECSV (a space cannot be empty)
    std::string formatName;
};

std::unique_ptr<TableWriter> createDelimitedTableWriter(const std::string& path, const std::vector<ColumnInfo>& columns,
                                                        DelimitedLayout layout);

std::unique_ptr<TableWriter> createCsvTableWriter(const std::string& path, const std::vector<ColumnInfo>& columns);

} // namespace starlocus::core::table
