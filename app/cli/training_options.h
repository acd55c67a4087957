// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The training settings of `starlocus-cli train` as options: one --flag per row of the
// settings table (core/training/training_config_fields.h), read, checked and listed in the
// usage text from that table.
#include "app/cli/cli_arguments.h"
#include "core/training/training_config.h"

#include <ostream>
#include <set>
#include <string>

namespace starlocus::cli {

// The option names of every setting (without "--").
std::set<std::string> trainingOptionNames();

// The defaults with every setting given on the command line applied, validated. A value
// that is not one of the setting's kind or is outside its range is a UsageError naming the
// option: "option --lr: must be > 0".
core::TrainingConfig trainingConfigFromArguments(const CliArguments& args);

// Resuming: the checkpoint fixes the run's settings. Refuses, in one line naming every
// conflicting option and the checkpoint's value, a command line that sets one of them to
// something else; applies those the run may change (--threads).
void reconcileWithCheckpoint(const CliArguments& args, const core::TrainingConfig& given,
                             const std::string& resumePath, core::TrainingConfig& checkpointConfig);

// One line per setting for the usage text: option, help, default and range.
void printTrainingOptions(std::ostream& out);

} // namespace starlocus::cli
