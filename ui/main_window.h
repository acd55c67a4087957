// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// MainWindow: menus (File, Training, View, Help), tool bars, the views as tabs (the
// session overview, the explorer once a model is open, the science views of the
// session's model + catalog, and "Fit a star"), the training monitor as a dock, and the status bar. Opening a file goes through the SessionLoader (background
// job, the file read first by a probe child); a failure, a crash of libhdf5 on the file
// included, is shown as a warning and the session keeps what it had. A model may be opened
// while a run trains; a catalog may not (the run reads the open one). Closing while
// a run trains asks first, stops the run and closes once it has ended (its last
// checkpoint stays on disk).
#include "ui/colour_scheme.h"
#include "ui/session/recent_files.h"

#include <QMainWindow>
#include <QPointer>
#include <cstdint>
#include <functional>

class QAction;
class QActionGroup;
class QDockWidget;
class QLabel;
class QMenu;
class QProgressBar;
class QTabWidget;
class QToolBar;
class QToolButton;

namespace starlocus::ui {

class Session;
class SessionLoader;
class SessionOverviewView;
class ExplorerView;
class CatalogFitView;
class ImportDialog;
class ScienceTab;
class SessionDensity;
class StarFitView;
class SyntheticSkyJob;
class TrainingView;

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(QWidget* parent = nullptr);
    ~MainWindow() override;

    Session* session() const { return session_; }
    SessionLoader* loader() const { return loader_; }
    SessionOverviewView* overview() const { return overview_; }
    ExplorerView* explorer() const { return explorer_; }
    ScienceTab* science() const { return science_; }
    StarFitView* starFit() const { return starFit_; }
    // The session's training density, shared by the explorer and the Fit a Star view.
    SessionDensity* sessionDensity() const { return density_; }
    CatalogFitView* catalogFit() const { return catalogFit_; }
    TrainingView* training() const { return training_; }
    QDockWidget* trainingDock() const { return trainingDock_; }
    SyntheticSkyJob* syntheticSky() const { return skyJob_; }

    // The start-up default data: a synthetic sky of `starCount` stars generated in the
    // background (a catalog opened meanwhile cancels it).
    void generateSyntheticSky(std::size_t starCount, std::uint64_t seed = 1);

    // Window geometry, dock layout and last folder from QSettings; from then on they are
    // saved when the window closes (the app does this; tests do not).
    void restoreWindowSettings();

    // The colours of the whole window (View ▸ Colours; saved with the window settings).
    void setColourScheme(ColourScheme scheme);
    ColourScheme colourScheme() const { return colourScheme_; }

    // The views by name ("session", "explorer", "science", "fit", "catalog-fit", "training", and each science
    // view: "cmd", "mean_labels", … "scores"), for the command line and tests; false for an
    // unknown name or a view that cannot be shown yet (the explorer needs a model).
    static QStringList viewNames();
    bool showView(const QString& name);
    QString currentViewName() const;

    // Open without a file dialog (command line, tests).
    void openModelFile(const QString& path, const QString& normalizationPath = {});
    void openCatalogFile(const QString& path);
    // File ▸ Import Table…: the import dialog (one at a time) with these survey tables added;
    // the catalog it writes is opened as the session catalog.
    ImportDialog* openImportDialog(const QStringList& tablePaths = {});
    ImportDialog* importDialog() const;

    // How warnings reach the user; by default a QMessageBox::warning. Tests and the
    // screenshot mode install their own so that nothing modal blocks them.
    using WarningPresenter = std::function<void(const QString& title, const QString& text)>;
    void setWarningPresenter(WarningPresenter presenter);
    // Asks for the normalisation JSON of a Keras model that has none beside it; returns
    // an empty string when the user declines. Default: a file dialog.
    using NormalizationChooser = std::function<QString(const QString& modelPath)>;
    void setNormalizationChooser(NormalizationChooser chooser);
    // Asks whether to stop a running training and quit; default: a question box.
    using CloseQuestion = std::function<bool(const QString& text)>;
    void setCloseQuestion(CloseQuestion question);

    // The text of the last warning shown (empty if none yet).
    QString lastError() const { return lastError_; }

    QAction* openModelAction() const { return openModelAction_; }
    QAction* openCatalogAction() const { return openCatalogAction_; }
    QAction* importTableAction() const { return importTableAction_; }
    QAction* aboutAction() const { return aboutAction_; }
    QAction* saveModelAction() const { return saveModelAction_; }
    QAction* fullScreenAction() const { return fullScreenAction_; }
    QMenu* recentFilesMenu() const { return recentMenu_; }

public slots:
    void chooseModelFile();
    void chooseCatalogFile();
    void chooseImportTables();
    void chooseModelSaveFile();
    void showAbout();
    void resetLayout();

public:
    // Writes the session's model (with its training record when it was trained here).
    bool saveModelFile(const QString& path);

protected:
    void closeEvent(QCloseEvent* event) override;
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dropEvent(QDropEvent* event) override;

private:
    void createTraining();
    void createTrainingMenu();
    void createScience();
    void addScienceMenu(QMenu* view);
    void createStarFit();
    void createCatalogFit(); // after createStarFit: it shares the Fit a Star tab's grid
    void addColoursMenu(QMenu* view);
    void createSessionDensity();
    void updateValidity(); // the session's training density, for the explorer and Fit a Star (background)
    void updateScience();
    void showTrainingDock();
    void connectSyntheticSky();
    bool fileJobsAllowed();
    void saveWindowSettings() const;
    void createActions();
    void createMenus();
    void connectLoader();
    void rebuildRecentFilesMenu();
    void warn(const QString& title, const QString& text);
    void updateViewTabs();
    // The tab that shows the view `name` (a science view's is the science tab); null if none.
    QWidget* tabOfView(const QString& name) const;

    Session* session_;
    SessionLoader* loader_;
    SessionOverviewView* overview_;
    ExplorerView* explorer_;
    ScienceTab* science_ = nullptr;
    bool scienceStale_ = true; // the session changed since the science tab was last given it
    StarFitView* starFit_ = nullptr;
    CatalogFitView* catalogFit_ = nullptr;
    QTabWidget* views_;
    QToolBar* toolBar_ = nullptr;
    QProgressBar* busyIndicator_ = nullptr;
    QToolButton* cancelOpenButton_ = nullptr;
    QProgressBar* skyProgress_ = nullptr;
    TrainingView* training_ = nullptr;
    QDockWidget* trainingDock_ = nullptr;
    SyntheticSkyJob* skyJob_ = nullptr;
    QToolBar* trainingToolBar_ = nullptr;
    QAction* saveModelAction_ = nullptr;
    QAction* fullScreenAction_ = nullptr;
    QAction* resetLayoutAction_ = nullptr;
    QByteArray defaultLayout_;
    CloseQuestion closeQuestion_;
    bool closeAfterStop_ = false;
    bool persistSettings_ = false;
    ColourScheme colourScheme_ = ColourScheme::System;
    SessionDensity* density_ = nullptr;
    QActionGroup* colourActions_ = nullptr;
    QAction* openModelAction_ = nullptr;
    QAction* openCatalogAction_ = nullptr;
    QAction* importTableAction_ = nullptr;
    QPointer<ImportDialog> importDialog_;
    QAction* quitAction_ = nullptr;
    QAction* aboutAction_ = nullptr;
    QAction* aboutQtAction_ = nullptr;
    QMenu* recentMenu_ = nullptr;
    RecentFiles recentFiles_;
    WarningPresenter warningPresenter_;
    NormalizationChooser normalizationChooser_;
    QString lastError_;
    QString lastDirectory_;
};

} // namespace starlocus::ui
