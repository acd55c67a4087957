// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// FITS binary and ASCII tables (issue 15) through CFITSIO, read a block of rows at a time.
//
// Columns: every scalar numeric type (B, I, J, K, E, D, and their unsigned and signed-byte
// conventions through TZERO), logicals (L), strings (A); TSCAL/TZERO applied (a scaled
// integer column becomes Real); TNULL marks nulls of integer columns; NaN in a float column
// stays a value (the column model's rule: the import counts it); TUNIT is the unit; TUCD, if
// written, the UCD; TCOMM (over CONTINUE cards) the description. A column of 64-bit integers
// stays integers (Gaia source_id). A vector of at most 64 numbers or logicals per row (TFORM
// 7D, 49D with TDIM) becomes one column per element, NAME[0] … NAME[n-1] in storage order;
// longer vectors, variable-length, bit, complex and string-array columns are skipped and listed
// in skippedColumns() (a table of nothing else is refused). gzip- or otherwise compressed files
// are read as CFITSIO reads them.
#include "core/table/table_reader.h"

#include <optional>

namespace starlocus::core::table {

// `hdu`: the HDU's index counted from 0 for the primary HDU, as Astropy (`hdul[1]`) and TOPCAT
// (`file.fits#1`) count; nullopt: the first HDU that is a table. InputError for a file CFITSIO
// cannot read, an HDU that is not a table, or a column StarLocus cannot hold.
std::unique_ptr<TableReader> openFitsTable(const std::string& path, std::optional<int> hdu = std::nullopt);

} // namespace starlocus::core::table
