// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Column expressions of an import mapping (issue 15, docs/IMPORT.md "Expressions"): the value
// of a catalog field computed from a table's columns, e.g. `22.5 - 2.5*log10(flux_w1)`.
//
//   Expression e = Expression::parse("1.0857/phot_g_mean_flux_over_error");
//   e.columns();                       // {"phot_g_mean_flux_over_error"}
//   e.evaluate(inputs, rows, out);     // one value per row; null where any input is null
//
// Grammar: numbers, column names (letters, digits, '_', '.', and a trailing `[k]` as the
// readers name vector elements; any other name in backquotes `like this`), + - * / ^,
// unary minus, parentheses, and the functions log10 ln exp sqrt abs pow min max hypot.
// min and max skip nulls (the best S/N of several channels); every other operation is null
// when an operand is. A number out of a function's domain (log10 of 0) is NaN, which the
// import counts as an invalid value of the field, as it counts a NaN in the file.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <span>
#include <stdexcept>
#include <string>
#include <vector>

namespace starlocus::core::import {

// The values of one input of an expression over a block of rows.
struct ExpressionInput {
    std::span<const double> values;
    std::span<const std::uint8_t> null; // 1 = no value
};

class Expression {
public:
    // Throws ExpressionError (below) with the position and what was expected.
    static Expression parse(const std::string& text);

    const std::string& text() const { return text_; }
    // The column names the expression reads, each once, in order of first use.
    const std::vector<std::string>& columns() const { return columns_; }
    // True when the expression is one bare column name (its unit then converts by the column's).
    bool isColumn() const;

    // inputs[k] holds columns()[k]. Writes `rows` values and null flags.
    void evaluate(std::span<const ExpressionInput> inputs, std::size_t rows, std::vector<double>& values,
                  std::vector<std::uint8_t>& null) const;

    struct Node;
    Expression();
    ~Expression();
    Expression(const Expression&);
    Expression& operator=(const Expression&);
    Expression(Expression&&) noexcept;
    Expression& operator=(Expression&&) noexcept;

private:
    std::string text_;
    std::vector<std::string> columns_;
    std::shared_ptr<const Node> root_; // immutable once parsed: copies share it
};

class ExpressionError : public std::runtime_error {
public:
    ExpressionError(const std::string& text, std::size_t position, const std::string& reason);
    std::size_t position() const { return position_; }

private:
    std::size_t position_;
};

} // namespace starlocus::core::import
