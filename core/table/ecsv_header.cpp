// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/table/ecsv_header.h"

#include "core/common/input_error.h"

#include <algorithm>
#include <map>

namespace starlocus::core::table {
namespace {

const char* const kField = "ECSV header";

std::size_t indentOf(const std::string& line) {
    const std::size_t at = line.find_first_not_of(' ');
    return at == std::string::npos ? line.size() : at;
}

std::string trim(const std::string& text) {
    const std::size_t begin = text.find_first_not_of(" \t");
    if (begin == std::string::npos)
        return {};
    const std::size_t end = text.find_last_not_of(" \t");
    return text.substr(begin, end - begin + 1);
}

// A YAML scalar as written: '…' ('' is a quote), "…" (backslash escapes), or plain.
std::string scalar(const std::string& raw) {
    const std::string text = trim(raw);
    if (text.size() >= 2 && text.front() == '\'' && text.back() == '\'') {
        std::string out;
        for (std::size_t i = 1; i + 1 < text.size(); ++i) {
            out += text[i];
            if (text[i] == '\'' && text[i + 1] == '\'')
                ++i;
        }
        return out;
    }
    if (text.size() >= 2 && text.front() == '"' && text.back() == '"') {
        std::string out;
        for (std::size_t i = 1; i + 1 < text.size(); ++i) {
            if (text[i] == '\\' && i + 2 < text.size()) {
                const char c = text[++i];
                out += c == 'n' ? '\n' : c == 't' ? '\t' : c;
            } else {
                out += text[i];
            }
        }
        return out;
    }
    return text;
}

// The top-level "key: value" pairs of a flow mapping's inside, split at commas outside quotes
// and nested brackets; nested values are kept as their raw text.
std::map<std::string, std::string> flowMapping(const std::string& inside, const std::string& path) {
    std::map<std::string, std::string> out;
    std::vector<std::string> parts;
    std::string current;
    int depth = 0;
    char quote = 0;
    for (std::size_t i = 0; i < inside.size(); ++i) {
        const char c = inside[i];
        if (quote) {
            current += c;
            if (c == quote) {
                if (quote == '\'' && i + 1 < inside.size() && inside[i + 1] == '\'')
                    current += inside[++i];
                else
                    quote = 0;
            } else if (quote == '"' && c == '\\' && i + 1 < inside.size()) {
                current += inside[++i];
            }
            continue;
        }
        if (c == '\'' || c == '"')
            quote = c;
        else if (c == '{' || c == '[')
            ++depth;
        else if (c == '}' || c == ']')
            --depth;
        if (c == ',' && depth == 0) {
            parts.push_back(current);
            current.clear();
        } else {
            current += c;
        }
    }
    if (quote || depth != 0)
        throw InputError(path, kField, "a column's {…} entry is not closed: '" + inside + "'");
    if (!trim(current).empty())
        parts.push_back(current);
    for (const std::string& part : parts) {
        const std::size_t colon = part.find(": ");
        if (colon == std::string::npos)
            throw InputError(path, kField, "'" + trim(part) + "' in a column's entry is not 'key: value'");
        out[trim(part.substr(0, colon))] = part.substr(colon + 2);
    }
    return out;
}

ColumnInfo columnOf(const std::map<std::string, std::string>& entry, const std::string& path) {
    auto value = [&](const char* key) {
        const auto it = entry.find(key);
        return it == entry.end() ? std::string() : scalar(it->second);
    };
    ColumnInfo column;
    column.name = value("name");
    if (column.name.empty())
        throw InputError(path, kField, "a column of `datatype` has no name");
    column.fileType = value("datatype");
    column.unit = value("unit");
    column.description = value("description");
    // A UCD travels in the column's meta (as Astropy keeps a VOTable's): {ucd: phot.mag}.
    if (const auto meta = entry.find("meta"); meta != entry.end()) {
        const std::string m = trim(meta->second);
        if (m.size() >= 2 && m.front() == '{' && m.back() == '}') {
            const auto inner = flowMapping(m.substr(1, m.size() - 2), path);
            if (const auto ucd = inner.find("ucd"); ucd != inner.end())
                column.ucd = scalar(ucd->second);
        }
    }
    if (const auto ucd = entry.find("meta ucd"); column.ucd.empty() && ucd != entry.end())
        column.ucd = scalar(ucd->second);
    const std::string& t = column.fileType;
    if (entry.count("subtype"))
        throw InputError(path, kField,
                         "column '" + column.name + "' has subtype " + value("subtype") +
                             ": multidimensional and variable-length columns cannot be imported");
    if (t == "bool")
        column.type = ColumnType::Boolean;
    else if (t == "int8" || t == "int16" || t == "int32" || t == "int64" || t == "uint8" || t == "uint16" ||
             t == "uint32" || t == "uint64")
        column.type = ColumnType::Integer;
    else if (t == "float16" || t == "float32" || t == "float64" || t == "float128")
        column.type = ColumnType::Real;
    else if (t == "string")
        column.type = ColumnType::Text;
    else if (t.empty())
        throw InputError(path, kField, "column '" + column.name + "' has no datatype");
    else
        throw InputError(path, kField,
                         "column '" + column.name + "' has datatype '" + t +
                             "', which StarLocus cannot import (bool, int8…uint64, float16…float128 or string)");
    return column;
}

} // namespace

EcsvHeader parseEcsvHeader(const std::vector<std::string>& lines, const std::string& path) {
    EcsvHeader header;
    bool sawDatatype = false;
    std::size_t i = 0;
    // Skips the lines of a block deeper than `indent`.
    auto skipBlock = [&](std::size_t indent) {
        while (i < lines.size() && (trim(lines[i]).empty() || indentOf(lines[i]) > indent))
            ++i;
    };
    while (i < lines.size()) {
        const std::string& line = lines[i];
        const std::string text = trim(line);
        if (text.empty() || text == "---" || text.front() == '#') {
            ++i;
            continue;
        }
        const std::size_t colon = text.find(':');
        const std::string key = colon == std::string::npos ? text : text.substr(0, colon);
        const std::string rest = colon == std::string::npos ? std::string() : trim(text.substr(colon + 1));
        const std::size_t indent = indentOf(line);
        ++i;
        if (key == "delimiter") {
            const std::string d = scalar(rest);
            if (d != " " && d != ",")
                throw InputError(path, kField, "delimiter '" + d + "': ECSV allows a space or a comma");
            header.delimiter = d.front();
            continue;
        }
        if (key != "datatype") {
            skipBlock(indent); // meta, schema, and anything a later ECSV adds
            continue;
        }
        sawDatatype = true;
        // The sequence: items start with "- " at this key's indentation or deeper.
        while (i < lines.size()) {
            const std::string& item = lines[i];
            const std::size_t itemIndent = indentOf(item);
            const std::string itemText = trim(item);
            if (itemText.empty()) {
                ++i;
                continue;
            }
            if (itemText.rfind("- ", 0) != 0 || itemIndent < indent)
                break;
            ++i;
            std::string body = trim(itemText.substr(2));
            if (!body.empty() && body.front() == '{') {
                // A flow mapping, possibly wrapped: gather lines until its braces close.
                auto balance = [](const std::string& s) {
                    int depth = 0;
                    char quote = 0;
                    for (char c : s) {
                        if (quote) {
                            if (c == quote)
                                quote = 0;
                        } else if (c == '\'' || c == '"') {
                            quote = c;
                        } else if (c == '{') {
                            ++depth;
                        } else if (c == '}') {
                            --depth;
                        }
                    }
                    return depth;
                };
                while (balance(body) > 0 && i < lines.size())
                    body += ' ' + trim(lines[i++]);
                if (balance(body) != 0 || body.back() != '}')
                    throw InputError(path, kField, "a column's {…} entry is not closed: '" + body + "'");
                header.columns.push_back(columnOf(flowMapping(body.substr(1, body.size() - 2), path), path));
                continue;
            }
            // A block mapping: "key: value" on the item's line and on deeper lines; nested
            // blocks (meta) skipped.
            std::map<std::string, std::string> entry;
            const std::size_t keyIndent = itemIndent + 2;
            std::string lastKey;
            auto takePair = [&](const std::string& pair) {
                // Astropy 5.2 writes a column's meta as an ordered map whose items sit at the keys'
                // indent: "meta: !!omap" then "- {ucd: phot.mag}".
                if (lastKey == "meta" && pair.size() > 2 && pair[0] == '-' && pair[1] == ' ') {
                    const std::string item = trim(pair.substr(2));
                    if (item.size() >= 2 && item.front() == '{' && item.back() == '}') {
                        const auto inner = flowMapping(item.substr(1, item.size() - 2), path);
                        if (const auto ucd = inner.find("ucd"); ucd != inner.end())
                            entry["meta ucd"] = ucd->second;
                    }
                    return;
                }
                const std::size_t c = pair.find(':');
                if (c == std::string::npos)
                    throw InputError(path, kField, "'" + pair + "' in a column's entry is not 'key: value'");
                lastKey = trim(pair.substr(0, c));
                entry[lastKey] = trim(pair.substr(c + 1));
            };
            if (!body.empty())
                takePair(body);
            while (i < lines.size()) {
                const std::string t = trim(lines[i]);
                if (t.empty()) {
                    ++i;
                    continue;
                }
                const std::size_t ind = indentOf(lines[i]);
                if (ind < keyIndent)
                    break;
                if (ind > keyIndent) {
                    ++i; // inside a nested block
                    continue;
                }
                takePair(t);
                ++i;
            }
            header.columns.push_back(columnOf(entry, path));
        }
    }
    if (!sawDatatype || header.columns.empty())
        throw InputError(path, kField, "no `datatype` list of columns");
    for (std::size_t a = 0; a < header.columns.size(); ++a)
        for (std::size_t b = a + 1; b < header.columns.size(); ++b)
            if (header.columns[a].name == header.columns[b].name)
                throw InputError(path, kField, "column name '" + header.columns[a].name + "' appears twice");
    return header;
}

} // namespace starlocus::core::table
