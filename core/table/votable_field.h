// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// One VOTable FIELD (issue 15, votable_reader.h): the column it describes, and how one of its
// values is read from a TABLEDATA cell's text or from a BINARY/BINARY2 stream's bytes.
// The XML walk and the streaming stay in votable_reader.cpp.
#include "core/table/table_column.h"

#include <cstdint>
#include <string>
#include <string_view>

namespace starlocus::core::table::votable {

// The VOTable datatypes, by their storage in binary streams (complex ones only to skip them).
enum class Kind : std::uint8_t {
    Boolean, Bit, UnsignedByte, Short, Int, Long, Float, Double, Char, UnicodeChar, FloatComplex, DoubleComplex
};

// The longest numeric array expanded into scalar columns NAME[0] … NAME[n-1] (as the FITS
// reader does); longer ones are skipped.
inline constexpr std::size_t kMaxExpandedElements = 64;

struct Field {
    ColumnInfo info;       // an expanded array's columns are info.name + "[k]"
    Kind kind = Kind::Double;
    bool variable = false; // arraysize ending in '*': a 4-byte count before the values
    std::size_t count = 1; // elements of a fixed array (characters of a char array); 1 for a
                           // scalar; of a variable array, the elements per unit of its count
    bool hasNull = false;  // VALUES null="…" of an integer field
    std::int64_t nullValue = 0;
    std::string nullText;
    std::size_t expand = 0;  // > 0: a numeric or boolean array of this many values, one column each
    bool skipped = false;    // a column left out of the table (TableReader::skippedColumns)
    std::string skipReason;
    std::size_t output = 0;  // the field's (first) column in the reader's columns()

    // Bytes of one element in a binary stream (a character, a number).
    std::size_t elementBytes() const;
    // Bytes of `elements` elements (bits are packed eight to a byte).
    std::size_t bytesOf(std::size_t elements) const;
};

// A FIELD element's column from its attributes (expat's name/value pairs, null-terminated):
// name (or ID), datatype, arraysize, unit, ucd. Numeric, boolean and bit arrays (Astropy writes
// a numpy bool array as bits) of at most kMaxExpandedElements values are expanded; longer or
// variable-length arrays, complex values and arrays of strings are marked skipped (the stream
// still steps over them).
// InputError naming the FIELD (`number` is its 1-based place when it has no name) for an unknown
// datatype, an arraysize that does not parse, no datatype, no name.
Field readField(const char** attributes, std::size_t number, const std::string& path);

// The field's VALUES null="…" (integer fields only: floats use NaN, text and booleans have
// their own nulls). InputError when it is not an integer.
void setNull(Field& field, const char* null, const std::string& path);

// Appends the value of a TABLEDATA cell (`raw`: the TD's text) to `values`; false, with
// `reason` saying why, when it does not parse.
bool appendCell(const Field& field, const std::string& raw, ColumnValues& values, std::string& reason);

// Appends the value of `n` elements at `at` of a binary stream; false, with `reason`, for a
// boolean byte that is not one.
bool appendBinary(const Field& field, const unsigned char* at, std::size_t n, ColumnValues& values,
                  std::string& reason);

// A null of a column of `type`: the null flag and a placeholder value (NaN, 0, "").
void pushNull(ColumnValues& values, ColumnType type);

std::uint64_t bigEndian(const unsigned char* bytes, std::size_t count);

// "vot:TABLE" → "TABLE": a prefixed VOTable namespace names the same elements.
std::string_view localName(const char* name);

// The value of attribute `name` among expat's name/value pairs; nullptr when absent.
const char* attribute(const char** attributes, const char* name);

} // namespace starlocus::core::table::votable
