// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// CSV and ECSV tables (issue 15), plain or gzip-compressed (zlib looks through the
// compression), read line by line.
//
// ECSV (Astropy's Enhanced CSV 1.0): the YAML header names every column's datatype, unit and
// description (ecsv_header.h); an empty field, or "" in a column that is not a string, is a
// null; the delimiter is a space (runs of spaces separate fields) or a comma.
// Plain CSV: '#' lines before the header are skipped, the header line names the columns, an
// empty field is a null. A CSV file states no types, so they are read off the first 1,000 rows:
// a column with any value that is not a number is Text; a column of integers of which one
// has more than 15 digits is Integer (a double would round a Gaia source_id); every other
// numeric column is Real. A later value that does not fit is an InputError naming row and
// column (ECSV states the types and has no such limit).
#include "core/table/table_reader.h"

namespace starlocus::core::table {

// Throws InputError for a file that cannot be opened, a damaged gzip stream, or a header it
// cannot read. `format` is the caller's decision (openTable looks at the first line).
std::unique_ptr<TableReader> openTextTable(const std::string& path, TableFormat format);

} // namespace starlocus::core::table
