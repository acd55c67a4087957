// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/training/training_config.h"

#include "core/common/input_error.h"
#include "core/training/training_config_fields.h"

namespace starlocus::core {
namespace {

void require(bool ok, const ConfigField& field, const std::string& reason) {
    if (!ok)
        throw InputError("", std::string(field.jsonKey), reason);
}

} // namespace

std::string_view initializationName(Initialization init) {
    return init == Initialization::Physical ? "physical" : "keras";
}

Initialization parseInitialization(std::string_view text) {
    if (text == "physical")
        return Initialization::Physical;
    if (text == "keras")
        return Initialization::Keras;
    throw InputError("", std::string(configFieldOf(&TrainingConfig::initialization).jsonKey),
                     "must be physical or keras, got " + std::string(text));
}

// Each setting against its range in the table (NaN fails every range), then the rules that
// tie two settings together.
void TrainingConfig::validate() const {
    for (const ConfigField& field : trainingConfigFields())
        if (auto problem = fieldProblem(field, *this))
            throw InputError("", std::string(field.jsonKey), *problem);
    // An infinite start made thresholdAfter ∞·0 = NaN, and every star passed the cut (the
    // range of the start excludes it).
    require(thresholdFinal <= thresholdStart, configFieldOf(&TrainingConfig::thresholdFinal),
            "must be at most the threshold at the start");
    require(trainFraction + validationFraction <= 1.0, configFieldOf(&TrainingConfig::trainFraction),
            "plus the validation fraction must be at most 1 (the rest is the test set)");
}

} // namespace starlocus::core
