// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/common/csv_table.h"

#include "core/common/input_error.h"

#include <cmath>
#include <cstdlib>
#include <limits>

namespace starlocus::core {
namespace {

std::string trimmed(const std::string& s) {
    const std::size_t first = s.find_first_not_of(' ');
    if (first == std::string::npos)
        return {};
    return s.substr(first, s.find_last_not_of(' ') - first + 1);
}

std::vector<std::string> splitRecord(std::string_view line) {
    std::vector<std::string> fields(1);
    bool quoted = false;
    for (std::size_t i = 0; i < line.size(); ++i) {
        const char c = line[i];
        if (quoted) {
            if (c == '"' && i + 1 < line.size() && line[i + 1] == '"') {
                fields.back() += '"';
                ++i;
            } else if (c == '"') {
                quoted = false;
            } else {
                fields.back() += c;
            }
        } else if (c == '"') {
            quoted = true;
        } else if (c == ',') {
            fields.emplace_back();
        } else if (c != '\r') {
            fields.back() += c;
        }
    }
    for (std::string& f : fields)
        f = trimmed(f);
    return fields;
}

std::string joined(const std::vector<std::string>& fields) {
    std::string out;
    for (const std::string& f : fields)
        out += (out.empty() ? "" : ",") + f;
    return out;
}

} // namespace

std::vector<CsvRecord> readCsvRecords(std::string_view csv, const std::vector<std::string>& header,
                                      const std::string& source) {
    std::vector<CsvRecord> records;
    bool headerSeen = false;
    std::size_t lineNo = 0, start = 0;
    while (start <= csv.size()) {
        const std::size_t end = std::min(csv.find('\n', start), csv.size());
        const std::string_view line = csv.substr(start, end - start);
        start = end + 1;
        ++lineNo;
        if (line.empty() || line == "\r" || line.front() == '#')
            continue;
        std::vector<std::string> fields = splitRecord(line);
        if (!headerSeen) {
            if (fields != header)
                throw InputError(source, "header",
                                 "expected '" + joined(header) + "' at line " + std::to_string(lineNo));
            headerSeen = true;
            continue;
        }
        if (fields.size() != header.size())
            throw InputError(source, "columns",
                             "expected " + std::to_string(header.size()) + " fields, got " +
                                 std::to_string(fields.size()) + " at line " + std::to_string(lineNo));
        records.push_back({lineNo, std::move(fields)});
    }
    if (!headerSeen)
        throw InputError(source, "header", "no header line");
    return records;
}

double parseCsvNumber(const std::string& text, const std::string& source, const std::string& field, std::size_t line,
                      bool allowEmpty) {
    if (text.empty()) {
        if (allowEmpty)
            return std::numeric_limits<double>::quiet_NaN();
        throw InputError(source, field, "is empty at line " + std::to_string(line));
    }
    char* end = nullptr;
    const double v = std::strtod(text.c_str(), &end);
    if (end == text.c_str() || *end != '\0' || !std::isfinite(v))
        throw InputError(source, field, "'" + text + "' is not a finite number at line " + std::to_string(line));
    return v;
}

} // namespace starlocus::core
