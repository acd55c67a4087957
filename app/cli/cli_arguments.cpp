// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/cli/cli_arguments.h"

#include <charconv>
#include <cmath>

namespace starlocus::cli {

CliArguments::CliArguments(const std::vector<std::string>& args, const std::set<std::string>& valued,
                           const std::set<std::string>& flags) {
    for (std::size_t i = 0; i < args.size(); ++i) {
        std::string arg = args[i];
        if (arg.rfind("--", 0) != 0)
            throw UsageError("unexpected argument '" + arg + "'");
        std::string name = arg.substr(2), inlineValue;
        bool hasInline = false;
        if (const auto eq = name.find('='); eq != std::string::npos) {
            inlineValue = name.substr(eq + 1);
            name = name.substr(0, eq);
            hasInline = true;
        }
        if (flags.count(name)) {
            if (hasInline)
                throw UsageError("option --" + name + " takes no value");
            flags_.insert(name);
        } else if (valued.count(name)) {
            if (values_.count(name))
                throw UsageError("option --" + name + " given twice");
            if (hasInline) {
                values_[name] = inlineValue;
            } else {
                if (i + 1 >= args.size())
                    throw UsageError("option --" + name + " needs a value");
                values_[name] = args[++i];
            }
        } else {
            throw UsageError("unknown option '--" + name + "'");
        }
    }
}

std::optional<std::string> CliArguments::value(const std::string& name) const {
    auto it = values_.find(name);
    if (it == values_.end())
        return std::nullopt;
    return it->second;
}

std::string CliArguments::required(const std::string& name) const {
    auto v = value(name);
    if (!v || v->empty())
        throw UsageError("missing required option --" + name);
    return *v;
}

std::optional<double> CliArguments::number(const std::string& name) const {
    auto v = value(name);
    if (!v)
        return std::nullopt;
    double out = 0.0;
    const char* end = v->data() + v->size();
    const auto [ptr, ec] = std::from_chars(v->data(), end, out);
    if (ec != std::errc() || ptr != end || !std::isfinite(out))
        throw UsageError("option --" + name + ": '" + *v + "' is not a finite number");
    return out;
}

double CliArguments::requiredNumber(const std::string& name) const {
    required(name);
    return *number(name);
}

std::string CliArguments::choice(const std::string& name, const std::vector<std::string>& choices,
                                 const std::string& fallback) const {
    auto v = value(name);
    if (!v)
        return fallback;
    for (const auto& c : choices)
        if (*v == c)
            return c;
    std::string list;
    for (const auto& c : choices)
        list += (list.empty() ? "" : ", ") + c;
    throw UsageError("option --" + name + ": '" + *v + "' is not one of " + list);
}

} // namespace starlocus::cli
