// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// starlocus-figures as a function, so tests run it in-process: --help and --version, then
// runFigures with starlocus-cli's exit codes (0 ok, 2 bad input in one line naming the file
// and the field, 1 internal error).
#include <iosfwd>
#include <string>
#include <vector>

namespace starlocus::figures {

// `args` without the program name.
int runFiguresProgram(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

} // namespace starlocus::figures
