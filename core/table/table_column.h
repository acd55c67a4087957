// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The column model every table reader yields (issue 15): FITS, CSV/ECSV and VOTable readers
// all describe their columns with ColumnInfo and hand their rows over in TableChunks, so the
// import step (mapping, §3 rules) never knows which format a table came from.
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace starlocus::core::table {

// How a column's values are held. Integers stay 64-bit integers (a Gaia source_id has 19
// digits: a double would merge neighbouring stars); every other number is a double.
enum class ColumnType : std::uint8_t {
    Real,    // float16/32/64, scaled integers (FITS TSCAL/TZERO)
    Integer, // int8 … int64, uint8 … uint32 (uint64 above 2⁶³ is refused)
    Boolean, // held as Integer values 0/1
    Text,
};

std::string_view columnTypeName(ColumnType type);

struct ColumnInfo {
    std::string name;
    ColumnType type = ColumnType::Real;
    std::string unit;        // as the file writes it ("mag", "mas", "deg", "" for none)
    std::string ucd;         // VOTable UCD, "" when the format has none
    std::string description; // "" when none
    std::string fileType;    // the format's own type name ("float32", "K", "E", …), for messages
};

// The values of one column for the rows of a chunk; only the vector of the column's type is
// filled. `null[i]` is 1 where row i has no value, in whatever convention the file uses
// (empty CSV field, FITS TNULL, VOTable null bitmap, NaN of a float column stays a value:
// the import step counts NaN/Inf as its own defect).
struct ColumnValues {
    std::vector<double> real;
    std::vector<std::int64_t> integer; // Integer and Boolean columns
    std::vector<std::string> text;
    std::vector<std::uint8_t> null;
};

// Consecutive rows [firstRow, firstRow + rows) of a table, column by column in the order of
// TableReader::columns().
struct TableChunk {
    std::size_t firstRow = 0;
    std::size_t rows = 0;
    std::vector<ColumnValues> columns;
};

} // namespace starlocus::core::table
