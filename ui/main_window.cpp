// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/main_window.h"

#include "ui/dialogs/about_dialog.h"
#include "ui/import/import_dialog.h"
#include "ui/import/table_drop_filter.h"
#include "ui/import/table_file_types.h"
#include "ui/inference/catalog_fit_view.h"
#include "ui/inference/star_fit_view.h"
#include "ui/science/science_tab.h"
#include "ui/science/science_views.h"
#include "ui/session/session.h"
#include "ui/session/session_loader.h"
#include "ui/session/synthetic_sky_job.h"
#include "ui/training/training_controller.h"
#include "ui/training/training_view.h"
#include "ui/translators.h"
#include "ui/views/display_text.h"
#include "ui/views/explorer_view.h"
#include "ui/views/session_overview_view.h"

#include <QAction>
#include <QApplication>
#include <QDockWidget>
#include <QFileDialog>
#include <QFileInfo>
#include <QIcon>
#include <QMenuBar>
#include <QMessageBox>
#include <QProgressBar>
#include <QStatusBar>
#include <QTabWidget>
#include <QToolBar>
#include <QToolButton>

namespace starlocus::ui {

MainWindow::MainWindow(QWidget* parent)
    : QMainWindow(parent), session_(new Session(this)), loader_(new SessionLoader(session_, this)) {
    initResources();
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(tr("StarLocus"));
    setWindowIcon(QIcon(QStringLiteral(":/icons/starlocus.svg")));
    resize(1280, 800);

    views_ = new QTabWidget(this);
    views_->setObjectName(QStringLiteral("viewTabs"));
    views_->setDocumentMode(true);
    overview_ = new SessionOverviewView(session_, views_);
    explorer_ = new ExplorerView(session_, views_);
    createSessionDensity(); // before the views that share it
    views_->addTab(overview_, tr("Session"));
    views_->addTab(explorer_, tr("Explorer"));
    createScience();
    createStarFit();
    createCatalogFit();
    // The tables' own minimum heights must not keep the training dock small.
    views_->setMinimumSize(320, 160);
    setCentralWidget(views_);
    connect(session_, &Session::modelChanged, this, &MainWindow::updateViewTabs);
    connect(session_, &Session::modelChanged, this, &MainWindow::updateValidity);
    connect(session_, &Session::catalogChanged, this, &MainWindow::updateValidity);
    updateViewTabs();
    createActions();
    createTraining();
    createMenus();
    overview_->setOpenActions(openModelAction_, openCatalogAction_);
    setAcceptDrops(true);
    // Survey tables dropped here go to the import dialog; models and catalogs to dropEvent.
    installEventFilter(new TableDropFilter([this](const QStringList& tables) { openImportDialog(tables); }, this));

    busyIndicator_ = new QProgressBar(this);
    busyIndicator_->setRange(0, 0); // indeterminate: HDF5 reads report no progress
    busyIndicator_->setMaximumWidth(160);
    busyIndicator_->setVisible(false);
    statusBar()->addPermanentWidget(busyIndicator_);
    // While a file is read by its probe child the request can still be cancelled (a file
    // that hangs libhdf5 would otherwise hold the loader until the probe's time limit).
    cancelOpenButton_ = new QToolButton(this);
    cancelOpenButton_->setObjectName(QStringLiteral("cancelOpenButton"));
    cancelOpenButton_->setText(tr("Cancel"));
    cancelOpenButton_->setToolTip(tr("Stop opening the file"));
    cancelOpenButton_->setVisible(false);
    statusBar()->addPermanentWidget(cancelOpenButton_);
    connectSyntheticSky();
    statusBar()->addPermanentWidget(training_->positionLabel());
    statusBar()->addPermanentWidget(training_->progressBar());
    statusBar()->showMessage(tr("Ready. Open a model (%1) or a catalog (%2).")
                                 .arg(openModelAction_->shortcut().toString(QKeySequence::NativeText),
                                      openCatalogAction_->shortcut().toString(QKeySequence::NativeText)));

    warningPresenter_ = [this](const QString& title, const QString& text) {
        QMessageBox::warning(this, title, text);
    };
    normalizationChooser_ = [this](const QString& modelPath) {
        return QFileDialog::getOpenFileName(
            this, tr("Normalisation JSON for %1").arg(QFileInfo(modelPath).fileName()),
            QFileInfo(modelPath).absolutePath(), tr("Normalisation JSON (*.json);;All files (*)"));
    };
    closeQuestion_ = [this](const QString& text) {
        return QMessageBox::question(this, tr("Training is running"), text,
                                     QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel) == QMessageBox::Yes;
    };
    connectLoader();
    defaultLayout_ = saveState();
}

MainWindow::~MainWindow() {
    // The loader first: it waits for a running file job, whose result then goes nowhere.
    delete loader_;
}

void MainWindow::createActions() {
    openModelAction_ = new QAction(QIcon::fromTheme(QStringLiteral("document-open")), tr("Open &Model…"), this);
    openModelAction_->setObjectName(QStringLiteral("openModelAction"));
    openModelAction_->setShortcut(QKeySequence::Open);
    openModelAction_->setStatusTip(tr("Open a Keras stellar model (.h5) or a StarLocus model file"));
    connect(openModelAction_, &QAction::triggered, this, &MainWindow::chooseModelFile);

    openCatalogAction_ = new QAction(QIcon::fromTheme(QStringLiteral("document-open")), tr("Open &Catalog…"), this);
    openCatalogAction_->setObjectName(QStringLiteral("openCatalogAction"));
    openCatalogAction_->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O));
    openCatalogAction_->setStatusTip(tr("Open a catalog of stars in the Green et al. HDF5 layout"));
    connect(openCatalogAction_, &QAction::triggered, this, &MainWindow::chooseCatalogFile);

    importTableAction_ = new QAction(QIcon::fromTheme(QStringLiteral("document-import")), tr("&Import Table…"), this);
    importTableAction_->setObjectName(QStringLiteral("importTableAction"));
    importTableAction_->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_I));
    importTableAction_->setStatusTip(
        tr("Import survey tables (FITS, CSV, ECSV, VOTable) into a catalog with the paper's §3 rules"));
    connect(importTableAction_, &QAction::triggered, this, &MainWindow::chooseImportTables);

    saveModelAction_ = new QAction(QIcon::fromTheme(QStringLiteral("document-save")), tr("&Save Model…"), this);
    saveModelAction_->setObjectName(QStringLiteral("saveModelAction"));
    saveModelAction_->setShortcut(QKeySequence::Save);
    saveModelAction_->setStatusTip(tr("Save the open model as a StarLocus model file (with its training record)"));
    saveModelAction_->setEnabled(false);
    connect(saveModelAction_, &QAction::triggered, this, &MainWindow::chooseModelSaveFile);
    connect(session_, &Session::modelChanged, this, [this] { saveModelAction_->setEnabled(session_->model() != nullptr); });

    fullScreenAction_ = new QAction(tr("&Full Screen"), this);
    fullScreenAction_->setObjectName(QStringLiteral("fullScreenAction"));
    fullScreenAction_->setCheckable(true);
    fullScreenAction_->setShortcuts(QKeySequence::FullScreen);
    if (!fullScreenAction_->shortcuts().contains(QKeySequence(Qt::Key_F11)))
        fullScreenAction_->setShortcuts(fullScreenAction_->shortcuts() << QKeySequence(Qt::Key_F11));
    connect(fullScreenAction_, &QAction::toggled, this, [this](bool on) {
        setWindowState(on ? (windowState() | Qt::WindowFullScreen) : (windowState() & ~Qt::WindowFullScreen));
    });

    resetLayoutAction_ = new QAction(tr("&Reset Layout"), this);
    resetLayoutAction_->setObjectName(QStringLiteral("resetLayoutAction"));
    connect(resetLayoutAction_, &QAction::triggered, this, &MainWindow::resetLayout);

    quitAction_ = new QAction(QIcon::fromTheme(QStringLiteral("application-exit")), tr("&Quit"), this);
    quitAction_->setObjectName(QStringLiteral("quitAction"));
    quitAction_->setShortcuts(QKeySequence::Quit);
    if (quitAction_->shortcuts().isEmpty()) // some platforms (e.g. offscreen) define none
        quitAction_->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Q));
    quitAction_->setMenuRole(QAction::QuitRole);
    quitAction_->setStatusTip(tr("Quit StarLocus"));
    connect(quitAction_, &QAction::triggered, this, &QWidget::close);

    aboutAction_ = new QAction(tr("&About StarLocus"), this);
    aboutAction_->setObjectName(QStringLiteral("aboutAction"));
    aboutAction_->setShortcut(QKeySequence::HelpContents);
    aboutAction_->setMenuRole(QAction::AboutRole);
    aboutAction_->setStatusTip(tr("Version, the paper to cite and licences"));
    connect(aboutAction_, &QAction::triggered, this, &MainWindow::showAbout);

    aboutQtAction_ = new QAction(tr("About &Qt"), this);
    aboutQtAction_->setObjectName(QStringLiteral("aboutQtAction"));
    aboutQtAction_->setMenuRole(QAction::AboutQtRole);
    connect(aboutQtAction_, &QAction::triggered, qApp, &QApplication::aboutQt);
}

