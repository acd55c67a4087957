// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The rendering behind starlocus-figures: every science view (Figs. 6–12), or one with its
// settings, rendered headless to fig06_cmd.pdf … fig12_scores.pdf. It needs the Qt Widgets
// library, so it lives outside starlocus_cli (starlocus-cli links no Qt).
#include <iosfwd>
#include <string>
#include <vector>

namespace starlocus::figures {

// `args`: the options (--model … --out DIR …). Throws cli::UsageError or core::InputError
// for bad input; runFiguresProgram turns those into exit code 2.
int runFigures(const std::vector<std::string>& args, std::ostream& out);

} // namespace starlocus::figures
