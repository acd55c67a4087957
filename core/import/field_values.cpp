// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/import/field_values.h"

#include "core/import/import_fields.h"

#include <cmath>
#include <cstdio>

namespace starlocus::core::import {

FieldValues::FieldValues()
    : mapped_(importFields().size(), 0), real_(importFields().size()), integer_(importFields().size()),
      text_(importFields().size()), null_(importFields().size()) {}

void FieldValues::evaluate(const std::vector<ResolvedField>& fields, const table::TableChunk& chunk) {
    using table::ColumnType;
    rows_ = chunk.rows;
    std::fill(mapped_.begin(), mapped_.end(), 0);
    columnAsReal_.resize(chunk.columns.size());
    std::vector<std::uint8_t> converted(chunk.columns.size(), 0);
    std::vector<ExpressionInput> inputs;
    for (const ResolvedField& r : fields) {
        const FieldInfo& info = field(r.field);
        mapped_[r.field] = 1;
        if (info.kind == FieldKind::Text) {
            const table::ColumnValues& first = chunk.columns[r.columns[0]]; // one column: resolveMapping checked
            null_[r.field].assign(first.null.begin(), first.null.begin() + std::ptrdiff_t(rows_));
            auto& out = text_[r.field];
            if (!first.text.empty()) {
                out.assign(first.text.begin(), first.text.begin() + std::ptrdiff_t(rows_));
                continue;
            }
            // Digits read as a number: written back as the integer they were ("222").
            out.resize(rows_);
            for (std::size_t i = 0; i < rows_; ++i) {
                if (!first.integer.empty()) {
                    out[i] = std::to_string(first.integer[i]);
                } else {
                    const double x = first.real[i];
                    char buffer[32];
                    std::snprintf(buffer, sizeof buffer, x == std::trunc(x) && std::abs(x) < 1e15 ? "%.0f" : "%.17g", x);
                    out[i] = buffer;
                }
            }
            continue;
        }
        if (info.kind == FieldKind::Integer) {
            const table::ColumnValues& first = chunk.columns[r.columns[0]];
            // IDs and bit flags stay exact: a 19-digit source_id is not a double.
            auto& out = integer_[r.field];
            out.resize(rows_);
            null_[r.field].assign(first.null.begin(), first.null.begin() + std::ptrdiff_t(rows_));
            if (!first.integer.empty() || first.real.empty()) {
                for (std::size_t i = 0; i < rows_; ++i)
                    out[i] = first.integer[i];
            } else {
                // A CSV column of small integers is typed Real: take the value when it is integral.
                for (std::size_t i = 0; i < rows_; ++i) {
                    const double v = first.real[i];
                    if (std::isfinite(v) && v == std::trunc(v) && std::abs(v) < 9.0e15)
                        out[i] = std::int64_t(v);
                    else
                        null_[r.field][i] = 1;
                }
            }
            continue;
        }
        inputs.clear();
        for (std::size_t c : r.columns) {
            const table::ColumnValues& column = chunk.columns[c];
            if (column.real.size() >= rows_ && column.integer.empty()) {
                inputs.push_back({std::span<const double>(column.real.data(), rows_),
                                  std::span<const std::uint8_t>(column.null.data(), rows_)});
                continue;
            }
            if (!converted[c]) {
                auto& asReal = columnAsReal_[c];
                asReal.resize(rows_);
                for (std::size_t i = 0; i < rows_; ++i)
                    asReal[i] = double(column.integer[i]);
                converted[c] = 1;
            }
            inputs.push_back({std::span<const double>(columnAsReal_[c].data(), rows_),
                              std::span<const std::uint8_t>(column.null.data(), rows_)});
        }
        r.expression.evaluate(inputs, rows_, real_[r.field], null_[r.field]);
        if (r.factor != 1.0)
            for (double& v : real_[r.field])
                v *= r.factor;
    }
}

} // namespace starlocus::core::import
