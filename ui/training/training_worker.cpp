// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/training/training_worker.h"

#include "core/common/input_error.h"
#include "core/io/training_checkpoint.h"
#include "core/training/trainer.h"
#include "ui/training/worker_signals.h"

#include <exception>

namespace starlocus::ui {

TrainingWorker::TrainingWorker(std::shared_ptr<core::TrainingControl> control)
    : control_(std::move(control)) {}

void TrainingWorker::run(const TrainingJob& job) {
    WorkerSignals out(*this); // every signal of the run goes through it (worker_signals.h says why)
    try {
        if (!job.catalog)
            throw core::InputError("", "catalog", tr("no catalog is open").toStdString());
        core::Trainer trainer(*job.catalog, job.config);
        if (!job.checkpointPath.isEmpty())
            trainer.setCheckpointPath(job.checkpointPath.toStdString());
        core::TrainingConfig config = job.config;
        if (!job.resumeCheckpointPath.isEmpty()) {
            core::TrainingCheckpoint checkpoint =
                core::loadTrainingCheckpoint(job.resumeCheckpointPath.toStdString());
            config = checkpoint.config;
            const core::TrainingHistory history = checkpoint.history;
            trainer.resumeFrom(std::move(checkpoint));
            out.historyRestored(history, config);
        }
        out.runStarted(config);
        out.finished(trainer.run(out, *control_));
    } catch (const core::InputError& e) {
        out.failed(e.what());
    } catch (const core::TrainingError& e) {
        out.failed(e.what());
    } catch (const std::bad_alloc&) {
        out.failedOutOfMemory();
    } catch (const std::exception& e) {
        out.failed(e.what());
    } catch (...) {
        out.failedUnknown();
    }
}

} // namespace starlocus::ui
