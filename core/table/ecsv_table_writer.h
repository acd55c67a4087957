// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// ECSV 1.0 (Astropy's Enhanced CSV, issue 15): the `# %ECSV 1.0` YAML header with each column's
// name, datatype (float64, int64, bool, string), unit, description and its UCD in the column's
// meta ({ucd: …}, as Astropy keeps a VOTable's UCD), the table's name and description in the
// table meta; then space-delimited rows (csv_table_writer.h), ECSV's default, which Astropy
// reads back without a `delimiter` key. A null is "" (Astropy's masked value). Line breaks in
// a description or unit become spaces: the header is made of comment lines.
#include "core/table/table_writer.h"

namespace starlocus::core::table {

std::unique_ptr<TableWriter> createEcsvTableWriter(const std::string& path, const std::vector<ColumnInfo>& columns,
                                                   const TableWriteOptions& options);

// The header block (every line starting "# "), without the line of names.
std::string ecsvHeaderText(const std::vector<ColumnInfo>& columns, const TableWriteOptions& options);

} // namespace starlocus::core::table
