// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/training/training_view.h"

#include "ui/dialogs/training_settings_dialog.h"
#include "ui/session/file_probe.h"
#include "ui/session/session.h"
#include "ui/training/live_cmd_view.h"
#include "ui/training/training_monitor_view.h"

#include "core/training/epoch_schedule.h"

#include <QAction>
#include <QEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QIcon>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QSplitter>
#include <cmath>

namespace starlocus::ui {
namespace {

QString durationText(double seconds) {
    if (!std::isfinite(seconds) || seconds < 0)
        return QStringLiteral("–");
    const auto s = qint64(std::llround(seconds));
    if (s >= 3600)
        return QStringLiteral("%1:%2:%3").arg(s / 3600).arg(s / 60 % 60, 2, 10, QLatin1Char('0')).arg(s % 60, 2, 10,
                                                                                                    QLatin1Char('0'));
    return QStringLiteral("%1:%2").arg(s / 60).arg(s % 60, 2, 10, QLatin1Char('0'));
}

} // namespace

TrainingView::TrainingView(Session* session, QWidget* parent)
    : QWidget(parent), session_(session), controller_(new TrainingController(this)),
      checkpointPath_(TrainingController::defaultCheckpointPath()) {
    setObjectName(QStringLiteral("trainingView"));
    monitor_ = new TrainingMonitorView(this);
    liveCmd_ = new LiveCmdView(this);
    splitter_ = new QSplitter(Qt::Horizontal, this);
    splitter_->setObjectName(QStringLiteral("trainingSplitter"));
    splitter_->addWidget(monitor_);
    splitter_->addWidget(liveCmd_);
    splitter_->setStretchFactor(0, 3);
    splitter_->setStretchFactor(1, 2);
    splitter_->setChildrenCollapsible(false);
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(splitter_);

    progress_ = new QProgressBar(this);
    progress_->setObjectName(QStringLiteral("trainingProgress"));
    progress_->setMaximumWidth(240);
    progress_->setTextVisible(true);
    progress_->setVisible(false);
    position_ = new QLabel(this);
    position_->setObjectName(QStringLiteral("trainingPosition"));

    checkpointChooser_ = [this] {
        return QFileDialog::getOpenFileName(this, tr("Resume from Checkpoint"), QFileInfo(checkpointPath_).absolutePath(),
                                            tr("Training checkpoints (*.h5 *.hdf5);;All files (*)"));
    };
    createActions();
    connectController();
    connect(session_, &Session::catalogChanged, this, &TrainingView::updateActions);
    // The observed test stars as soon as there is a catalog (the split follows from the
    // settings alone), not only once a run starts.
    connect(session_, &Session::catalogChanged, this, &TrainingView::showTestStarsOfSettings);
    connect(monitor_, &TrainingMonitorView::exportFailed, this,
            [this](const QString& message) { emit problem(tr("Could not export the training history"), message); });
    connect(monitor_, &TrainingMonitorView::exported, this,
            [this](const QString& path) { emit statusMessage(tr("Training history written to %1.").arg(path)); });
    retranslate();
    updateActions();
}

void TrainingView::createActions() {
    start_ = new QAction(QIcon::fromTheme(QStringLiteral("media-playback-start")), QString(), this);
    start_->setObjectName(QStringLiteral("startTrainingAction"));
    start_->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_T));
    connect(start_, &QAction::triggered, this, &TrainingView::startTraining);

    pause_ = new QAction(QIcon::fromTheme(QStringLiteral("media-playback-pause")), QString(), this);
    pause_->setObjectName(QStringLiteral("pauseTrainingAction"));
    pause_->setCheckable(true);
    pause_->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_P));
    connect(pause_, &QAction::triggered, this, [this](bool paused) {
        if (paused)
            controller_->pause();
        else
            controller_->resume();
    });

    stop_ = new QAction(QIcon::fromTheme(QStringLiteral("media-playback-stop")), QString(), this);
    stop_->setObjectName(QStringLiteral("stopTrainingAction"));
    connect(stop_, &QAction::triggered, controller_, &TrainingController::stop);

    resumeCheckpoint_ = new QAction(QIcon::fromTheme(QStringLiteral("document-open")), QString(), this);
    resumeCheckpoint_->setObjectName(QStringLiteral("resumeCheckpointAction"));
    connect(resumeCheckpoint_, &QAction::triggered, this, [this] {
        const QString path = checkpointChooser_ ? checkpointChooser_() : QString();
        if (!path.isEmpty())
            resumeFromCheckpoint(path);
    });

    settings_ = new QAction(QIcon::fromTheme(QStringLiteral("preferences-system")), QString(), this);
    settings_->setObjectName(QStringLiteral("trainingSettingsAction"));
    connect(settings_, &QAction::triggered, this, &TrainingView::editSettings);

    exportHistory_ = new QAction(QIcon::fromTheme(QStringLiteral("document-save-as")), QString(), this);
    exportHistory_->setObjectName(QStringLiteral("exportHistoryAction"));
    connect(exportHistory_, &QAction::triggered, monitor_, &TrainingMonitorView::chooseCsvFile);
}

