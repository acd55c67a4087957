// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/training/epoch_schedule.h"

#include <algorithm>
#include <cmath>

namespace starlocus::core {
namespace {

// 2030000 → "2,030,000": star counts are read at a glance.
std::string grouped(std::size_t n) {
    std::string digits = std::to_string(n), text;
    for (std::size_t k = 0; k < digits.size(); ++k) {
        if (k > 0 && (digits.size() - k) % 3 == 0)
            text += ',';
        text += digits[k];
    }
    return text;
}

} // namespace

std::size_t stepsPerEpoch(std::size_t trainingStars, int batchSize) {
    const auto batch = std::size_t(std::max(1, batchSize));
    return (trainingStars + batch - 1) / batch;
}

int autoEpochsPerIteration(std::size_t trainingStars, int batchSize) {
    const std::size_t steps = stepsPerEpoch(trainingStars, batchSize);
    if (steps == 0)
        return kMaxAutoEpochsPerIteration; // the run stops with "no usable training star" anyway
    const double epochs = std::ceil(kStepsPerIterationNeeded / double(steps));
    return int(std::clamp(epochs, double(kPaperEpochsPerIteration), double(kMaxAutoEpochsPerIteration)));
}

EpochSchedule chooseEpochSchedule(const TrainingConfig& config, std::size_t trainingStars) {
    EpochSchedule s;
    s.automatic = config.epochsPerIteration == kAutoEpochs;
    s.trainingStars = trainingStars;
    s.stepsPerEpoch = stepsPerEpoch(trainingStars, config.batchSize);
    s.epochsPerIteration =
        s.automatic ? autoEpochsPerIteration(trainingStars, config.batchSize) : config.epochsPerIteration;
    return s;
}

int epochsPerIterationRun(const TrainingConfig& config, const TrainingHistory& history) {
    if (config.epochsPerIteration != kAutoEpochs)
        return config.epochsPerIteration;
    int epochs = 0;
    for (const EpochRecord& e : history.epochs)
        if (e.iteration == 1)
            epochs = std::max(epochs, e.epoch);
    return epochs;
}

std::string scheduleText(const EpochSchedule& s, int batchSize) {
    std::string text = std::to_string(s.epochsPerIteration) + " epochs per iteration (";
    if (!s.automatic)
        return text + "fixed)";
    text += "automatic";
    if (s.trainingStars == 0)
        return text + ", as the checkpoint ran)";
    text += ": " + grouped(s.trainingStars) + " training stars, batch " + std::to_string(batchSize) + ": " +
            grouped(s.stepsPerEpoch) + " steps per epoch, " + grouped(std::size_t(s.stepsPerIteration())) +
            " per iteration";
    if (s.epochsPerIteration == kMaxAutoEpochsPerIteration && s.stepsPerIteration() < kStepsPerIterationNeeded)
        text += "; at its cap of " + std::to_string(kMaxAutoEpochsPerIteration);
    return text + ")";
}

} // namespace starlocus::core
