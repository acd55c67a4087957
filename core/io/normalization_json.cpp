// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/io/normalization_json.h"

#include "core/common/input_error.h"
#include "core/io/json_fields.h"
#include "core/io/output_path.h"
#include "core/io/save_temporary.h"
#include "core/io/text_file_save.h"

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
    // The file is ~100 bytes; anything beyond 1 MiB is not a normalisation file (and is not
    // read into memory whole).
    constexpr std::uintmax_t kMaxBytes = 1u << 20;
    std::error_code ec;
    if (fs::is_directory(path, ec))
        throw InputError(path, "", "is a folder, not a file");
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw InputError(path, "", "file not found or unreadable");
    const std::uintmax_t bytes = fs::file_size(path, ec);
    if (!ec && bytes > kMaxBytes)
        throw InputError(path, "", "file of " + std::to_string(bytes) + " bytes: not a normalisation JSON (at most 1 MiB)");
    std::ostringstream text;
    text << in.rdbuf();
    const nlohmann::json doc = json_fields::parse(text.str(), path, "");
    if (!doc.is_object())
        throw InputError(path, "", "expected a JSON object with theta_med and theta_std");
    LabelNormalization norm;
    norm.median = readTriple(doc, path, "theta_med");
    norm.stddev = readTriple(doc, path, "theta_std");
    validateLabelNormalization(norm, path, "theta_med", "theta_std");
    return norm;
}

void writeNormalizationJson(const std::string& path, const LabelNormalization& norm) {
    nlohmann::json doc{{"theta_med", norm.median}, {"theta_std", norm.stddev}};
    saveTextFile(path, doc.dump() + "\n");
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
