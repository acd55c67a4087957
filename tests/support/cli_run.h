// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Runs starlocus-cli in-process and keeps its exit code, standard output and error.
#include "app/cli/cli.h"

#include <sstream>
#include <string>
#include <vector>

namespace starlocus::test {

struct CliRun {
    int code;
    std::string out;
    std::string err;
};

inline CliRun runCliCommand(const std::vector<std::string>& args) {
    std::ostringstream out, err;
    const int code = starlocus::cli::runCli(args, out, err);
    return {code, out.str(), err.str()};
}

} // namespace starlocus::test
