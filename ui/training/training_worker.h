// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// TrainingWorker: lives on the controller's QThread and runs core::Trainer there. The
// trainer's observer callbacks become this object's signals (emitted on the worker
// thread, delivered queued to the controller). Every exception of the run ends as
// `failed` with a message; nothing escapes the thread.
#include "ui/training/training_job.h"

#include <QObject>
#include <memory>

namespace starlocus::ui {

class TrainingWorker : public QObject {
    Q_OBJECT
public:
    explicit TrainingWorker(std::shared_ptr<core::TrainingControl> control);

public slots:
    void run(const starlocus::ui::TrainingJob& job);

signals:
    void historyRestored(const starlocus::core::TrainingHistory& history, const starlocus::core::TrainingConfig& config);
    void runStarted(const starlocus::core::TrainingConfig& config);
    void epochFinished(const starlocus::core::EpochEvent& event);
    void iterationFinished(const starlocus::core::IterationEvent& event);
    void faultReported(const QString& text);
    void messageReported(const QString& text);
    void finished(const starlocus::ui::TrainingOutcome& outcome);
    void failed(const QString& message);

private:
    std::shared_ptr<core::TrainingControl> control_;
};

} // namespace starlocus::ui
