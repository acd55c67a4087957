// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/table/table_reader.h"

#include "core/common/input_error.h"
#include "core/table/fits_table_reader.h"
#include "core/table/text_table_reader.h"
#include "core/table/votable_reader.h"

#include <zlib.h>

#include <cerrno>
#include <cstring>
#include <string_view>

namespace starlocus::core::table {

std::string_view columnTypeName(ColumnType type) {
    switch (type) {
    case ColumnType::Real: return "real";
    case ColumnType::Integer: return "integer";
    case ColumnType::Boolean: return "boolean";
    case ColumnType::Text: return "text";
    }
    return "unknown";
}

std::string_view tableFormatName(TableFormat format) {
    switch (format) {
    case TableFormat::Csv: return "CSV";
    case TableFormat::Ecsv: return "ECSV";
    case TableFormat::Fits: return "FITS";
    case TableFormat::VoTable: return "VOTable";
    }
    return "unknown";
}

std::unique_ptr<TableReader> openTable(const std::string& path) {
    // The first bytes, through the gzip layer when there is one.
    errno = 0;
    gzFile file = gzopen(path.c_str(), "rb");
    if (!file)
        throw InputError(path, "", errno ? std::string("cannot be opened: ") + std::strerror(errno)
                                         : std::string("cannot be opened"));
    char head[512];
    const int n = gzread(file, head, sizeof head);
    gzclose(file);
    if (n < 0)
        throw InputError(path, "", "cannot be read (damaged compressed data?)");
    const std::string_view start(head, std::size_t(n));
    if (start.empty())
        throw InputError(path, "", "is empty: no table");
    if (start.substr(0, 8) == "# %ECSV ")
        return openTextTable(path, TableFormat::Ecsv);
    if (start.substr(0, 9) == "SIMPLE  =")
        return openFitsTable(path);
    // XML (after a byte-order mark and white space): a declaration, a comment or a root
    // element, prefixed or not (<vot:VOTABLE>). The VOTable reader refuses other XML.
    const std::string_view text = start.substr(0, 3) == "\xEF\xBB\xBF" ? start.substr(3) : start;
    if (const std::size_t first = text.find_first_not_of(" \t\r\n");
        first != std::string_view::npos && text[first] == '<')
        return openVoTable(path);
    if (start.substr(0, 4) == "\x89HDF")
        throw InputError(path, "", "is an HDF5 file: open it as a catalog or a model, not as a table to import");
    if (start.find('\0') != std::string_view::npos)
        throw InputError(path, "", "is neither a FITS file nor a text table (binary data): StarLocus imports FITS, VOTable, CSV and ECSV tables");
    return openTextTable(path, TableFormat::Csv);
}

} // namespace starlocus::core::table
