// SPDX-License-Identifier: GPL-3.0-or-later
#include "fuzz/mutators/json_mutator.h"

#include "fuzz/mutators/special_values.h"

#include <nlohmann/json.hpp>

#include <cctype>
#include <cstring>
#include <vector>

namespace starlocus::fuzz {
namespace {

using nlohmann::json;

// Keys the loaders look up (normalisation, Keras graph, training configuration).
const char* const kKeys[] = {"theta_med", "theta_std", "class_name", "config", "layers", "name", "inbound_nodes",
                             "output_layers", "input_layers", "units", "activation", "use_bias", "batch_input_shape",
                             "axes", "iterations", "epochs", "batch", "learning_rate", "hidden_layers", "seed",
                             "threads", "train_fraction", "validation_fraction", "threshold_iterations",
                             "initialization", "adam_epsilon"};

std::optional<json> parse(std::string_view text) {
    json j = json::parse(text.begin(), text.end(), nullptr, false);
    if (j.is_discarded())
        return std::nullopt;
    return j;
}

void collect(json& node, std::vector<json*>& out) {
    if (out.size() > 20000)
        return;
    out.push_back(&node);
    if (node.is_structured())
        for (auto& child : node)
            collect(child, out);
}

void collectStrings(const json& node, std::vector<std::string>& out) {
    if (node.is_string())
        out.push_back(node.get<std::string>());
    else if (node.is_structured() && out.size() < 1000)
        for (const auto& child : node)
            collectStrings(child, out);
}

json interestingValue(std::mt19937_64& rng) {
    switch (rng() % 16) {
    case 0: return nullptr;
    case 1: return bool(rng() & 1);
    case 2: return json::array();
    case 3: return json::array({json::array()});
    case 4: return json::object();
    case 5: return "";
    case 6: return "13";
    case 7: return std::string(size_t(1) << (rng() % 16), 'x');
    case 8: return std::int64_t(rng() % 2 ? INT64_MIN : INT64_MAX);
    case 9: return std::uint64_t(UINT64_MAX);
    case 10: return std::int64_t(rng() % 2 ? -1 : 0);
    case 11: return std::int64_t(2147483648LL);
    case 12: return json::array({nullptr});
    default: {
        const double v = specialValue(rng);
        return std::isfinite(v) ? json(v) : json(nullptr); // JSON has no NaN; text edits add 1e999
    }
    }
}

void editNode(json& node, const json& root, std::mt19937_64& rng) {
    switch (rng() % 8) {
    case 0: node = interestingValue(rng); return;
    case 1:
        if (node.is_number()) {
            const double v = specialValue(rng, node.get<double>());
            if (node.is_number_integer() && std::abs(v) < 9.2e18 && v == std::floor(v))
                node = std::int64_t(v);
            else
                node = std::isfinite(v) ? json(v) : json(1e300);
            return;
        }
        break;
    case 2: // same content, another type
        if (node.is_number())
            node = node.dump();
        else if (node.is_string())
            node = json::parse(node.get<std::string>(), nullptr, false).is_number()
                       ? json::parse(node.get<std::string>())
                       : json(13);
        else if (node.is_boolean())
            node = node.get<bool>() ? 1 : 0;
        else if (node.is_array() && !node.empty())
            node = node[0];
        return;
    case 3:
        if (node.is_array()) {
            switch (rng() % 5) {
            case 0: node = json::array(); break;
            case 1:
                if (!node.empty())
                    node.erase(node.begin() + std::ptrdiff_t(rng() % node.size()));
                break;
            case 2:
                if (!node.empty())
                    node.push_back(node[rng() % node.size()]);
                break;
            case 3: node.push_back(interestingValue(rng)); break;
            default: node = json::array({node}); break;
            }
            return;
        }
        break;
    case 4:
        if (node.is_object()) {
            if (!node.empty() && rng() % 2) {
                auto it = node.begin();
                std::advance(it, std::ptrdiff_t(rng() % node.size()));
                const std::string key = it.key();
                json value = *it;
                node.erase(key);
                if (rng() % 2)
                    node[kKeys[rng() % (sizeof kKeys / sizeof kKeys[0])]] = std::move(value);
            } else {
                node[kKeys[rng() % (sizeof kKeys / sizeof kKeys[0])]] = interestingValue(rng);
            }
            return;
        }
        break;
    case 5: // point a reference (a layer name, say) at another string of the document
        if (node.is_string()) {
            std::vector<std::string> strings;
            collectStrings(root, strings);
            if (!strings.empty())
                node = strings[rng() % strings.size()];
            return;
        }
        break;
    default: break;
    }
    node = interestingValue(rng);
}

// Edits JSON can only carry as text: numbers beyond double, invalid UTF-8 inside a string.
std::string textEdit(std::string text, std::mt19937_64& rng) {
    std::vector<std::size_t> quotes, digits;
    for (std::size_t k = 0; k < text.size(); ++k) {
        if (text[k] == '"')
            quotes.push_back(k);
        else if ((text[k] >= '0' && text[k] <= '9') && (k == 0 || !std::isalnum(static_cast<unsigned char>(text[k - 1]))))
            digits.push_back(k);
    }
    static const char* const bytes[] = {"\xff", "\xc3", "\xed\xa0\x80", "\xf4\x90\x80\x80", "\xc0\xaf", "\x01"};
    static const char* const numbers[] = {"1e999", "-1e999", "1e-400", "18446744073709551616", "-0", "1E+308",
                                          "00", "0.0000001e-320"};
    if (rng() % 2 && !quotes.empty()) {
        text.insert(quotes[rng() % quotes.size()] + 1, bytes[rng() % (sizeof bytes / sizeof bytes[0])]);
    } else if (!digits.empty()) {
        const std::size_t at = digits[rng() % digits.size()];
        std::size_t end = at;
        while (end < text.size() && std::strchr("0123456789.eE+-", text[end]))
            ++end;
        text.replace(at, end - at, numbers[rng() % (sizeof numbers / sizeof numbers[0])]);
    }
    return text;
}

std::string dump(const json& j) { return j.dump(-1, ' ', false, json::error_handler_t::replace); }

} // namespace

std::optional<std::string> mutateJson(std::string_view text, std::mt19937_64& rng) {
    auto doc = parse(text);
    if (!doc)
        return std::nullopt;
    const int edits = 1 + int(rng() % 3);
    for (int k = 0; k < edits; ++k) {
        std::vector<json*> nodes;
        collect(*doc, nodes);
        editNode(*nodes[rng() % nodes.size()], *doc, rng);
    }
    std::string out = dump(*doc);
    if (rng() % 4 == 0)
        out = textEdit(std::move(out), rng);
    return out;
}

std::optional<std::string> crossOverJson(std::string_view into, std::string_view from, std::mt19937_64& rng) {
    auto a = parse(into);
    auto b = parse(from);
    if (!a || !b)
        return std::nullopt;
    std::vector<json*> targets, donors;
    collect(*a, targets);
    collect(*b, donors);
    *targets[rng() % targets.size()] = *donors[rng() % donors.size()];
    return dump(*a);
}

} // namespace starlocus::fuzz
