// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// TrainingController: runs core::Trainer on its own QThread (through a TrainingWorker)
// and re-emits the run's events on the GUI thread. Start, pause, resume and stop only set
// atomic flags or queue a call: the GUI thread never waits on the run, except in the
// destructor (a last resort; the main window stops a run before it closes).
#include "ui/training/training_job.h"

#include <QObject>
#include <QThread>
#include <memory>

namespace starlocus::ui {

class TrainingWorker;

class TrainingController : public QObject {
    Q_OBJECT
public:
    enum class State { Idle, Running, Paused, Stopping };
    Q_ENUM(State)

    explicit TrainingController(QObject* parent = nullptr);
    ~TrainingController() override;

    State state() const { return state_; }
    bool isActive() const { return state_ != State::Idle; }

    // A new run (or, with job.resumeCheckpointPath, the continuation of a checkpointed
    // one); false when a run is already active.
    bool start(const TrainingJob& job);
    void pause();
    void resume();
    // Ends the run after the current mini-batch; the checkpoint of the last completed
    // iteration stays on disk. `finished` follows with outcome.stopped set.
    void stop();

    // The last run's result (null before the first run ends).
    const TrainingOutcome& lastOutcome() const { return lastOutcome_; }
    // Where the current or last run writes its checkpoints.
    QString checkpointPath() const { return checkpointPath_; }
    // The app's default checkpoint file (in the per-user data folder).
    static QString defaultCheckpointPath();

signals:
    void stateChanged(starlocus::ui::TrainingController::State state);
    void runStarted(const starlocus::core::TrainingConfig& config);
    void historyRestored(const starlocus::core::TrainingHistory& history, const starlocus::core::TrainingConfig& config);
    void epochFinished(const starlocus::core::EpochEvent& event);
    void iterationFinished(const starlocus::core::IterationEvent& event);
    void faultReported(const QString& text);
    void messageReported(const QString& text);
    void finished(const starlocus::ui::TrainingOutcome& outcome);
    void failed(const QString& message);

private:
    void setState(State state);

    QThread thread_;
    TrainingWorker* worker_;
    std::shared_ptr<core::TrainingControl> control_;
    State state_ = State::Idle;
    TrainingOutcome lastOutcome_;
    QString checkpointPath_;
};

} // namespace starlocus::ui
