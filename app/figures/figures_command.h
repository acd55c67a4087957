// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// `starlocus-cli figures`: every science view (Figs. 6–12), or one with its settings,
// rendered headless to fig06_cmd.pdf … fig12_scores.pdf. It needs the Qt Widgets library,
// so it lives outside starlocus_cli and is registered into it when the GUI is built.
#include <iosfwd>
#include <string>
#include <vector>

namespace starlocus::figures {

// Throws cli::UsageError or core::InputError for bad input (exit code 2 via runCli).
int runFigures(const std::vector<std::string>& args, std::ostream& out);

// Adds `figures` to starlocus-cli's commands.
void registerFiguresCommand();

} // namespace starlocus::figures