void MainWindow::createMenus() {
    QMenu* file = menuBar()->addMenu(tr("&File"));
    file->setObjectName(QStringLiteral("fileMenu"));
    file->addAction(openModelAction_);
    file->addAction(openCatalogAction_);
    file->addAction(importTableAction_);
    recentMenu_ = file->addMenu(tr("Open &Recent"));
    recentMenu_->setObjectName(QStringLiteral("recentFilesMenu"));
    rebuildRecentFilesMenu();
    file->addAction(saveModelAction_);
    file->addAction(training_->exportHistoryAction());
    file->addSeparator();
    file->addAction(quitAction_);

    toolBar_ = addToolBar(tr("Session"));
    toolBar_->setObjectName(QStringLiteral("sessionToolBar"));
    toolBar_->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    toolBar_->setMovable(false);
    toolBar_->addAction(openModelAction_);
    toolBar_->addAction(openCatalogAction_);
    toolBar_->addAction(importTableAction_);

    QMenu* view = menuBar()->addMenu(tr("&View"));
    view->setObjectName(QStringLiteral("viewMenu"));
    QAction* toggleToolBar = toolBar_->toggleViewAction();
    toggleToolBar->setText(tr("Show &Tool Bar"));
    toggleToolBar->setObjectName(QStringLiteral("toggleToolBarAction"));
    view->addAction(toggleToolBar);
    auto* toggleStatusBar = new QAction(tr("Show &Status Bar"), this);
    toggleStatusBar->setObjectName(QStringLiteral("toggleStatusBarAction"));
    toggleStatusBar->setCheckable(true);
    toggleStatusBar->setChecked(true);
    connect(toggleStatusBar, &QAction::toggled, statusBar(), &QStatusBar::setVisible);
    view->addAction(toggleStatusBar);
    QAction* toggleTraining = trainingDock_->toggleViewAction();
    toggleTraining->setText(tr("Show T&raining Monitor"));
    toggleTraining->setObjectName(QStringLiteral("toggleTrainingDockAction"));
    view->addAction(toggleTraining);
    addScienceMenu(view);
    addColoursMenu(view);
    view->addSeparator();
    view->addAction(fullScreenAction_);
    view->addAction(resetLayoutAction_);

    createTrainingMenu();
    QMenu* help = menuBar()->addMenu(tr("&Help"));
    help->setObjectName(QStringLiteral("helpMenu"));
    help->addAction(aboutAction_);
    help->addAction(aboutQtAction_);
}

