// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// VOTable 1.3–1.5 tables (issue 15), plain or gzip-compressed (zlib looks through the
// compression), parsed as a stream by expat: never a DOM, and next() parses only as far as it
// needs to fill its chunk.
//
// The table read is the first TABLE element of the document (the first RESOURCE's first
// table, in the files archives and Astropy write); a file without one is refused. Its FIELDs
// give the columns: name, unit, UCD, DESCRIPTION and the datatype:
//   boolean → Boolean; bit, unsignedByte, short, int, long → Integer; float, double → Real;
//   char and unicodeChar (any arraysize, fixed or variable) → Text.
// Numeric, boolean and bit arrays of at most 64 values become NAME[k] columns; longer or
// variable-length arrays, complex values and arrays of strings are skipped and listed in
// skippedColumns(); an unknown datatype is refused with the field named. The rows come from TABLEDATA, or from BINARY or BINARY2
// STREAMs encoded in base64 (big-endian values; BINARY2's null bitmap). Nulls: an empty TD,
// an integer equal to the field's VALUES null="…", a '?' boolean, an empty string, a set
// BINARY2 null bit. NaN in a float field is a value (table_column.h).
#include "core/table/table_reader.h"

namespace starlocus::core::table {

// Throws InputError for a file that cannot be opened, is not a VOTable, has no TABLE or a
// FIELD it cannot read; next() throws InputError for malformed XML (with expat's line and
// column), a row with the wrong number of TDs, a value that does not parse (row and column
// named), a truncated or damaged stream.
std::unique_ptr<TableReader> openVoTable(const std::string& path);

} // namespace starlocus::core::table
