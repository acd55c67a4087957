// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Everything the training thread sends to the GUI, in one place: the trainer's observer
// callbacks and the run's start and end, each emitted as a TrainingWorker signal (queued to
// the controller on the GUI thread). Every QString sent is built here too.
//
// Why a file of its own: Debian's Qt is not built with ThreadSanitizer, so the event queue
// that orders a queued signal's arguments (copied here, read on the GUI thread) is invisible
// to it, and it may report that hand-off as a race. tests/tsan.supp names this file; nothing
// but the emits happens in it, so the suppression hides no other code of ours.
#include "core/training/trainer.h"
#include "ui/training/training_job.h"

#include <string>

namespace starlocus::ui {

class TrainingWorker;

class WorkerSignals : public core::TrainingObserver {
  public:
    explicit WorkerSignals(TrainingWorker& worker) : worker_(worker) {}

    void onEpoch(const core::EpochEvent& e) override;
    void onIteration(const core::IterationEvent& e) override;
    void onFault(const core::FaultEvent& f) override;
    void onMessage(const std::string& text) override;

    void historyRestored(const core::TrainingHistory& history, const core::TrainingConfig& config);
    void runStarted(const core::TrainingConfig& config);
    // The run's outcome, built here from the trainer's result (its shared model too).
    void finished(core::TrainingResult&& result);
    void failed(const std::string& message);
    void failedOutOfMemory();
    void failedUnknown();

  private:
    TrainingWorker& worker_;
};

} // namespace starlocus::ui
