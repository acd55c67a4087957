// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/cli/training_options.h"

#include "core/common/input_error.h"
#include "core/training/training_config_fields.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace starlocus::cli {
namespace {

using core::ConfigField;

std::string option(const ConfigField& field) { return "--" + std::string(field.cliFlag); }

// The UsageError of a setting's InputError: named by its option, not its JSON key.
[[noreturn]] void rethrowAsUsage(const core::InputError& e) {
    const ConfigField* field = core::configFieldByKey(e.field());
    throw UsageError((field ? "option " + option(*field) : "option " + e.field()) + ": " + e.reason());
}

std::string metavar(const ConfigField& f) {
    if (f.isChoice()) {
        std::string text;
        for (std::string_view c : core::initializationChoices())
            text += (text.empty() ? "" : "|") + std::string(c);
        return text;
    }
    if (!f.zeroWord.empty())
        return std::string(f.zeroWord) + "|N";
    return f.isList() ? "N,N" : f.isReal() ? "X" : "N";
}

// The range in ASCII for the usage text.
std::string usageRange(const ConfigField& f) {
    const auto number = [](double v) {
        char text[32];
        std::snprintf(text, sizeof text, "%.10g", v);
        return std::string(text);
    };
    if (f.isSeed())
        return ">= 0";
    if (f.isChoice())
        return "";
    std::string text;
    if (f.isInteger() && !f.zeroWord.empty() && f.min == 0.0)
        text = std::string(f.zeroWord) + " or [1, " + number(f.max) + "]";
    else if (f.isReal() && std::isinf(f.max))
        text = (f.minExclusive ? "> " : ">= ") + number(f.min);
    else
        text = (f.minExclusive ? "(" : "[") + number(f.min) + ", " + number(f.max) + (f.maxExclusive ? ")" : "]");
    if (f.isList())
        text = std::to_string(f.minCount) + " to " + std::to_string(f.maxCount) + " values in " + text;
    return text;
}

} // namespace

std::set<std::string> trainingOptionNames() {
    std::set<std::string> names;
    for (const ConfigField& field : core::trainingConfigFields())
        names.emplace(field.cliFlag);
    return names;
}

core::TrainingConfig trainingConfigFromArguments(const CliArguments& args) {
    core::TrainingConfig config;
    try {
        for (const ConfigField& field : core::trainingConfigFields())
            if (auto text = args.value(std::string(field.cliFlag)))
                core::setFieldFromText(field, config, *text);
        config.validate();
    } catch (const core::InputError& e) {
        rethrowAsUsage(e);
    }
    return config;
}

void reconcileWithCheckpoint(const CliArguments& args, const core::TrainingConfig& given,
                             const std::string& resumePath, core::TrainingConfig& checkpointConfig) {
    std::string conflicts, changeable;
    for (const ConfigField& field : core::trainingConfigFields()) {
        if (!field.fixedByCheckpoint) {
            changeable += (changeable.empty() ? "" : ", ") + option(field);
            continue;
        }
        if (!args.value(std::string(field.cliFlag)))
            continue;
        const std::string mine = core::fieldText(field, given), theirs = core::fieldText(field, checkpointConfig);
        if (mine != theirs)
            conflicts += (conflicts.empty() ? "" : ", ") + option(field) + " " + mine + " (checkpoint: " + theirs + ")";
    }
    if (!conflicts.empty())
        throw UsageError("option --resume: " + resumePath +
                         " fixes the run's settings and the command line differs: " + conflicts +
                         "; leave them out to continue the run as it was (only " + changeable + " may change)");
    // Results do not depend on these (--threads: fixed chunking and summation order).
    for (const ConfigField& field : core::trainingConfigFields())
        if (!field.fixedByCheckpoint && args.value(std::string(field.cliFlag)))
            core::setFieldFromText(field, checkpointConfig, core::fieldText(field, given));
}

void printTrainingOptions(std::ostream& out) {
    const core::TrainingConfig defaults;
    out << "train settings (default; range):\n";
    for (const ConfigField& field : core::trainingConfigFields()) {
        std::string head = "  " + option(field) + " " + metavar(field);
        head.resize(std::max<std::size_t>(head.size() + 1, 34), ' ');
        std::string tail = " (" + core::fieldText(field, defaults);
        if (!field.unit.empty())
            tail += " " + std::string(field.unit);
        if (const std::string range = usageRange(field); !range.empty())
            tail += "; " + range;
        out << head << field.help << tail << ")\n";
    }
}

} // namespace starlocus::cli
