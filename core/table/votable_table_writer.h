// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// VOTable 1.4 (issue 15), the format votable_reader.h reads: one RESOURCE with one TABLE
// (name = the table's name, its DESCRIPTION), a FIELD per column with name, datatype, unit, ucd
// and DESCRIPTION: Real → double, Integer → long, Boolean → boolean, Text → char arraysize="*"
// (UTF-8 bytes; invalid UTF-8 and the control characters XML forbids become U+FFFD).
//
// Rows (TableWriteOptions::voTableEncoding):
//  - BINARY2 (default): a base64 STREAM written as the rows arrive, big-endian values with the
//    per-row null bitmap: every type has an exact null, distinct from NaN.
//  - TABLEDATA: <TD> text cells, doubles in their shortest exact text (NaN, +Inf, -Inf), an
//    empty <TD/> for a null (VOTable 1.3 and later read that as null for every type).
#include "core/table/table_writer.h"

namespace starlocus::core::table {

std::unique_ptr<TableWriter> createVoTableWriter(const std::string& path, const std::vector<ColumnInfo>& columns,
                                                 const TableWriteOptions& options);

} // namespace starlocus::core::table
