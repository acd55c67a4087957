// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// What the trainer tells its observer (the GUI controller, the CLI progress line, test
// fakes) and how it is asked to pause or stop (ARCHITECTURE.md "Contracts").
#include "core/model/stellar_model.h"

#include <atomic>
#include <memory>
#include <string>

namespace starlocus::core {

struct EpochEvent {
    int iteration = 0;   // 1-based
    int epoch = 0;       // 1-based within the iteration
    int globalEpoch = 0; // 1-based over the run
    int epochsPerIteration = 0; // the run's schedule (chosen from the catalog by default)
    int totalEpochs = 0;
    double trainLoss = 0.0;      // mean mini-batch loss of Eq. 15 over the epoch
    // Loss of Eq. 15 on the validation stars in use; NaN = no value (no validation star in
    // use). The loss charts skip NaN, JSON writes it as null.
    double validationLoss = 0.0;
    double learningRate = 0.0;
    double elapsedSeconds = 0.0;
    double etaSeconds = 0.0;
    double starsPerSecond = 0.0; // training stars processed per second of this epoch's optimisation
    std::size_t starsProcessed = 0; // cumulative over the run
    std::shared_ptr<const StellarModel> model; // snapshot after the epoch
};

struct IterationEvent {
    int iteration = 0;
    double threshold = 0.0;           // χ²/dof cut applied for the next iteration
    std::size_t starsInUse = 0;       // all splits, after the cut
    std::size_t starsLeftOut = 0;     // by the cut (usable stars above the threshold)
    std::size_t reddeningClipped = 0; // E′ clipped at 0
    double meanReddeningShift = 0.0;  // ⟨E′ − Ê⟩ over usable stars
    // ⟨χ²/dof⟩ of test stars with χ²/dof < 5, and the fraction at or above 5; NaN = no value
    // (no test star below 5, no test star with a χ²/dof).
    double testChi2DofBelow5 = 0.0;
    double testFracAbove5 = 0.0;
    std::size_t testStars = 0;
    double nextLearningRate = 0.0;
    double updateSeconds = 0.0;       // reddening update + covariance rebuild + cut
    std::shared_ptr<const StellarModel> model;
};

struct FaultEvent {
    int iteration = 0;
    int epoch = 0;
    std::string what;
    double newLearningRate = 0.0;
};

class TrainingObserver {
public:
    virtual ~TrainingObserver() = default;
    virtual void onEpoch(const EpochEvent&) {}
    virtual void onIteration(const IterationEvent&) {}
    virtual void onFault(const FaultEvent&) {}
    // Free text for logs ("building covariances for 300,000 stars").
    virtual void onMessage(const std::string&) {}
};

// Pause and stop requests from any thread; the trainer looks at them between mini-batches.
struct TrainingControl {
    std::atomic<bool> stopRequested{false};
    std::atomic<bool> pauseRequested{false};
};

} // namespace starlocus::core
