// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/table/ecsv_table_writer.h"

#include "core/table/csv_table_writer.h"

#include <algorithm>
#include <cctype>

namespace starlocus::core::table {
namespace {

std::string_view datatypeOf(ColumnType type) {
    switch (type) {
    case ColumnType::Real: return "float64";
    case ColumnType::Integer: return "int64";
    case ColumnType::Boolean: return "bool";
    case ColumnType::Text: return "string";
    }
    return "string";
}

// A YAML flow scalar: plain when it can only be read as this string (a name, "mag",
// "phot.mag;em.opt.B"), else single-quoted ('' for a quote). Words YAML reads as booleans or
// null ("yes", "null", …) and anything starting with a digit are quoted, so a name stays a
// string.
std::string yamlScalar(std::string text) {
    std::replace_if(text.begin(), text.end(), [](char c) { return c == '\n' || c == '\r' || c == '\t'; }, ' ');
    std::string lower(text);
    std::transform(lower.begin(), lower.end(), lower.begin(),
                   [](unsigned char c) { return char(std::tolower(c)); });
    static const char* const kWords[] = {"y", "n", "yes", "no", "on", "off", "true", "false", "null", "nan", "inf"};
    const bool word = std::find(std::begin(kWords), std::end(kWords), lower) != std::end(kWords);
    const bool plain =
        !text.empty() && !word && (std::isalpha(static_cast<unsigned char>(text.front())) || text.front() == '_') &&
        std::all_of(text.begin(), text.end(), [](unsigned char c) {
            return std::isalnum(c) || c == '_' || c == '.' || c == ';' || c == '-' || c == '/';
        });
    if (plain)
        return text;
    std::string out = "'";
    for (char c : text) {
        if (c == '\'')
            out += '\'';
        out += c;
    }
    return out + "'";
}

} // namespace

std::string ecsvHeaderText(const std::vector<ColumnInfo>& columns, const TableWriteOptions& options) {
    std::string h = "# %ECSV 1.0\n# ---\n# datatype:\n";
    for (const ColumnInfo& c : columns) {
        h += "# - {name: " + yamlScalar(c.name);
        if (!c.unit.empty())
            h += ", unit: " + yamlScalar(c.unit);
        h += ", datatype: ";
        h += datatypeOf(c.type);
        if (!c.description.empty())
            h += ", description: " + yamlScalar(c.description);
        if (!c.ucd.empty())
            h += ", meta: {ucd: " + yamlScalar(c.ucd) + "}";
        h += "}\n";
    }
    if (!options.tableName.empty() || !options.description.empty()) {
        h += "# meta: !!omap\n";
        if (!options.tableName.empty())
            h += "# - {name: " + yamlScalar(options.tableName) + "}\n";
        if (!options.description.empty())
            h += "# - {description: " + yamlScalar(options.description) + "}\n";
    }
    h += "# schema: astropy-2.0\n";
    return h;
}

std::unique_ptr<TableWriter> createEcsvTableWriter(const std::string& path, const std::vector<ColumnInfo>& columns,
                                                   const TableWriteOptions& options) {
    DelimitedLayout layout;
    layout.delimiter = ' ';
    layout.header = ecsvHeaderText(columns, options);
    layout.nullText = "\"\"";
    layout.formatName = "ECSV";
    return createDelimitedTableWriter(path, columns, std::move(layout));
}

} // namespace starlocus::core::table
