// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/training/training_worker.h"

#include "core/common/input_error.h"
#include "core/io/training_checkpoint.h"
#include "core/training/trainer.h"

#include <exception>

namespace starlocus::ui {
namespace {

// The trainer's observer: forwards each event as a signal of the worker.
class SignalObserver : public core::TrainingObserver {
public:
    explicit SignalObserver(TrainingWorker& worker) : worker_(worker) {}
    void onEpoch(const core::EpochEvent& e) override { emit worker_.epochFinished(e); }
    void onIteration(const core::IterationEvent& e) override { emit worker_.iterationFinished(e); }
    void onFault(const core::FaultEvent& f) override { emit worker_.faultReported(QString::fromStdString(f.what)); }
    void onMessage(const std::string& text) override { emit worker_.messageReported(QString::fromStdString(text)); }

private:
    TrainingWorker& worker_;
};

} // namespace

TrainingWorker::TrainingWorker(std::shared_ptr<core::TrainingControl> control) : control_(std::move(control)) {}

void TrainingWorker::run(const TrainingJob& job) {
    try {
        if (!job.catalog)
            throw core::InputError("", "catalog", tr("no catalog is open").toStdString());
        core::Trainer trainer(*job.catalog, job.config);
        if (!job.checkpointPath.isEmpty())
            trainer.setCheckpointPath(job.checkpointPath.toStdString());
        core::TrainingConfig config = job.config;
        if (!job.resumeCheckpointPath.isEmpty()) {
            core::TrainingCheckpoint checkpoint = core::loadTrainingCheckpoint(job.resumeCheckpointPath.toStdString());
            config = checkpoint.config;
            const core::TrainingHistory history = checkpoint.history;
            trainer.resumeFrom(std::move(checkpoint));
            emit historyRestored(history, config);
        }
        emit runStarted(config);
        SignalObserver observer(*this);
        core::TrainingResult result = trainer.run(observer, *control_);
        TrainingOutcome outcome;
        outcome.model = std::make_shared<const core::StellarModel>(std::move(result.model));
        outcome.final = std::make_shared<const core::TrainingCheckpoint>(std::move(result.final));
        outcome.stopped = result.stopped;
        emit finished(outcome);
    } catch (const core::InputError& e) {
        emit failed(QString::fromStdString(e.what()));
    } catch (const core::TrainingError& e) {
        emit failed(QString::fromStdString(e.what()));
    } catch (const std::bad_alloc&) {
        emit failed(tr("not enough memory for this training run"));
    } catch (const std::exception& e) {
        emit failed(QString::fromStdString(e.what()));
    } catch (...) {
        emit failed(tr("unknown error in the training run"));
    }
}

} // namespace starlocus::ui
