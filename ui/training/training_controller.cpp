// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/training/training_controller.h"

#include "ui/training/training_worker.h"

#include <QDir>
#include <QStandardPaths>

namespace starlocus::ui {

TrainingController::TrainingController(QObject* parent)
    : QObject(parent), control_(std::make_shared<core::TrainingControl>()) {
    qRegisterMetaType<core::EpochEvent>();
    qRegisterMetaType<core::IterationEvent>();
    qRegisterMetaType<core::TrainingHistory>();
    qRegisterMetaType<core::TrainingConfig>();
    qRegisterMetaType<TrainingJob>();
    qRegisterMetaType<TrainingOutcome>();
    thread_.setObjectName(QStringLiteral("training"));
    worker_ = new TrainingWorker(control_);
    worker_->moveToThread(&thread_);
    // Worker → controller: queued (different threads), so every slot below runs here.
    connect(worker_, &TrainingWorker::runStarted, this, &TrainingController::runStarted);
    connect(worker_, &TrainingWorker::historyRestored, this, &TrainingController::historyRestored);
    connect(worker_, &TrainingWorker::epochFinished, this, &TrainingController::epochFinished);
    connect(worker_, &TrainingWorker::iterationFinished, this, &TrainingController::iterationFinished);
    connect(worker_, &TrainingWorker::faultReported, this, &TrainingController::faultReported);
    connect(worker_, &TrainingWorker::messageReported, this, &TrainingController::messageReported);
    connect(worker_, &TrainingWorker::finished, this, [this](const TrainingOutcome& outcome) {
        lastOutcome_ = outcome;
        setState(State::Idle);
        emit finished(outcome);
    });
    connect(worker_, &TrainingWorker::failed, this, [this](const QString& message) {
        setState(State::Idle);
        emit failed(message);
    });
    thread_.start();
}

TrainingController::~TrainingController() {
    control_->stopRequested.store(true);
    thread_.quit();
    thread_.wait();
    delete worker_; // its thread has ended: no event of it is pending any more
}

QString TrainingController::defaultCheckpointPath() {
    const QString folder = QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation);
    QDir().mkpath(folder);
    return QDir(folder).filePath(QStringLiteral("training_checkpoint.h5"));
}

bool TrainingController::start(const TrainingJob& job) {
    if (isActive())
        return false;
    control_->stopRequested.store(false);
    control_->pauseRequested.store(false);
    checkpointPath_ = job.checkpointPath;
    setState(State::Running);
    QMetaObject::invokeMethod(worker_, [worker = worker_, job] { worker->run(job); }, Qt::QueuedConnection);
    return true;
}

void TrainingController::pause() {
    if (state_ != State::Running)
        return;
    control_->pauseRequested.store(true);
    setState(State::Paused);
}

void TrainingController::resume() {
    if (state_ != State::Paused)
        return;
    control_->pauseRequested.store(false);
    setState(State::Running);
}

void TrainingController::stop() {
    if (state_ != State::Running && state_ != State::Paused)
        return;
    control_->stopRequested.store(true);
    setState(State::Stopping);
}

void TrainingController::setState(State state) {
    if (state_ == state)
        return;
    state_ = state;
    emit stateChanged(state);
}

} // namespace starlocus::ui