void MainWindow::connectLoader() {
    connect(loader_, &SessionLoader::busyChanged, busyIndicator_, &QWidget::setVisible);
    connect(loader_, &SessionLoader::probingChanged, cancelOpenButton_, &QWidget::setVisible);
    connect(cancelOpenButton_, &QToolButton::clicked, loader_, &SessionLoader::cancelProbes);
    connect(loader_, &SessionLoader::loadCancelled, this, [this](const QString& path) {
        statusBar()->showMessage(tr("Opening %1 was cancelled.").arg(QFileInfo(path).fileName()));
    });
    connect(loader_, &SessionLoader::modelLoadStarted, this, [this](const QString& path) {
        statusBar()->showMessage(tr("Opening model %1…").arg(QFileInfo(path).fileName()));
    });
    connect(loader_, &SessionLoader::fileLoadStarted, this, [this](const QString& path) {
        statusBar()->showMessage(tr("Opening %1…").arg(QFileInfo(path).fileName()));
    });
    connect(loader_, &SessionLoader::catalogLoadStarted, this, [this](const QString& path) {
        statusBar()->showMessage(tr("Opening catalog %1…").arg(QFileInfo(path).fileName()));
    });
    connect(loader_, &SessionLoader::modelLoaded, this, [this](const QString& path) {
        const auto model = session_->model();
        recentFiles_.add({RecentFile::Kind::Model, path, session_->modelNormalizationFile()});
        rebuildRecentFilesMenu();
        statusBar()->showMessage(tr("Model %1 opened: %2 parameters.")
                                     .arg(QFileInfo(path).fileName(), countText(model->parameterCount())));
    });
    connect(loader_, &SessionLoader::catalogLoaded, this, [this](const QString& path) {
        recentFiles_.add({RecentFile::Kind::Catalog, path, {}});
        rebuildRecentFilesMenu();
        statusBar()->showMessage(tr("Catalog %1 opened: %2 stars.")
                                     .arg(QFileInfo(path).fileName(), countText(session_->catalog()->size())));
    });
    connect(loader_, &SessionLoader::modelLoadFailed, this,
            [this](const QString& path, const QString& message, bool needsNormalization) {
                if (needsNormalization) {
                    const QString json = normalizationChooser_ ? normalizationChooser_(path) : QString();
                    if (!json.isEmpty()) {
                        loader_->loadModel(path, json);
                        return;
                    }
                }
                statusBar()->showMessage(tr("Could not open model %1.").arg(QFileInfo(path).fileName()));
                warn(tr("Could not open model"), message);
            });
    connect(loader_, &SessionLoader::catalogLoadFailed, this, [this](const QString& path, const QString& message) {
        statusBar()->showMessage(tr("Could not open catalog %1.").arg(QFileInfo(path).fileName()));
        warn(tr("Could not open catalog"), message);
    });
}

