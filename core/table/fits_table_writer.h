// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// FITS binary tables written through CFITSIO (issue 15), the format fits_table_reader.h reads:
// Real → D (64-bit float), Integer → K (64-bit integer), Boolean → L, Text → A; TUNITn, and
// TUCDn (no FITS standard keyword holds a UCD; this is the one our reader and TOPCAT use) and
// TCOMMn (the description, long-string convention when longer than a card) when given; EXTNAME
// is the table's name.
//
// Nulls: a null Integer is TNULLn = −2⁶³ (written for every K column; a real value of −2⁶³ reads
// back as a null), a null Real is NaN (FITS has no other null for floats, so a null and NaN
// read back alike: as NaN), a null Boolean is the byte 0, a null Text an empty string.
//
// Text width (streaming: rows arrive after the header is written): a text column starts one
// character wide and grows with fits_modify_vector_len when a chunk holds a longer value, at
// least doubling each time, so a column is rewritten a few times at most and never truncated.
// A value longer than 4,096 bytes is refused (no catalog column is that wide; our reader refuses
// wider columns as damage).
#include "core/table/table_writer.h"

namespace starlocus::core::table {

std::unique_ptr<TableWriter> createFitsTableWriter(const std::string& path, const std::vector<ColumnInfo>& columns,
                                                   const TableWriteOptions& options);

} // namespace starlocus::core::table
