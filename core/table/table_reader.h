// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// A table read row block by row block (issue 15): a reader holds at most one chunk of rows,
// never a whole-file copy, so a cross-match of millions of rows streams through the import.
// Structural defects (a file that cannot be read, a truncated row, a value of the wrong type)
// end as core::InputError naming the file, the row (1-based, as a user counts data rows) and
// the column.
#include "core/table/table_column.h"

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace starlocus::core::table {

enum class TableFormat : std::uint8_t { Csv, Ecsv, Fits, VoTable };

// A column of the file that columns() leaves out, and why: a vector of more than 64 values, a
// variable-length array, bit or complex values (a real survey file has such columns next to
// the ones a catalog needs, and they must not make it unreadable).
struct SkippedColumn {
    std::string name;
    std::string reason;
};

std::string_view tableFormatName(TableFormat format);

class TableReader {
public:
    virtual ~TableReader() = default;
    virtual const std::string& path() const = 0;
    virtual TableFormat format() const = 0;
    virtual const std::vector<ColumnInfo>& columns() const = 0;
    // The row count when the format states it up front (FITS NAXIS2); nullopt for text tables.
    virtual std::optional<std::size_t> rowCount() const = 0;
    // Reads the next at most `maxRows` rows into `chunk` (its vectors reused); false, with
    // chunk.rows == 0, at the end of the table.
    virtual bool next(TableChunk& chunk, std::size_t maxRows) = 0;
    // The file's columns not in columns(), in file order (FITS, VOTable); none for text tables.
    virtual const std::vector<SkippedColumn>& skippedColumns() const {
        static const std::vector<SkippedColumn> none;
        return none;
    }
};

// Opens `path` by its content (gzip is looked through): "SIMPLE  =" starts a FITS file, XML a
// VOTable, "# %ECSV" an ECSV file, any other text a CSV file with a header line. InputError for
// a missing, unreadable or unknown file (an HDF5 file, binary data).
std::unique_ptr<TableReader> openTable(const std::string& path);

} // namespace starlocus::core::table
