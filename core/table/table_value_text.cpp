// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/table/table_value_text.h"

#include <charconv>
#include <cmath>
#include <system_error>

namespace starlocus::core::table {

void appendReal(std::string& out, double value, NonFiniteSpelling spelling) {
    const bool python = spelling == NonFiniteSpelling::Python;
    if (std::isnan(value)) {
        out += python ? "nan" : "NaN";
        return;
    }
    if (std::isinf(value)) {
        out += value > 0 ? (python ? "inf" : "+Inf") : (python ? "-inf" : "-Inf");
        return;
    }
    // std::to_chars without a format: the shortest text that std::from_chars (and Python's
    // float, and strtod) turn back into exactly this double.
    char text[32];
    const auto [end, ec] = std::to_chars(text, text + sizeof text, value);
    out.append(text, ec == std::errc() ? end : text);
}

void appendInteger(std::string& out, std::int64_t value) {
    char text[24];
    const auto [end, ec] = std::to_chars(text, text + sizeof text, value);
    out.append(text, ec == std::errc() ? end : text);
}

void checkChunkShape(const std::vector<ColumnInfo>& columns, const TableChunk& chunk) {
    if (chunk.columns.size() != columns.size())
        throw std::invalid_argument("a table chunk holds " + std::to_string(chunk.columns.size()) +
                                    " columns; the writer was created with " + std::to_string(columns.size()));
    for (std::size_t c = 0; c < columns.size(); ++c) {
        const ColumnValues& v = chunk.columns[c];
        std::size_t held = 0;
        switch (columns[c].type) {
        case ColumnType::Real: held = v.real.size(); break;
        case ColumnType::Integer:
        case ColumnType::Boolean: held = v.integer.size(); break;
        case ColumnType::Text: held = v.text.size(); break;
        }
        if (held != chunk.rows || (!v.null.empty() && v.null.size() != chunk.rows))
            throw std::invalid_argument("column '" + columns[c].name + "' of a table chunk holds " +
                                        std::to_string(held) + " values and " + std::to_string(v.null.size()) +
                                        " null flags for " + std::to_string(chunk.rows) + " rows");
    }
}

} // namespace starlocus::core::table
