// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The one description of the settings of a training run: per setting of TrainingConfig its
// name, checkpoint JSON key, command-line flag, dialog label, unit, range, help text and
// where it lives in the struct. The checkpoint's JSON, the CLI's options and usage text,
// the settings dialog and TrainingConfig::validate() all iterate this table, so a new
// setting is one new row (plus its member in TrainingConfig).
#include "core/training/training_config.h"

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace starlocus::core {

// Where a setting shows in the settings dialog (None: not in the form; it travels through
// the dialog unchanged).
enum class SettingsGroup { None, Schedule, Loss, OutlierCut, Split };

// The member a field reads and writes; its type decides the kind of value.
using ConfigMember = std::variant<int TrainingConfig::*,           // a whole number in [min, max]
                                  double TrainingConfig::*,        // a finite real in the range
                                  std::uint64_t TrainingConfig::*, // any whole number ≥ 0 (the seed)
                                  std::vector<int> TrainingConfig::*, // a list of whole numbers
                                  Initialization TrainingConfig::*>;  // one of initializationChoices()

struct ConfigField {
    std::string_view name;    // identifier (the dialog's widget is name + "Field")
    std::string_view jsonKey; // key in a checkpoint's "config" JSON; the field of validate()'s InputError
    std::string_view cliFlag; // starlocus-cli train --<cliFlag>
    std::string_view label;   // English dialog label with its & shortcut; the dialog translates it
    std::string_view unit;    // for the usage text; "" when the value has none
    std::string_view help;    // one line for the usage text
    ConfigMember member;
    // Range of the value (of each entry for a list). Reals: bounds are exclusive where said.
    double min = 0.0;
    double max = 0.0;
    bool minExclusive = false;
    bool maxExclusive = false;
    // A list holds between minCount and maxCount entries.
    int minCount = 0;
    int maxCount = 0;
    SettingsGroup group = SettingsGroup::None;
    // Resuming a checkpoint takes its value; false where the run may change it (threads:
    // results do not depend on the number of threads).
    bool fixedByCheckpoint = true;
    std::string_view zeroMeans;     // label of the value 0 in the dialog ("all cores"), if any
    // The word for the value 0 on the command line and in fieldText ("auto" for the epochs);
    // "" where 0 is written as 0.
    std::string_view zeroWord;
    std::string_view dialogToolTip; // "" for none
    // The value of checkpoints written before the setting existed, as text; "" where every
    // checkpoint holds it.
    std::string_view valueWhenAbsent;

    bool isInteger() const { return std::holds_alternative<int TrainingConfig::*>(member); }
    bool isReal() const { return std::holds_alternative<double TrainingConfig::*>(member); }
    bool isSeed() const { return std::holds_alternative<std::uint64_t TrainingConfig::*>(member); }
    bool isList() const { return std::holds_alternative<std::vector<int> TrainingConfig::*>(member); }
    bool isChoice() const { return std::holds_alternative<Initialization TrainingConfig::*>(member); }
};

// Every setting, in the order of the usage text and the dialog.
std::span<const ConfigField> trainingConfigFields();
// The row with this JSON key (validate()'s field) or CLI flag; nullptr for none.
const ConfigField* configFieldByKey(std::string_view jsonKey);
const ConfigField* configFieldByFlag(std::string_view cliFlag);

// The row of a member (every member of TrainingConfig has one).
const ConfigField& configFieldOf(ConfigMember member);

// The choices of a choice field, in the order the usage text lists them.
std::vector<std::string_view> initializationChoices();

// The value as text: shortest decimal that reads back as the same number, a list as
// "32,32", a choice by its name, 0 as the field's zeroWord if it has one.
std::string fieldText(const ConfigField& field, const TrainingConfig& config);
// Sets the value from text written as fieldText writes it; InputError("", jsonKey, reason)
// when the text is not a value of the field's kind (the range is validate()'s business).
void setFieldFromText(const ConfigField& field, TrainingConfig& config, std::string_view text);

// Why the field's value is outside its range, or nullopt when it is within. The reason
// does not name the setting: each front end names it its own way (CLI flag, dialog label,
// JSON key).
std::optional<std::string> fieldProblem(const ConfigField& field, const TrainingConfig& config);
// "must be between 1 and 1000", "must be in (0, 1]", …: the field's range in words.
std::string rangeText(const ConfigField& field);

} // namespace starlocus::core
