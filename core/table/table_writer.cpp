// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/table/table_writer.h"

#include "core/common/input_error.h"
#include "core/table/csv_table_writer.h"
#include "core/table/ecsv_table_writer.h"
#include "core/table/fits_table_writer.h"
#include "core/table/votable_table_writer.h"

#include <algorithm>
#include <cctype>
#include <set>

namespace starlocus::core::table {

TableFormat parseTableFormat(std::string_view name) {
    std::string lower(name);
    std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return char(std::tolower(c)); });
    if (lower == "fits" || lower == "fit")
        return TableFormat::Fits;
    if (lower == "csv")
        return TableFormat::Csv;
    if (lower == "ecsv")
        return TableFormat::Ecsv;
    if (lower == "votable" || lower == "vot" || lower == "xml")
        return TableFormat::VoTable;
    throw InputError("", "format", "'" + std::string(name) + "' is not a table format (fits, csv, ecsv or votable)");
}

std::unique_ptr<TableWriter> createTableWriter(const std::string& path, TableFormat format,
                                               const std::vector<ColumnInfo>& columns,
                                               const TableWriteOptions& options) {
    if (columns.empty())
        throw InputError(path, "", "a table needs at least one column");
    std::set<std::string> names;
    for (const ColumnInfo& c : columns) {
        if (c.name.empty())
            throw InputError(path, "", "a column without a name cannot be written");
        if (!names.insert(c.name).second)
            throw InputError(path, "column '" + c.name + "'", "the column name appears twice");
    }
    switch (format) {
    case TableFormat::Csv: return createCsvTableWriter(path, columns);
    case TableFormat::Ecsv: return createEcsvTableWriter(path, columns, options);
    case TableFormat::Fits: return createFitsTableWriter(path, columns, options);
    case TableFormat::VoTable: return createVoTableWriter(path, columns, options);
    }
    throw InputError(path, "format", "unknown table format");
}

} // namespace starlocus::core::table
