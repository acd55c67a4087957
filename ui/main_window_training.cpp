// SPDX-License-Identifier: GPL-3.0-or-later
// MainWindow, second part: what the window does around training and its own life —
// the training dock, menu and tool bar, the start-up synthetic sky, saving the model,
// closing while a run trains, dropped files, and the window settings (QSettings).
#include "core/io/model_file.h"
#include "ui/main_window.h"
#include "ui/session/session.h"
#include "ui/session/session_loader.h"
#include "ui/session/synthetic_sky_job.h"
#include "ui/training/training_controller.h"
#include "ui/training/training_view.h"

#include <QCloseEvent>
#include <QDockWidget>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QMenuBar>
#include <QMimeData>
#include <QProgressBar>
#include <QSettings>
#include <QSplitter>
#include <QStatusBar>
#include <QToolBar>
#include <exception>

namespace starlocus::ui {

void MainWindow::createTraining() {
    training_ = new TrainingView(session_, this);
    trainingDock_ = new QDockWidget(tr("Training"), this);
    trainingDock_->setObjectName(QStringLiteral("trainingDock"));
    trainingDock_->setWidget(training_);
    addDockWidget(Qt::BottomDockWidgetArea, trainingDock_);
    connect(training_, &TrainingView::problem, this, &MainWindow::warn);
    connect(training_, &TrainingView::statusMessage, this, [this](const QString& text) { statusBar()->showMessage(text); });
    TrainingController* controller = training_->controller();
    connect(controller, &TrainingController::runStarted, this, &MainWindow::showTrainingDock);
    // Closing waits for the run to end (asked for in closeEvent), then closes for real.
    const auto closeIfAsked = [this] {
        if (closeAfterStop_)
            QMetaObject::invokeMethod(this, &QWidget::close, Qt::QueuedConnection);
    };
    connect(controller, &TrainingController::finished, this, closeIfAsked);
    connect(controller, &TrainingController::failed, this, closeIfAsked);
}

void MainWindow::createTrainingMenu() {
    QMenu* menu = menuBar()->addMenu(tr("&Training"));
    menu->setObjectName(QStringLiteral("trainingMenu"));
    menu->addAction(training_->startAction());
    menu->addAction(training_->pauseAction());
    menu->addAction(training_->stopAction());
    menu->addSeparator();
    menu->addAction(training_->resumeCheckpointAction());
    menu->addAction(training_->settingsAction());
    menu->addAction(training_->exportHistoryAction());

    trainingToolBar_ = addToolBar(tr("Training"));
    trainingToolBar_->setObjectName(QStringLiteral("trainingToolBar"));
    trainingToolBar_->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    trainingToolBar_->addAction(training_->startAction());
    trainingToolBar_->addAction(training_->pauseAction());
    trainingToolBar_->addAction(training_->stopAction());
    trainingToolBar_->addAction(training_->settingsAction());
}

void MainWindow::showTrainingDock() {
    trainingDock_->show();
    trainingDock_->raise();
    // The monitor is what a training user watches: most of the window's height.
    if (!trainingDock_->isFloating())
        resizeDocks({trainingDock_}, {int(height() * 0.66)}, Qt::Vertical);
}

void MainWindow::connectSyntheticSky() {
    skyJob_ = new SyntheticSkyJob(session_, this);
    skyProgress_ = new QProgressBar(this);
    skyProgress_->setObjectName(QStringLiteral("syntheticSkyProgress"));
    skyProgress_->setRange(0, 100);
    skyProgress_->setMaximumWidth(200);
    skyProgress_->setFormat(tr("synthetic sky %p%"));
    skyProgress_->setVisible(false);
    statusBar()->addPermanentWidget(skyProgress_);
    connect(skyJob_, &SyntheticSkyJob::runningChanged, skyProgress_, &QWidget::setVisible);
    connect(skyJob_, &SyntheticSkyJob::progressed, skyProgress_, &QProgressBar::setValue);
    connect(skyJob_, &SyntheticSkyJob::started, this, [this](std::size_t stars) {
        skyProgress_->setValue(0);
        statusBar()->showMessage(tr("Generating a synthetic sky of %1 stars…").arg(QLocale().toString(qulonglong(stars))));
    });
    connect(skyJob_, &SyntheticSkyJob::finished, this, [this](std::size_t stars) {
        statusBar()->showMessage(tr("Synthetic sky ready: %1 stars. Press %2 to train a model on it.")
                                     .arg(QLocale().toString(qulonglong(stars)),
                                          training_->startAction()->shortcut().toString(QKeySequence::NativeText)));
    });
    connect(skyJob_, &SyntheticSkyJob::failed, this,
            [this](const QString& message) { warn(tr("Could not generate the synthetic sky"), message); });
}

void MainWindow::generateSyntheticSky(std::size_t starCount, std::uint64_t seed) { skyJob_->start(starCount, seed); }

bool MainWindow::fileJobsAllowed() {
    if (!training_->controller()->isActive())
        return true;
    warn(tr("Training is running"),
         tr("Stop the training run first: it reads the open catalog and writes its checkpoint file."));
    return false;
}

void MainWindow::chooseModelSaveFile() {
    const QString path = QFileDialog::getSaveFileName(this, tr("Save Model"), lastDirectory_,
                                                      tr("StarLocus models (*.h5);;All files (*)"));
    if (!path.isEmpty())
        saveModelFile(path);
}

bool MainWindow::saveModelFile(const QString& path) {
    const auto model = session_->model();
    if (!model || !fileJobsAllowed())
        return false;
    if (loader_->isBusy()) { // HDF5 is used from one thread at a time
        warn(tr("Could not save the model"), tr("A file is still being opened; try again in a moment."));
        return false;
    }
    const TrainingOutcome& trained = training_->controller()->lastOutcome();
    const core::TrainingCheckpoint* record = trained.model == model ? trained.final.get() : nullptr;
    try {
        core::saveModel(path.toStdString(), *model, record);
    } catch (const std::exception& e) {
        warn(tr("Could not save the model"), QString::fromStdString(e.what()));
        return false;
    }
    lastDirectory_ = QFileInfo(path).absolutePath();
    session_->setModelFile(path);
    statusBar()->showMessage(tr("Model saved to %1.").arg(path));
    return true;
}

void MainWindow::setCloseQuestion(CloseQuestion question) { closeQuestion_ = std::move(question); }

void MainWindow::closeEvent(QCloseEvent* event) {
    TrainingController* controller = training_->controller();
    if (controller->isActive()) {
        event->ignore();
        if (closeAfterStop_)
            return; // already stopping; the window closes when the run has ended
        const QString text = tr("A training run is in progress. Stop it and quit?\n\n"
                                "The checkpoint of the last complete iteration stays in %1.")
                                 .arg(controller->checkpointPath());
        if (!closeQuestion_ || !closeQuestion_(text))
            return;
        closeAfterStop_ = true;
        statusBar()->showMessage(tr("Stopping the training run before closing…"));
        controller->stop();
        return;
    }
    closeAfterStop_ = false;
    skyJob_->cancel();
    saveWindowSettings();
    event->accept();
}

void MainWindow::dragEnterEvent(QDragEnterEvent* event) {
    const QList<QUrl> urls = event->mimeData()->urls();
    for (const QUrl& url : urls)
        if (url.isLocalFile()) {
            event->acceptProposedAction();
            return;
        }
}

void MainWindow::dropEvent(QDropEvent* event) {
    const QList<QUrl> urls = event->mimeData()->urls();
    bool accepted = false;
    for (const QUrl& url : urls) {
        if (!url.isLocalFile())
            continue;
        if (!fileJobsAllowed())
            break;
        skyJob_->cancel(); // what the user brings replaces the start-up sky
        const QString path = url.toLocalFile();
        lastDirectory_ = QFileInfo(path).absolutePath();
        loader_->loadFile(path);
        accepted = true;
    }
    if (accepted)
        event->acceptProposedAction();
}

void MainWindow::resetLayout() {
    restoreState(defaultLayout_);
    trainingDock_->setFloating(false);
    showTrainingDock();
}

void MainWindow::restoreWindowSettings() {
    persistSettings_ = true;
    const QSettings settings;
    restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray());
    restoreState(settings.value(QStringLiteral("window/state")).toByteArray());
    training_->splitter()->restoreState(settings.value(QStringLiteral("window/trainingSplitter")).toByteArray());
    lastDirectory_ = settings.value(QStringLiteral("paths/lastDirectory"), lastDirectory_).toString();
    if (const auto scheme = colourSchemeFromName(settings.value(QStringLiteral("view/colours")).toString()))
        setColourScheme(*scheme);
}

void MainWindow::saveWindowSettings() const {
    if (!persistSettings_)
        return;
    QSettings settings;
    settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("window/state"), saveState());
    settings.setValue(QStringLiteral("window/trainingSplitter"), training_->splitter()->saveState());
    settings.setValue(QStringLiteral("paths/lastDirectory"), lastDirectory_);
    settings.setValue(QStringLiteral("view/colours"), colourSchemeName(colourScheme_));
}

} // namespace starlocus::ui
