// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The values of every mapped import field over one chunk of a table's rows: what the rules
// read. Made from the reader's columns by evaluating the resolved mapping (column_mapping.h).
#include "core/import/column_mapping.h"
#include "core/table/table_column.h"

#include <cstdint>
#include <string>
#include <vector>

namespace starlocus::core::import {

class FieldValues {
public:
    FieldValues();

    // Evaluates `fields` on `chunk` (whose columns are the table's, in its order).
    void evaluate(const std::vector<ResolvedField>& fields, const table::TableChunk& chunk);

    std::size_t rows() const { return rows_; }
    bool mapped(std::size_t field) const { return mapped_[field]; }
    // False when the field is not mapped or the row has no value.
    bool has(std::size_t field, std::size_t row) const { return mapped_[field] && !null_[field][row]; }
    double real(std::size_t field, std::size_t row) const { return real_[field][row]; }
    std::int64_t integer(std::size_t field, std::size_t row) const { return integer_[field][row]; }
    const std::string& text(std::size_t field, std::size_t row) const { return text_[field][row]; }

private:
    std::size_t rows_ = 0;
    std::vector<std::uint8_t> mapped_;
    std::vector<std::vector<double>> real_;
    std::vector<std::vector<std::int64_t>> integer_;
    std::vector<std::vector<std::string>> text_;
    std::vector<std::vector<std::uint8_t>> null_;
    // A numeric column as doubles for the expressions (Integer columns converted once per chunk).
    std::vector<std::vector<double>> columnAsReal_;
};

} // namespace starlocus::core::import
