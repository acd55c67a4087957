// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The small CSV tables compiled into the core (resources/tables/*.csv: the passband facts,
// the S16 reddening vectors): '#' comment lines and blank lines skipped, a fixed header,
// fields split on commas outside double quotes ("" inside quotes is a quote), surrounding
// spaces trimmed. Every defect is an InputError naming the table and the field.
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace starlocus::core {

struct CsvRecord {
    std::size_t line = 0; // 1-based line in the text
    std::vector<std::string> fields;
};

// The records after the header. Throws InputError(source, "header", …) when the first
// record is not `header` or there is none, and InputError(source, "columns", …) for a record
// with a different number of fields.
std::vector<CsvRecord> readCsvRecords(std::string_view csv, const std::vector<std::string>& header,
                                      const std::string& source);

// A finite number; an empty field gives NaN when `allowEmpty`, else an InputError naming `field`.
double parseCsvNumber(const std::string& text, const std::string& source, const std::string& field, std::size_t line,
                      bool allowEmpty = false);

} // namespace starlocus::core