void TrainingView::connectController() {
    connect(controller_, &TrainingController::stateChanged, this, &TrainingView::updateActions);
    connect(controller_, &TrainingController::historyRestored, this,
            [this](const core::TrainingHistory& history, const core::TrainingConfig& config) {
                resumed_ = true;
                monitor_->restore(history, core::epochsPerIterationRun(config, history), 0.0);
                epochsShown_ = int(history.epochs.size());
            });
    connect(controller_, &TrainingController::runStarted, this, [this](const core::TrainingConfig& config) {
        runConfig_ = config;
        liveCmd_->setTestStars(session_->catalog(), config);
        // An automatic schedule is known when the run has looked at the catalog: until its
        // first epoch the bar only says that something is under way.
        const bool automatic = config.epochsPerIteration == core::kAutoEpochs;
        progress_->setRange(0, automatic ? 0 : config.iterations * config.epochsPerIteration);
        progress_->setValue(epochsShown_);
        progress_->setFormat(tr("%p% · ETA –"));
        progress_->setVisible(true);
        position_->setText(tr("Preparing the first iteration…"));
    });
    connect(controller_, &TrainingController::messageReported, this, [this](const QString& text) {
        emit statusMessage(text);
    });
    connect(controller_, &TrainingController::faultReported, this, [this](const QString& text) {
        emit statusMessage(text);
    });
    connect(controller_, &TrainingController::epochFinished, this, [this](const core::EpochEvent& e) {
        monitor_->addEpoch(e);
        liveCmd_->setModel(e.model, tr("iteration %1, epoch %2").arg(e.iteration).arg(e.epoch));
        progress_->setRange(0, e.totalEpochs);
        progress_->setValue(e.globalEpoch);
        progress_->setFormat(tr("%p% · ETA %1").arg(durationText(e.etaSeconds)));
        // The epochs per iteration are the run's choice when the settings say "auto".
        const bool automatic = runConfig_.epochsPerIteration == core::kAutoEpochs;
        QString position = (automatic ? tr("Iteration %1/%2 · epoch %3/%4 (auto)") : tr("Iteration %1/%2 · epoch %3/%4"))
                               .arg(e.iteration)
                               .arg(runConfig_.iterations)
                               .arg(e.epoch)
                               .arg(e.epochsPerIteration);
        // An epoch that was under way when the user paused still arrives: say both.
        if (controller_->state() == TrainingController::State::Paused)
            position = tr("%1 · paused").arg(position);
        position_->setText(position);
        ++epochsShown_;
        emit epochShown(epochsShown_);
    });
    connect(controller_, &TrainingController::iterationFinished, this, [this](const core::IterationEvent& e) {
        monitor_->addIteration(e);
        emit statusMessage(tr("Iteration %1 done: χ²/dof cut at %2, %3 stars left out, test ⟨χ²/dof⟩ %4.")
                               .arg(e.iteration)
                               .arg(QLocale().toString(e.threshold, 'f', 1))
                               .arg(QLocale().toString(qulonglong(e.starsLeftOut)))
                               .arg(QLocale().toString(e.testChi2DofBelow5, 'f', 3)));
    });
    connect(controller_, &TrainingController::finished, this, [this](const TrainingOutcome& outcome) {
        progress_->setVisible(false);
        const int done = outcome.final ? outcome.final->completedIterations : 0;
        if (outcome.stopped) {
            position_->setText(tr("Stopped after %n complete iteration(s)", nullptr, done));
            emit statusMessage(done > 0 ? tr("Training stopped; the checkpoint after iteration %1 is kept in %2.")
                                              .arg(done)
                                              .arg(controller_->checkpointPath())
                                        : tr("Training stopped before the first iteration was complete."));
        } else {
            position_->setText(tr("Finished: %n iteration(s)", nullptr, done));
            emit statusMessage(tr("Training finished after %n iteration(s); the model is open in the explorer.", nullptr,
                                  done));
        }
        // A model with at least one complete iteration replaces the session's model.
        // Its record (the per-star split) lets the science views show its test stars.
        if (outcome.model && done > 0) {
            ModelOrigin origin;
            origin.trainingRecord = outcome.final;
            session_->setModel(outcome.model, std::move(origin));
        }
    });
    connect(controller_, &TrainingController::failed, this, [this](const QString& message) {
        progress_->setVisible(false);
        position_->setText(tr("Training failed"));
        emit problem(tr("Training failed"), message);
    });
}

