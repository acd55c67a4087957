// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/training/training_config.h"

#include "core/common/input_error.h"

namespace starlocus::core {
namespace {

void require(bool ok, const char* field, const std::string& reason) {
    if (!ok)
        throw InputError("", field, reason);
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
    throw InputError("", "initialization", "must be physical or keras, got " + std::string(text));
}

// Every comparison below is written so that NaN fails it (NaN > 0 and NaN <= 1 are false).
void TrainingConfig::validate() const {
    require(iterations >= 1 && iterations <= 1000, "iterations", "must be between 1 and 1000");
    require(epochsPerIteration >= 1 && epochsPerIteration <= 10000, "epochs", "must be between 1 and 10000");
    require(batchSize >= 1 && batchSize <= 1 << 20, "batch", "must be between 1 and 1048576");
    require(std::isfinite(learningRate) && learningRate > 0.0, "learning_rate", "must be > 0");
    require(std::isfinite(learningRateDecay) && learningRateDecay > 0.0 && learningRateDecay <= 1.0,
            "learning_rate_decay", "must be in (0, 1]");
    require(adamBeta1 >= 0.0 && adamBeta1 < 1.0, "adam_beta1", "must be in [0, 1)");
    require(adamBeta2 >= 0.0 && adamBeta2 < 1.0, "adam_beta2", "must be in [0, 1)");
    require(std::isfinite(adamEpsilon) && adamEpsilon > 0.0, "adam_epsilon", "must be finite and > 0");
    require(std::isfinite(l2Hidden) && l2Hidden >= 0.0, "l2_hidden", "must be ≥ 0");
    require(std::isfinite(l1Extinction) && l1Extinction >= 0.0, "l1_extinction", "must be ≥ 0");
    require(!hiddenLayers.empty() && hiddenLayers.size() <= 8, "hidden_layers", "must list 1 to 8 layer sizes");
    for (int width : hiddenLayers)
        require(width >= 1 && width <= 1024, "hidden_layers", "each size must be between 1 and 1024");
    // An infinite start made thresholdAfter ∞·0 = NaN, and every star passed the cut.
    require(std::isfinite(thresholdStart) && thresholdFinal > 0.0 && thresholdFinal <= thresholdStart, "threshold",
            "need 0 < final ≤ start, both finite");
    require(thresholdDecayIterations >= 2, "threshold_iterations", "must be ≥ 2");
    require(firstIterationMaxSigmaE > 0.0, "first_iteration_max_sigma_e", "must be > 0");
    require(trainFraction > 0.0 && validationFraction >= 0.0 && trainFraction + validationFraction <= 1.0,
            "split", "fractions must be ≥ 0 with train > 0 and train + validation ≤ 1");
    require(threads >= 0 && threads <= 256, "threads", "must be between 0 (all cores) and 256");
}

} // namespace starlocus::core
