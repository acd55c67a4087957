// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The model options shared by every command: --model FILE [--normalization FILE].
#include "app/cli/cli_arguments.h"
#include "core/io/model_file.h"

namespace starlocus::cli {

inline const std::set<std::string> kModelOptions{"model", "normalization"};

inline core::StellarModel loadModelOption(const CliArguments& args) {
    return core::loadAnyModel(args.required("model"), args.value("normalization").value_or(""));
}

} // namespace starlocus::cli
