// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Typed reads of JSON read from a file (Keras model_config, the training configuration in
// checkpoints, the normalisation JSON). Every failure is an InputError naming the file and
// the field's path ("model_config/layers/BM/config/units"): no nlohmann exception text
// (type_error.302, out_of_range.403, ...) ever reaches the user.
#include <nlohmann/json.hpp>

#include <cstdint>
#include <optional>
#include <string>

namespace starlocus::core::json_fields {

using nlohmann::json;

// Deeper nesting than this is refused before parsing: copies, comparisons and dumps of a
// json value recurse, so a file of 100,000 '[' would overflow the stack later. Our formats
// nest at most ~8 levels (Keras inbound_nodes: layers → layer → nodes → node → tensor).
constexpr int kMaxNestingDepth = 64;

// Parses `text`; InputError(file, field, "not valid JSON: …") or "nested deeper than 64".
json parse(const std::string& text, const std::string& file, const std::string& field);

// The member `key` of `object` (InputError when `object` is not an object or has no `key`).
const json& member(const json& object, const std::string& key, const std::string& file, const std::string& field);
// nullptr when absent (InputError when `object` is not an object).
const json* optionalMember(const json& object, const std::string& key, const std::string& file,
                           const std::string& field);

// Element `index` of an array (InputError when not an array or too short).
const json& element(const json& array, std::size_t index, const std::string& file, const std::string& field);

// A JSON integer (not a float, not a string such as "13") within [min, max].
std::int64_t integer(const json& value, std::int64_t min, std::int64_t max, const std::string& file,
                     const std::string& field);
// Any JSON number, finite (1e400 parses to infinity).
double finiteNumber(const json& value, const std::string& file, const std::string& field);
std::string string(const json& value, const std::string& file, const std::string& field);
bool boolean(const json& value, const std::string& file, const std::string& field);

} // namespace starlocus::core::json_fields
