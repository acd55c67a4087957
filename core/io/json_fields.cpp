// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/io/json_fields.h"

#include "core/common/input_error.h"

#include <cmath>

namespace starlocus::core::json_fields {
namespace {

std::string typeName(const json& value) { return value.type_name(); } // "string", "number", ... (noexcept)

// Bracket depth outside string literals; stops counting once past the limit.
bool nestsTooDeep(const std::string& text) {
    int depth = 0;
    bool inString = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (inString) {
            if (c == '\\')
                ++i;
            else if (c == '"')
                inString = false;
        } else if (c == '"') {
            inString = true;
        } else if (c == '[' || c == '{') {
            if (++depth > kMaxNestingDepth)
                return true;
        } else if (c == ']' || c == '}') {
            --depth;
        }
    }
    return false;
}

} // namespace

json parse(const std::string& text, const std::string& file, const std::string& field) {
    if (nestsTooDeep(text))
        throw InputError(file, field, "JSON nested deeper than " + std::to_string(kMaxNestingDepth) + " levels");
    try {
        return json::parse(text);
    } catch (const json::exception& e) {
        // e.what() is "[json.exception.parse_error.101] parse error at line 1, column 5: …":
        // keep the position and the reason, drop the library's tag.
        std::string reason = e.what();
        if (const auto close = reason.find("] "); reason.rfind("[json.exception", 0) == 0 && close != std::string::npos)
            reason.erase(0, close + 2);
        throw InputError(file, field, "not valid JSON: " + reason);
    }
}

const json* optionalMember(const json& object, const std::string& key, const std::string& file,
                           const std::string& field) {
    if (!object.is_object())
        throw InputError(file, field, "expected a JSON object, found " + typeName(object));
    const auto it = object.find(key);
    return it == object.end() ? nullptr : &*it;
}

const json& member(const json& object, const std::string& key, const std::string& file, const std::string& field) {
    const json* m = optionalMember(object, key, file, field);
    if (!m)
        throw InputError(file, field + "/" + key, "missing");
    return *m;
}

const json& element(const json& array, std::size_t index, const std::string& file, const std::string& field) {
    if (!array.is_array())
        throw InputError(file, field, "expected a JSON array, found " + typeName(array));
    if (index >= array.size())
        throw InputError(file, field, "expected at least " + std::to_string(index + 1) + " entries, found " +
                                          std::to_string(array.size()));
    return array[index];
}

std::int64_t integer(const json& value, std::int64_t min, std::int64_t max, const std::string& file,
                     const std::string& field) {
    std::int64_t v = 0;
    if (value.is_number_unsigned()) {
        const auto u = value.get<std::uint64_t>();
        if (u > std::uint64_t(max))
            throw InputError(file, field, "must be between " + std::to_string(min) + " and " + std::to_string(max));
        v = std::int64_t(u);
    } else if (value.is_number_integer()) {
        v = value.get<std::int64_t>();
    } else {
        throw InputError(file, field, "must be an integer, found " + typeName(value) +
                                          (value.is_string() ? " \"" + value.get<std::string>().substr(0, 32) + "\"" : ""));
    }
    if (v < min || v > max)
        throw InputError(file, field, "must be between " + std::to_string(min) + " and " + std::to_string(max));
    return v;
}

double finiteNumber(const json& value, const std::string& file, const std::string& field) {
    if (!value.is_number())
        throw InputError(file, field, "must be a number, found " + typeName(value));
    const double v = value.get<double>();
    if (!std::isfinite(v))
        throw InputError(file, field, "must be finite");
    return v;
}

std::string string(const json& value, const std::string& file, const std::string& field) {
    if (!value.is_string())
        throw InputError(file, field, "must be a string, found " + typeName(value));
    return value.get<std::string>();
}

bool boolean(const json& value, const std::string& file, const std::string& field) {
    if (!value.is_boolean())
        throw InputError(file, field, "must be true or false, found " + typeName(value));
    return value.get<bool>();
}

} // namespace starlocus::core::json_fields
