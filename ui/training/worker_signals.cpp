// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/training/worker_signals.h"

#include "ui/training/training_worker.h"

#include <memory>
#include <utility>

namespace starlocus::ui {

void WorkerSignals::onEpoch(const core::EpochEvent& e) {
    emit worker_.epochFinished(e);
}

void WorkerSignals::onIteration(const core::IterationEvent& e) {
    emit worker_.iterationFinished(e);
}

void WorkerSignals::onFault(const core::FaultEvent& f) {
    emit worker_.faultReported(QString::fromStdString(f.what));
}

void WorkerSignals::onMessage(const std::string& text) {
    emit worker_.messageReported(QString::fromStdString(text));
}

void WorkerSignals::historyRestored(const core::TrainingHistory& history,
                                    const core::TrainingConfig& config) {
    emit worker_.historyRestored(history, config);
}

void WorkerSignals::runStarted(const core::TrainingConfig& config) {
    emit worker_.runStarted(config);
}

void WorkerSignals::finished(core::TrainingResult&& result) {
    TrainingOutcome outcome;
    outcome.model = std::make_shared<const core::StellarModel>(std::move(result.model));
    outcome.final = std::make_shared<const core::TrainingCheckpoint>(std::move(result.final));
    outcome.stopped = result.stopped;
    emit worker_.finished(outcome);
}

void WorkerSignals::failed(const std::string& message) {
    emit worker_.failed(QString::fromStdString(message));
}

void WorkerSignals::failedOutOfMemory() {
    emit worker_.failed(TrainingWorker::tr("not enough memory for this training run"));
}

void WorkerSignals::failedUnknown() {
    emit worker_.failed(TrainingWorker::tr("unknown error in the training run"));
}

} // namespace starlocus::ui
