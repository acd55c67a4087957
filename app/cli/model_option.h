// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The model options shared by every command: --model FILE [--normalization FILE].
#include "app/cli/cli_arguments.h"
#include "core/io/model_file.h"
#include "core/likelihood/usable_model.h"

#include <ostream>
#include <string>
#include <vector>

namespace starlocus::cli {

inline const std::set<std::string> kModelOptions{"model", "normalization"};

// The model, refused (exit 2 naming the file) when it cannot predict: a NaN weight gave
// `predict` nulls, `evaluate` exit 0 with no star used and `refit-reddening` an all-NaN r_fit.
inline core::StellarModel loadModelOption(const CliArguments& args) {
    const std::string path = args.required("model");
    core::StellarModel model = core::loadAnyModel(path, args.value("normalization").value_or(""));
    core::requireUsableModel(model, path);
    return model;
}

// What the user should know about the files read but that does not stop the command (a file
// written before StarLocus stored checksums): one "note: " line each in the text output.
inline void printNotes(std::ostream& out, const std::vector<std::string>& notes) {
    for (const std::string& note : notes)
        out << "note: " << note << '\n';
}

} // namespace starlocus::cli
