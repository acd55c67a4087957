// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// starlocus-cli as a function, so tests run it in-process. Exit codes: 0 success,
// 2 bad input (usage or an unusable file: one line naming the file and the field),
// 1 an unexpected internal failure.
#include <iosfwd>
#include <string>
#include <vector>

namespace starlocus::cli {

inline constexpr int kExitOk = 0;
inline constexpr int kExitInternal = 1;
inline constexpr int kExitBadInput = 2;

int runCli(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

// The subcommands (args after the subcommand name). They throw UsageError or
// core::InputError for bad input; runCli turns those into exit code 2.
int runPredict(const std::vector<std::string>& args, std::ostream& out);
int runEvaluate(const std::vector<std::string>& args, std::ostream& out);
int runRefitReddening(const std::vector<std::string>& args, std::ostream& out);
int runTrain(const std::vector<std::string>& args, std::ostream& out);
int runMock(const std::vector<std::string>& args, std::ostream& out);

// Commands that live outside this library (e.g. `figures`, which needs the GUI library)
// register here before runCli; they follow the same exit-code and exception rules.
using CommandFunction = int (*)(const std::vector<std::string>& args, std::ostream& out);
void registerCommand(const std::string& name, CommandFunction run, const std::string& usage,
                     const std::string& summary);

} // namespace starlocus::cli
