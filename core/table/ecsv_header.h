// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The YAML header of an ECSV file (Astropy's Enhanced CSV, format 1.0): the columns' names,
// datatypes, units and descriptions, and the delimiter. Only the subset of YAML that ECSV
// writers emit is read — a `datatype:` sequence whose items are flow mappings
// (`- {name: g, unit: mag, datatype: float64}`, possibly wrapped over lines) or block mappings
// (`- name: g` then indented `key: value` lines, with nested `meta:` blocks skipped),
// `delimiter:`, and other top-level keys (`meta:`, `schema:`) skipped whole.
#include "core/table/table_column.h"

#include <string>
#include <vector>

namespace starlocus::core::table {

struct EcsvHeader {
    std::string version;           // "1.0"
    std::vector<ColumnInfo> columns;
    char delimiter = ' ';          // ECSV's default is a space
};

// `lines`: the header's comment lines after "# %ECSV 1.0" with their leading "# " removed
// (the "---" line included). InputError(path, "ECSV header", …) for what it cannot read:
// no `datatype`, an item without name or datatype, a datatype StarLocus cannot hold
// (complex, object, multidimensional `subtype`), a delimiter other than space or comma.
EcsvHeader parseEcsvHeader(const std::vector<std::string>& lines, const std::string& path);

} // namespace starlocus::core::table
