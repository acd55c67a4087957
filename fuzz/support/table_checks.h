// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// What every table reader of the import (core/table) promises, checked while a fuzz target
// reads a whole table in small chunks: chunks in row order, the table's columns in each, every
// column's values in the vector of its type with one null flag per row, booleans 0 or 1, and as
// many rows as the file announces. A broken promise is a finding (reportFinding).
#include "core/table/table_reader.h"

namespace starlocus::fuzz {

void readWholeTable(const char* target, core::table::TableReader& reader);

} // namespace starlocus::fuzz
