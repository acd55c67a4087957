// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// starlocus-cli as a function, so tests run it in-process. Exit codes: 0 success,
// 2 bad input (usage or an unusable file: one line naming the file and the field; also an
// input that needs more memory than the machine has), 1 an internal failure (a bug).
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
int runExport(const std::vector<std::string>& args, std::ostream& out);
int runFitStars(const std::vector<std::string>& args, std::ostream& out);
int runImport(const std::vector<std::string>& args, std::ostream& out);

// One command run with the exit-code rules above: UsageError, core::TrainingError,
// core::InputError and running out of memory (std::bad_alloc, std::length_error) become one
// line on `err` ("<who>: <message>") and exit code 2, any other exception
// "<who>: internal error (a bug: please report it): ..." and exit code 1. Shared with starlocus-figures,
// which lives outside this library because it needs the GUI library.
using CommandFunction = int (*)(const std::vector<std::string>& args, std::ostream& out);
int runReportingErrors(const std::string& who, CommandFunction run, const std::vector<std::string>& args,
                       std::ostream& out, std::ostream& err);

} // namespace starlocus::cli
