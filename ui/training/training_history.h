// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// TrainingHistory: the full-resolution record of a run as the monitor sees it — one row
// per epoch, one per iteration — kept on the GUI thread. Charts draw from it, smoothing
// reads it whole (never a thinned copy) and the CSV export writes every row.
#include "core/training/training_events.h"
#include "core/training/training_record.h"

#include <QString>
#include <cstddef>
#include <vector>

namespace starlocus::ui {

struct EpochPoint {
    int iteration = 0;
    int epoch = 0;       // within the iteration
    int globalEpoch = 0; // over the run
    double starsProcessed = 0.0;
    double elapsedSeconds = 0.0;
    double trainLoss = 0.0;
    double validationLoss = 0.0;
    double learningRate = 0.0;
};

struct IterationPoint {
    int iteration = 0;
    double threshold = 0.0;
    double testChi2DofBelow5 = 0.0;
    double testFracAbove5 = 0.0;
    double fractionLeftOut = 0.0; // of the usable stars, by the χ²/dof cut
    double nextLearningRate = 0.0;
};

// What the loss chart puts on its x axis.
enum class LossAxisX { Epoch, StarsProcessed, WallTime };

class TrainingHistory {
public:
    void clear();
    void addEpoch(const core::EpochEvent& event);
    void addIteration(const core::IterationEvent& event);
    // The history stored in a checkpoint (resuming): its epochs lack the cumulative star
    // count, which is rebuilt from `starsPerEpoch` (0: unknown, then NaN).
    void restore(const core::TrainingHistory& history, int epochsPerIteration, double starsPerEpoch);

    const std::vector<EpochPoint>& epochs() const { return epochs_; }
    const std::vector<IterationPoint>& iterations() const { return iterations_; }
    bool isEmpty() const { return epochs_.empty() && iterations_.empty(); }

    static double xValue(const EpochPoint& point, LossAxisX axis);

    // The whole history as CSV: one row per epoch, the iteration's results on the row of
    // its last epoch. Written atomically (QSaveFile); false with `error` naming the file.
    bool exportCsv(const QString& path, QString* error) const;
    QString csvText() const;

private:
    std::vector<EpochPoint> epochs_;
    std::vector<IterationPoint> iterations_;
};

// Exponential moving average over the whole series with TensorBoard's debiasing (the
// first values are not pulled towards 0). weight 0 returns the data unchanged; non-finite
// values pass through without entering the average.
std::vector<double> smoothExponential(const std::vector<double>& values, double weight);

} // namespace starlocus::ui
