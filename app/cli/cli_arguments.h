// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// A small, strict command-line reader for starlocus-cli: `--name value` options and
// `--flag` switches after a subcommand. Unknown or repeated options and missing values
// are UsageErrors (exit code 2), never silently ignored.
#include <map>
#include <optional>
#include <set>
#include <stdexcept>
#include <string>
#include <vector>

namespace starlocus::cli {

class UsageError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

class CliArguments {
public:
    // `valued`: options that take a value; `flags`: switches.
    CliArguments(const std::vector<std::string>& args, const std::set<std::string>& valued,
                 const std::set<std::string>& flags);

    bool flag(const std::string& name) const { return flags_.count(name) > 0; }
    std::optional<std::string> value(const std::string& name) const;
    std::string required(const std::string& name) const;
    // A finite number; UsageError names the option when it is not one.
    std::optional<double> number(const std::string& name) const;
    double requiredNumber(const std::string& name) const;
    // One of `choices`, or the default.
    std::string choice(const std::string& name, const std::vector<std::string>& choices,
                       const std::string& fallback) const;

private:
    std::map<std::string, std::string> values_;
    std::set<std::string> flags_;
};

} // namespace starlocus::cli
