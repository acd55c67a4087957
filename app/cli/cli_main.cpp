// SPDX-License-Identifier: GPL-3.0-or-later
// starlocus-cli: the batch commands. It links no Qt library at all (the rendering of the
// paper's figures is the separate program starlocus-figures, app/figures).
#include "app/cli/cli.h"

#include <iostream>

int main(int argc, char** argv) {
    std::vector<std::string> args(argv + 1, argv + argc);
    return starlocus::cli::runCli(args, std::cout, std::cerr);
}
