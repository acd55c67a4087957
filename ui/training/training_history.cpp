// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/training/training_history.h"

#include <QSaveFile>
#include <QTextStream>
#include <cmath>
#include <limits>

namespace starlocus::ui {

void TrainingHistory::clear() {
    epochs_.clear();
    iterations_.clear();
}

void TrainingHistory::addEpoch(const core::EpochEvent& e) {
    epochs_.push_back({e.iteration, e.epoch, e.globalEpoch, double(e.starsProcessed), e.elapsedSeconds, e.trainLoss,
                       e.validationLoss, e.learningRate});
}

void TrainingHistory::addIteration(const core::IterationEvent& e) {
    const double usable = double(e.starsInUse + e.starsLeftOut);
    iterations_.push_back({e.iteration, e.threshold, e.testChi2DofBelow5, e.testFracAbove5,
                           usable > 0 ? double(e.starsLeftOut) / usable : 0.0, e.nextLearningRate});
}

void TrainingHistory::restore(const core::TrainingHistory& history, int epochsPerIteration, double starsPerEpoch) {
    clear();
    int global = 0;
    for (const core::EpochRecord& r : history.epochs) {
        ++global;
        const int globalEpoch = (r.iteration - 1) * epochsPerIteration + r.epoch;
        epochs_.push_back({r.iteration, r.epoch, globalEpoch,
                           starsPerEpoch > 0 ? starsPerEpoch * global : std::numeric_limits<double>::quiet_NaN(),
                           r.elapsedSeconds, r.trainLoss, r.validationLoss, r.learningRate});
    }
    for (const core::IterationRecord& r : history.iterations)
        iterations_.push_back({r.iteration, r.threshold, r.testChi2DofBelow5, r.testFracAbove5, r.fractionLeftOut,
                               r.nextLearningRate});
}

double TrainingHistory::xValue(const EpochPoint& point, LossAxisX axis) {
    switch (axis) {
    case LossAxisX::Epoch:
        return point.globalEpoch;
    case LossAxisX::StarsProcessed:
        return point.starsProcessed;
    case LossAxisX::WallTime:
        return point.elapsedSeconds;
    }
    return point.globalEpoch;
}

QString TrainingHistory::csvText() const {
    QString text;
    QTextStream out(&text);
    out << "iteration,epoch,global_epoch,stars_processed,elapsed_s,train_loss,validation_loss,learning_rate,"
           "threshold_chi2_dof,test_chi2_dof_below5,test_frac_above5,fraction_left_out,next_learning_rate\n";
    const auto number = [](double v) { return QString::number(v, 'g', 17); };
    for (std::size_t i = 0; i < epochs_.size(); ++i) {
        const EpochPoint& e = epochs_[i];
        out << e.iteration << ',' << e.epoch << ',' << e.globalEpoch << ',' << number(e.starsProcessed) << ','
            << number(e.elapsedSeconds) << ',' << number(e.trainLoss) << ',' << number(e.validationLoss) << ','
            << number(e.learningRate);
        // The iteration's results belong to its last epoch (the update runs after it).
        const bool lastOfIteration = i + 1 == epochs_.size() || epochs_[i + 1].iteration != e.iteration;
        const IterationPoint* it = nullptr;
        if (lastOfIteration)
            for (const IterationPoint& p : iterations_)
                if (p.iteration == e.iteration)
                    it = &p;
        if (it)
            out << ',' << number(it->threshold) << ',' << number(it->testChi2DofBelow5) << ','
                << number(it->testFracAbove5) << ',' << number(it->fractionLeftOut) << ','
                << number(it->nextLearningRate);
        else
            out << ",,,,,";
        out << '\n';
    }
    return text;
}

bool TrainingHistory::exportCsv(const QString& path, QString* error) const {
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Text)) {
        if (error)
            *error = QStringLiteral("%1: %2").arg(path, file.errorString());
        return false;
    }
    file.write(csvText().toUtf8());
    if (!file.commit()) {
        if (error)
            *error = QStringLiteral("%1: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}

std::vector<double> smoothExponential(const std::vector<double>& values, double weight) {
    std::vector<double> out(values.size());
    double last = 0.0;
    int counted = 0;
    for (std::size_t i = 0; i < values.size(); ++i) {
        const double v = values[i];
        if (!std::isfinite(v)) {
            out[i] = v;
            continue;
        }
        last = last * weight + (1.0 - weight) * v;
        ++counted;
        const double debias = 1.0 - std::pow(weight, counted);
        out[i] = debias > 0 ? last / debias : v;
    }
    return out;
}

} // namespace starlocus::ui
