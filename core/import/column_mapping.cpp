// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/import/column_mapping.h"

#include "core/common/input_error.h"
#include "core/import/field_units.h"
#include "core/io/json_fields.h"

#include <algorithm>
#include <cctype>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

namespace starlocus::core::import {
namespace {

std::string lower(std::string_view s) {
    std::string out(s);
    for (char& c : out)
        c = char(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

// Up to five column names that share a prefix of three letters with `name`, for the message.
std::string nearNames(const std::vector<table::ColumnInfo>& columns, std::string_view name) {
    const std::string prefix = lower(name.substr(0, std::min<std::size_t>(3, name.size())));
    std::string out;
    int n = 0;
    for (const auto& c : columns)
        if (lower(c.name).rfind(prefix, 0) == 0 && n++ < 5)
            out += (out.empty() ? "" : ", ") + c.name;
    return out.empty() ? std::to_string(columns.size()) + " columns, none starting '" + prefix + "'"
                       : "similar: " + out;
}

} // namespace

nlohmann::json ColumnMapping::toJson() const {
    nlohmann::json f = nlohmann::json::object();
    for (const auto& [name, source] : fields) {
        if (source.unit.empty())
            f[name] = source.expression;
        else
            f[name] = {{"expr", source.expression}, {"unit", source.unit}};
    }
    nlohmann::json out = {{"fields", f}};
    if (!survey.empty())
        out["survey"] = survey;
    return out;
}

ColumnMapping ColumnMapping::fromJson(const nlohmann::json& json, const std::string& file) {
    namespace jf = json_fields;
    ColumnMapping m;
    if (!json.is_object())
        throw InputError(file, "", "a mapping spec is a JSON object with \"fields\"");
    if (const auto* s = jf::optionalMember(json, "survey", file, ""))
        m.survey = jf::string(*s, file, "survey");
    const auto& fieldsJson = jf::member(json, "fields", file, "");
    if (!fieldsJson.is_object())
        throw InputError(file, "fields", "must be an object: field name → column or expression");
    for (const auto& [name, entry] : fieldsJson.items()) {
        const std::string where = "fields/" + name;
        if (!fieldIndex(name))
            throw InputError(file, where, "no such field (docs/IMPORT.md lists them: teff, logg, feh, var_teff, "
                                          "mag_G, mag_err_G, parallax, …)");
        FieldSource source;
        if (entry.is_string()) {
            source.expression = entry.get<std::string>();
        } else if (entry.is_object()) {
            source.expression = jf::string(jf::member(entry, "expr", file, where), file, where + "/expr");
            if (const auto* u = jf::optionalMember(entry, "unit", file, where))
                source.unit = jf::string(*u, file, where + "/unit");
        } else {
            throw InputError(file, where, "must be a column name, an expression, or {\"expr\": …, \"unit\": …}");
        }
        if (source.expression.empty())
            throw InputError(file, where, "is empty");
        m.fields[name] = std::move(source);
    }
    return m;
}

ColumnMapping ColumnMapping::readFile(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw InputError(path, "", "cannot open the mapping spec");
    std::ostringstream text;
    text << in.rdbuf();
    if (in.bad())
        throw InputError(path, "", "cannot read the mapping spec");
    return fromJson(json_fields::parse(text.str(), path, ""), path);
}

std::vector<std::string> requiredFields() {
    // A label's uncertainty is var_X or sigma_X: "var_teff|sigma_teff" means either.
    return {"teff", "logg", "feh", "var_teff|sigma_teff", "var_logg|sigma_logg", "var_feh|sigma_feh",
            "mag_G", "mag_err_G", "parallax", "parallax_error"};
}

std::optional<std::size_t> findColumn(const std::vector<table::ColumnInfo>& columns, std::string_view name) {
    for (std::size_t i = 0; i < columns.size(); ++i)
        if (columns[i].name == name)
            return i;
    const std::string key = lower(name);
    std::optional<std::size_t> found;
    for (std::size_t i = 0; i < columns.size(); ++i)
        if (lower(columns[i].name) == key) {
            if (found)
                return std::nullopt; // ambiguous: Teff and TEFF both there
            found = i;
        }
    return found;
}

std::vector<ResolvedField> resolveMapping(const ColumnMapping& mapping, const std::vector<table::ColumnInfo>& columns,
                                          const std::string& table, const std::string& specFile, bool requireAll) {
    using table::ColumnType;
    std::vector<ResolvedField> out;
    for (const auto& [name, source] : mapping.fields) {
        const std::size_t index = *fieldIndex(name);
        const FieldInfo& info = field(index);
        ResolvedField r;
        r.field = index;
        try {
            r.expression = Expression::parse(source.expression);
        } catch (const ExpressionError& e) {
            throw InputError(specFile, "fields/" + name, e.what());
        }
        for (const std::string& column : r.expression.columns()) {
            const auto c = findColumn(columns, column);
            if (!c)
                throw InputError(table, column,
                                 "field '" + name + "' is mapped to column '" + column +
                                     "', which the table does not have (" + nearNames(columns, column) + ")");
            const ColumnType type = columns[*c].type;
            // A text field takes a numeric column too (a CSV column of digits such as rd_flg "222"
            // reads as numbers): its values are written out as text.
            if (info.kind != FieldKind::Text && type == ColumnType::Text)
                throw InputError(table, columns[*c].name,
                                 "field '" + name + "' needs numbers, and the column holds " +
                                     std::string(table::columnTypeName(type)) + " values");
            r.columns.push_back(*c);
        }
        if (info.kind != FieldKind::Real && !r.expression.isColumn())
            throw InputError(specFile, "fields/" + name,
                             "'" + name + "' is taken from one column as it is (an ID, bits or letters), not from "
                             "the expression '" + source.expression + "'");
        if (info.kind == FieldKind::Real) {
            // A bare column converts by its own unit; an expression's result is in the unit the spec gives.
            const std::string unit = r.expression.isColumn() && source.unit.empty() ? columns[r.columns[0]].unit
                                                                                    : source.unit;
            const auto factor = unitFactor(unit, info.dimension);
            if (!factor)
                throw InputError(
                    table, r.expression.isColumn() ? columns[r.columns[0]].name : name,
                    "unit '" + unit + "' cannot be converted to " + std::string(canonicalUnit(info.dimension)) +
                        " for field '" + name + "'" +
                        (info.dimension == Dimension::Magnitude
                             ? ": map the field to an expression, e.g. 22.5 - 2.5*log10(flux) for nanomaggies"
                             : ""));
            r.factor = *factor;
            if (unit.empty() && info.dimension != Dimension::None && r.expression.isColumn())
                r.note = "column " + columns[r.columns[0]].name + " has no unit: taken as " +
                         std::string(canonicalUnit(info.dimension));
        }
        out.push_back(std::move(r));
    }
    if (requireAll) {
        std::string missing;
        for (const std::string& name : requiredFields()) {
            const std::size_t bar = name.find('|');
            const bool mapped = bar == std::string::npos ? mapping.fields.contains(name)
                                                         : mapping.fields.contains(name.substr(0, bar)) ||
                                                               mapping.fields.contains(name.substr(bar + 1));
            if (!mapped)
                missing += (missing.empty() ? "" : ", ") + (bar == std::string::npos ? name : name.substr(0, bar) + " (or " + name.substr(bar + 1) + ")");
        }
        if (!missing.empty())
            throw InputError(table, "", "required fields not mapped: " + missing +
                                            " (give --map SPEC or a --preset that fits the table's columns)");
    }
    return out;
}

} // namespace starlocus::core::import
