// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// TrainingView: the Training tab. It owns the TrainingController and wires its events to
// the monitor charts, the live CMD and the progress widgets that the main window puts in
// its status bar; it offers the training actions (start, pause/resume, stop, resume from
// a checkpoint, settings, CSV export) for the main window's menu and tool bar.
#include "core/training/training_config.h"
#include "ui/training/training_controller.h"

#include <QWidget>
#include <functional>

class QAction;
class QLabel;
class QProgressBar;
class QSplitter;

namespace starlocus::ui {

class FileProbe;
class LiveCmdView;
class Session;
class TrainingMonitorView;

class TrainingView : public QWidget {
    Q_OBJECT
public:
    explicit TrainingView(Session* session, QWidget* parent = nullptr);

    TrainingController* controller() const { return controller_; }
    TrainingMonitorView* monitor() const { return monitor_; }
    LiveCmdView* liveCmd() const { return liveCmd_; }
    QSplitter* splitter() const { return splitter_; }

    const core::TrainingConfig& config() const { return config_; }
    void setConfig(const core::TrainingConfig& config) { config_ = config; }
    // Where runs write their checkpoint (default: TrainingController::defaultCheckpointPath()).
    void setCheckpointPath(const QString& path) { checkpointPath_ = path; }
    QString checkpointPath() const { return checkpointPath_; }
    // Asks for the checkpoint to resume from; default: a file dialog (tests install their own).
    using CheckpointChooser = std::function<QString()>;
    void setCheckpointChooser(CheckpointChooser chooser) { checkpointChooser_ = std::move(chooser); }

    // Starts a new run on the session's catalog; false (and `problem`) when it cannot.
    bool startTraining();
    // With a file probe (ui/session/file_probe.h) the checkpoint is first read by the probe
    // child and the run starts once it has read it (true: the request was taken).
    bool resumeFromCheckpoint(const QString& path);
    int epochsShown() const { return epochsShown_; }

    QAction* startAction() const { return start_; }
    QAction* pauseAction() const { return pause_; }
    QAction* stopAction() const { return stop_; }
    QAction* resumeCheckpointAction() const { return resumeCheckpoint_; }
    QAction* settingsAction() const { return settings_; }
    QAction* exportHistoryAction() const { return exportHistory_; }
    // For the status bar: run progress with ETA, and the current iteration/epoch.
    QProgressBar* progressBar() const { return progress_; }
    QLabel* positionLabel() const { return position_; }

public slots:
    void editSettings();

signals:
    void problem(const QString& title, const QString& text);
    void statusMessage(const QString& text);
    // After the monitor drew an epoch (count over the run shown so far).
    void epochShown(int count);

protected:
    void changeEvent(QEvent* event) override;

private:
    void createActions();
    void connectController();
    bool launch(const QString& resumePath);
    void updateActions();
    void retranslate();

    Session* session_;
    TrainingController* controller_;
    TrainingMonitorView* monitor_;
    LiveCmdView* liveCmd_;
    QSplitter* splitter_;
    core::TrainingConfig config_;
    // The live CMD's observed panel: the test stars the current settings would train with.
    void showTestStarsOfSettings();
    core::TrainingConfig runConfig_;
    QString checkpointPath_;
    CheckpointChooser checkpointChooser_;
    QAction* start_ = nullptr;
    QAction* pause_ = nullptr;
    QAction* stop_ = nullptr;
    QAction* resumeCheckpoint_ = nullptr;
    QAction* settings_ = nullptr;
    QAction* exportHistory_ = nullptr;
    QProgressBar* progress_;
    QLabel* position_;
    int epochsShown_ = 0;
    bool resumed_ = false;
    FileProbe* resumeProbe_ = nullptr; // reading the checkpoint to resume from, in a child
};

} // namespace starlocus::ui