void MainWindow::rebuildRecentFilesMenu() {
    recentMenu_->clear();
    const QList<RecentFile> files = recentFiles_.entries();
    for (const RecentFile& file : files) {
        const bool model = file.kind == RecentFile::Kind::Model;
        const QString name = QFileInfo(file.path).fileName();
        QAction* action = recentMenu_->addAction(model ? tr("Model: %1").arg(name) : tr("Catalog: %1").arg(name));
        action->setToolTip(file.path);
        action->setStatusTip(file.path);
        connect(action, &QAction::triggered, this, [this, file] {
            if (file.kind == RecentFile::Kind::Model)
                openModelFile(file.path, file.normalizationPath);
            else
                openCatalogFile(file.path);
        });
    }
    if (!files.isEmpty()) {
        recentMenu_->addSeparator();
        QAction* clear = recentMenu_->addAction(tr("&Clear List"));
        clear->setObjectName(QStringLiteral("clearRecentFilesAction"));
        connect(clear, &QAction::triggered, this, [this] {
            recentFiles_.clear();
            // Not from inside the triggered action's own signal: the rebuild deletes it.
            QMetaObject::invokeMethod(this, &MainWindow::rebuildRecentFilesMenu, Qt::QueuedConnection);
        });
    }
    recentMenu_->setEnabled(!files.isEmpty());
}

void MainWindow::openModelFile(const QString& path, const QString& normalizationPath) {
    // Allowed while a run trains: the run has its own catalog and model, HDF5 is used under
    // one lock, and a file that crashes libhdf5 is caught by the loader's probe child. The
    // run's model replaces this one when the run ends, as it replaces any open model.
    lastDirectory_ = QFileInfo(path).absolutePath();
    loader_->loadModel(path, normalizationPath);
}

void MainWindow::openCatalogFile(const QString& path) {
    if (!fileJobsAllowed())
        return;
    skyJob_->cancel(); // the opened catalog replaces the synthetic sky
    lastDirectory_ = QFileInfo(path).absolutePath();
    loader_->loadCatalog(path);
}

void MainWindow::chooseModelFile() {
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Open Model"), lastDirectory_,
        tr("Stellar models (*.h5 *.hdf5);;All files (*)"));
    if (!path.isEmpty())
        openModelFile(path);
}

