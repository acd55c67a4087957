// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/cli/cli.h"
#ifdef STARLOCUS_WITH_FIGURES
#include "app/figures/figures_command.h"
#endif

#include <iostream>

int main(int argc, char** argv) {
#ifdef STARLOCUS_WITH_FIGURES
    starlocus::figures::registerFiguresCommand(); // needs the GUI library: only in GUI builds
#endif
    std::vector<std::string> args(argv + 1, argv + argc);
    return starlocus::cli::runCli(args, std::cout, std::cerr);
}
