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

// The VOTable datatypes read, by their storage in binary streams.
enum class Kind : std::uint8_t { Boolean, Bit, UnsignedByte, Short, Int, Long, Float, Double, Char, UnicodeChar };

struct Field {
    ColumnInfo info;
    Kind kind = Kind::Double;
    bool variable = false; // char arraysize "*" or "N*": a 4-byte count before the characters
    std::size_t count = 1; // characters of a fixed char array; 1 for a scalar
    bool hasNull = false;  // VALUES null="…" of an integer field
    std::int64_t nullValue = 0;
    std::string nullText;

    // Bytes of one element in a binary stream (a character, a number).
    std::size_t elementBytes() const;
};

// A FIELD element's column from its attributes (expat's name/value pairs, null-terminated):
// name (or ID), datatype, arraysize, unit, ucd. InputError naming the FIELD (`number` is its
// 1-based place when it has no name) for what is not read: arrays of numbers, complex and
// unknown datatypes, multidimensional character arrays, no datatype, no name.
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
