// SPDX-License-Identifier: GPL-3.0-or-later
// starlocus-figures: the paper's figures rendered headless (the science views of the GUI,
// without a window). Built with the GUI; starlocus-cli stays free of the GUI libraries.
#include "app/figures/figures_program.h"

#include <iostream>

int main(int argc, char** argv) {
    const std::vector<std::string> args(argv + 1, argv + argc);
    return starlocus::figures::runFiguresProgram(args, std::cout, std::cerr);
}
