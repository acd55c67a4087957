// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/io/normalization_json.h"

#include "core/common/input_error.h"

#include <nlohmann/json.hpp>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace starlocus::core {
namespace fs = std::filesystem;

namespace {

std::array<double, 3> readTriple(const nlohmann::json& doc, const std::string& path, const char* key) {
    if (!doc.contains(key))
        throw InputError(path, key, "missing");
    const auto& v = doc.at(key);
    if (!v.is_array() || v.size() != 3)
        throw InputError(path, key, "expected an array of 3 numbers (Teff, log g, [Fe/H])");
    std::array<double, 3> out{};
    for (std::size_t k = 0; k < 3; ++k) {
        if (!v[k].is_number())
            throw InputError(path, key, "entry " + std::to_string(k) + " is not a number");
        out[k] = v[k].get<double>();
        if (!std::isfinite(out[k]))
            throw InputError(path, key, "entry " + std::to_string(k) + " is not finite");
    }
    return out;
}

} // namespace

LabelNormalization readNormalizationJson(const std::string& path) {
    std::ifstream in(path);
    if (!in)
        throw InputError(path, "", "file not found or unreadable");
    nlohmann::json doc;
    try {
        doc = nlohmann::json::parse(in);
    } catch (const nlohmann::json::exception& e) {
        throw InputError(path, "", std::string("not valid JSON: ") + e.what());
    }
    if (!doc.is_object())
        throw InputError(path, "", "expected a JSON object with theta_med and theta_std");
    LabelNormalization norm;
    norm.median = readTriple(doc, path, "theta_med");
    norm.stddev = readTriple(doc, path, "theta_std");
    for (std::size_t k = 0; k < 3; ++k)
        if (!(norm.stddev[k] > 0.0))
            throw InputError(path, "theta_std", "entry " + std::to_string(k) + " must be > 0 (it divides the labels)");
    return norm;
}

void writeNormalizationJson(const std::string& path, const LabelNormalization& norm) {
    nlohmann::json doc{{"theta_med", norm.median}, {"theta_std", norm.stddev}};
    const std::string tmp = path + ".tmp";
    {
        std::ofstream out(tmp);
        out.precision(17);
        out << doc.dump() << '\n';
        if (!out)
            throw InputError(path, "", "cannot write");
    }
    std::error_code ec;
    fs::rename(tmp, path, ec);
    if (ec)
        throw InputError(path, "", "cannot move into place: " + ec.message());
}

std::string findNormalizationBeside(const std::string& modelPath) {
    const fs::path model(modelPath);
    const fs::path dir = model.parent_path().empty() ? fs::path(".") : model.parent_path();
    for (const std::string& name : {model.stem().string() + ".json", model.stem().string() + "_normalization.json"}) {
        std::error_code ec;
        if (fs::is_regular_file(dir / name, ec))
            return (dir / name).string();
    }
    std::string found;
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(dir, ec)) {
        const std::string name = entry.path().filename().string();
        if (entry.is_regular_file() && name.find("normalization") != std::string::npos &&
            entry.path().extension() == ".json") {
            if (!found.empty())
                return {}; // ambiguous: make the user choose
            found = entry.path().string();
        }
    }
    return found;
}

} // namespace starlocus::core