bool TrainingView::startTraining() { return launch(QString()); }

bool TrainingView::resumeFromCheckpoint(const QString& path) {
    if (FileProbe::defaultCommand().isEmpty())
        return launch(path);
    if (controller_->isActive() || resumeProbe_)
        return false;
    // The checkpoint is read on the worker thread: a file that crashes libhdf5 is read by
    // the probe child first (issue #14). A file the child read without crashing starts the
    // run, whose worker then reports any InputError as before.
    resumeProbe_ = new FileProbe(this);
    connect(resumeProbe_, &FileProbe::finished, this, [this, path](const ProbeResult& result) {
        resumeProbe_->deleteLater();
        resumeProbe_ = nullptr;
        updateActions();
        if (const QString failure = FileProbe::failureText(path, result); !failure.isEmpty()) {
            if (result.status != ProbeResult::Status::Cancelled)
                emit problem(tr("Could not resume from the checkpoint"), failure);
            return;
        }
        launch(path);
    });
    resumeProbe_->start(ProbeKind::Checkpoint, path);
    updateActions();
    return true;
}

bool TrainingView::launch(const QString& resumePath) {
    if (controller_->isActive())
        return false;
    const auto catalog = session_->catalog();
    if (!catalog || catalog->size() == 0) {
        emit problem(tr("Nothing to train on"),
                     tr("Open a catalog (or wait until the synthetic sky is ready) before starting training."));
        return false;
    }
    monitor_->clear();
    epochsShown_ = 0;
    resumed_ = false;
    TrainingJob job;
    job.catalog = catalog;
    job.config = config_;
    job.checkpointPath = checkpointPath_;
    job.resumeCheckpointPath = resumePath;
    // Resuming overwrites its own checkpoint as it goes on.
    if (!resumePath.isEmpty())
        job.checkpointPath = resumePath;
    emit statusMessage(resumePath.isEmpty() ? tr("Training started on %n star(s).", nullptr, int(catalog->size()))
                                            : tr("Resuming the run of %1.").arg(QFileInfo(resumePath).fileName()));
    return controller_->start(job);
}

void TrainingView::editSettings() {
    auto* dialog = new TrainingSettingsDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setConfig(config_);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        if (const auto config = dialog->config()) {
            config_ = *config;
            showTestStarsOfSettings();
        }
    });
    dialog->open();
}

void TrainingView::showTestStarsOfSettings() {
    if (controller_->state() == TrainingController::State::Idle && !resumed_)
        liveCmd_->setTestStars(session_->catalog(), config_);
}

void TrainingView::updateActions() {
    using State = TrainingController::State;
    const State state = controller_->state();
    const bool idle = state == State::Idle;
    const bool hasCatalog = session_->catalog() && session_->catalog()->size() > 0;
    start_->setEnabled(idle && hasCatalog);
    resumeCheckpoint_->setEnabled(idle && hasCatalog && !resumeProbe_);
    settings_->setEnabled(idle);
    pause_->setEnabled(state == State::Running || state == State::Paused);
    pause_->setChecked(state == State::Paused);
    stop_->setEnabled(state == State::Running || state == State::Paused);
    if (state == State::Paused)
        position_->setText(tr("Paused"));
    else if (state == State::Stopping)
        position_->setText(tr("Stopping after the current mini-batch…"));
    retranslate();
}

void TrainingView::retranslate() {
    start_->setText(tr("&Train"));
    start_->setStatusTip(tr("Train a model on the open catalog with the current settings"));
    pause_->setText(pause_->isChecked() ? tr("&Resume") : tr("&Pause"));
    pause_->setStatusTip(tr("Pause or resume the running training"));
    stop_->setText(tr("S&top"));
    stop_->setStatusTip(tr("Stop training; the checkpoint of the last complete iteration is kept"));
    resumeCheckpoint_->setText(tr("Resume from &Checkpoint…"));
    resumeCheckpoint_->setStatusTip(tr("Continue a checkpointed run on the open catalog"));
    settings_->setText(tr("Training &Settings…"));
    settings_->setStatusTip(tr("Schedule, learning rate, regularisation, network, outlier cut, split"));
    exportHistory_->setText(tr("Export Training &History…"));
    exportHistory_->setStatusTip(tr("Save every epoch and iteration of the run as CSV"));
}

void TrainingView::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

} // namespace starlocus::ui
