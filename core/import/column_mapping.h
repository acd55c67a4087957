// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Which input column (or expression of columns) feeds each import field (issue 15;
// docs/IMPORT.md "Mapping spec"). A mapping is read from JSON, made by the presets, edited in
// the GUI, and resolved against one table's columns before a row is read, so that every
// structural mistake (a column that does not exist, a text column where numbers are needed, a
// unit that cannot be converted, an expression that does not parse) is an error up front.
#include "core/import/expression.h"
#include "core/import/import_fields.h"
#include "core/table/table_column.h"

#include <map>
#include <string>
#include <vector>

#include <nlohmann/json_fwd.hpp>

namespace starlocus::core::import {

struct FieldSource {
    std::string expression; // a column name or an expression of columns
    std::string unit;       // unit of an expression's result ("" = the field's own); a bare column's is its own
};

struct ColumnMapping {
    // atm_source of every star when the field atm_source is not mapped ("lamost", …).
    std::string survey;
    std::map<std::string, FieldSource, std::less<>> fields;

    // {"survey": "lamost", "fields": {"teff": "teff", "var_teff": {"expr": "teff_err^2", "unit": "K2"}}}
    nlohmann::json toJson() const;
    // InputError(file, "fields/<name>", …) for an unknown field or a malformed entry.
    static ColumnMapping fromJson(const nlohmann::json& json, const std::string& file);
    static ColumnMapping readFile(const std::string& path);
};

// One mapped field, ready to evaluate on a table's chunks.
struct ResolvedField {
    std::size_t field = 0;               // index into importFields()
    Expression expression;               // its columns() are resolved to...
    std::vector<std::size_t> columns;    // ...these table column indices
    double factor = 1.0;                 // unit conversion into the field's unit
    std::string note;                    // e.g. "column teff has no unit: taken as K"
};

// The fields every import needs (the rest are optional or feed rules).
std::vector<std::string> requiredFields();

// Resolves `mapping` against a table's columns. Column names match exactly, else without
// regard to case when that is unique. InputError(table, column/field, reason) for: a column
// that does not exist (the message lists near names), a text column feeding a number or a
// number feeding a text field, an integer field given an expression, a unit that cannot be
// converted, an expression that does not parse; and, when `requireAll`, required fields that
// are not mapped (named).
std::vector<ResolvedField> resolveMapping(const ColumnMapping& mapping,
                                          const std::vector<table::ColumnInfo>& columns, const std::string& table,
                                          const std::string& specFile, bool requireAll);

// Index of `name` among `columns` (exact, else unique case-insensitive); nullopt otherwise.
std::optional<std::size_t> findColumn(const std::vector<table::ColumnInfo>& columns, std::string_view name);

} // namespace starlocus::core::import