void MainWindow::chooseCatalogFile() {
    const QString path = QFileDialog::getOpenFileName(this, tr("Open Catalog"), lastDirectory_,
                                                      tr("HDF5 catalogs (*.h5 *.hdf5);;All files (*)"));
    if (!path.isEmpty())
        openCatalogFile(path);
}

void MainWindow::chooseImportTables() {
    const QStringList paths =
        QFileDialog::getOpenFileNames(this, tr("Import Survey Tables"), lastDirectory_, tableFileFilter());
    if (!paths.isEmpty())
        openImportDialog(paths);
}

ImportDialog* MainWindow::importDialog() const { return importDialog_; }

ImportDialog* MainWindow::openImportDialog(const QStringList& tablePaths) {
    if (!importDialog_) {
        importDialog_ = new ImportDialog(this);
        importDialog_->setAttribute(Qt::WA_DeleteOnClose);
        connect(importDialog_, &ImportDialog::catalogImported, this, [this](const QString& path) {
            statusBar()->showMessage(tr("Catalog %1 imported; opening it…").arg(QFileInfo(path).fileName()));
            openCatalogFile(path); // as File ▸ Open Catalog: probe child, background read, recent files
        });
    }
    if (!tablePaths.isEmpty())
        lastDirectory_ = QFileInfo(tablePaths.front()).absolutePath();
    importDialog_->addTables(tablePaths);
    importDialog_->show();
    importDialog_->raise();
    importDialog_->activateWindow();
    return importDialog_;
}

void MainWindow::showAbout() {
    auto* dialog = new AboutDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open(); // window-modal, does not block the event loop
}

QStringList MainWindow::viewNames() {
    return QStringList{QStringLiteral("session"), QStringLiteral("explorer"), QStringLiteral("science"),
                       QStringLiteral("fit"), QStringLiteral("catalog-fit"), QStringLiteral("training")} +
           scienceViewNames();
}

QWidget* MainWindow::tabOfView(const QString& name) const {
    if (name == QLatin1String("session"))
        return overview_;
    if (name == QLatin1String("explorer"))
        return explorer_;
    if (name == QLatin1String("fit"))
        return starFit_;
    if (name == QLatin1String("catalog-fit"))
        return catalogFit_;
    if (name == QLatin1String("science") || scienceViewNames().contains(name))
        return science_;
    return nullptr;
}

bool MainWindow::showView(const QString& name) {
    if (name == QLatin1String("training")) {
        showTrainingDock();
        return true;
    }
    QWidget* tab = tabOfView(name);
    if (!tab || !views_->isTabEnabled(views_->indexOf(tab)))
        return false;
    if (tab == science_ && name != QLatin1String("science"))
        science_->showView(name);
    views_->setCurrentWidget(tab);
    // The explorer's table and the multi-panel figures need the window's height, more than
    // the monitor's charts leave them; the monitor comes back with the next run (or View ▸
    // Show Training Monitor).
    if ((tab == science_ || tab == explorer_ || tab == starFit_ || tab == catalogFit_) && !trainingDock_->isFloating() &&
        !training_->controller()->isActive())
        trainingDock_->hide();
    return true;
}

QString MainWindow::currentViewName() const {
    const QWidget* tab = views_->currentWidget();
    if (tab == overview_)
        return QStringLiteral("session");
    if (tab == starFit_)
        return QStringLiteral("fit");
    if (tab == catalogFit_)
        return QStringLiteral("catalog-fit");
    return tab == explorer_ ? QStringLiteral("explorer") : QStringLiteral("science");
}

void MainWindow::updateViewTabs() {
    const int explorerTab = views_->indexOf(explorer_);
    const bool hasModel = session_->model() != nullptr;
    views_->setTabEnabled(explorerTab, hasModel);
    views_->setTabToolTip(explorerTab, hasModel ? tr("Predictions of the model for any stellar labels")
                                                : tr("Open a stellar model to explore it"));
}

void MainWindow::setWarningPresenter(WarningPresenter presenter) { warningPresenter_ = std::move(presenter); }

void MainWindow::setNormalizationChooser(NormalizationChooser chooser) { normalizationChooser_ = std::move(chooser); }

void MainWindow::warn(const QString& title, const QString& text) {
    lastError_ = text;
    if (warningPresenter_)
        warningPresenter_(title, text);
}

} // namespace starlocus::ui
