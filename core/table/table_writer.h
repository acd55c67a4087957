// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// A table written row block by row block (issue 15), the mirror of table_reader.h: the
// columns are fixed when the writer is created, the rows are appended chunk by chunk, and the
// file appears under its name only at commit(). Every format (CSV, ECSV, FITS, VOTable) keeps
// what the column model carries: name, type, unit, UCD, description, nulls, full precision
// (doubles round-trip exactly, 64-bit integers stay exact, NaN and ±Inf stay themselves).
#include "core/table/table_column.h"
#include "core/table/table_reader.h"

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace starlocus::core::table {

// How a VOTable stores its rows: BINARY2 (base64 with a per-row null bitmap, compact and
// exact) or TABLEDATA (XML text cells, readable by eye).
enum class VoTableEncoding : std::uint8_t { Binary2, TableData };

struct TableWriteOptions {
    std::string tableName = "starlocus"; // FITS EXTNAME, VOTable TABLE name
    std::string description;             // FITS/VOTable/ECSV table description; "" for none
    VoTableEncoding voTableEncoding = VoTableEncoding::Binary2;
};

class TableWriter {
public:
    // Without a successful commit() the temporary is removed and the target is untouched.
    virtual ~TableWriter() = default;
    // Appends chunk.rows rows; chunk.columns are in creation order, each filled per its
    // ColumnType (real / integer (Integer and Boolean) / text), `null` empty or one flag per
    // row. InputError naming the target when the chunk does not match the columns or the
    // write fails.
    virtual void write(const TableChunk& chunk) = 0;
    // Finishes the file, makes it durable and renames it onto the target (save_temporary.h).
    virtual void commit() = 0;
};

// A writer of `format` to `path` (through TARGET.tmp-… beside it). InputError naming `path`
// when the target cannot be written (a folder, no permission, a missing folder) or the
// columns cannot be written (an empty or duplicate name).
std::unique_ptr<TableWriter> createTableWriter(const std::string& path, TableFormat format,
                                               const std::vector<ColumnInfo>& columns,
                                               const TableWriteOptions& options = {});

// "fits", "csv", "ecsv", "votable" (case-insensitive; "vot", "xml", "fit" too); InputError
// naming the field "format" otherwise.
TableFormat parseTableFormat(std::string_view name);

} // namespace starlocus::core::table
