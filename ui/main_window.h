#pragma once
// MainWindow: menus (File, View, Help), a tool bar with the open actions, the views as
// tabs (the session overview, and the explorer once a model is open), and the status bar. Opening a file goes through the
// SessionLoader (background job); a failure is shown as a warning and the session keeps
// what it had.
#include "ui/session/recent_files.h"

#include <QMainWindow>
#include <functional>

class QAction;
class QLabel;
class QMenu;
class QProgressBar;
class QTabWidget;
class QToolBar;

namespace starlocus::ui {

class Session;
class SessionLoader;
class SessionOverviewView;
class ExplorerView;

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(QWidget* parent = nullptr);
    ~MainWindow() override;

    Session* session() const { return session_; }
    SessionLoader* loader() const { return loader_; }
    SessionOverviewView* overview() const { return overview_; }
    ExplorerView* explorer() const { return explorer_; }

    // The views by name ("session", "explorer"), for the command line and tests; false
    // for an unknown name or a view that cannot be shown yet (the explorer needs a model).
    static QStringList viewNames();
    bool showView(const QString& name);
    QString currentViewName() const;

    // Open without a file dialog (command line, tests).
    void openModelFile(const QString& path, const QString& normalizationPath = {});
    void openCatalogFile(const QString& path);

    // How warnings reach the user; by default a QMessageBox::warning. Tests and the
    // screenshot mode install their own so that nothing modal blocks them.
    using WarningPresenter = std::function<void(const QString& title, const QString& text)>;
    void setWarningPresenter(WarningPresenter presenter);
    // Asks for the normalisation JSON of a Keras model that has none beside it; returns
    // an empty string when the user declines. Default: a file dialog.
    using NormalizationChooser = std::function<QString(const QString& modelPath)>;
    void setNormalizationChooser(NormalizationChooser chooser);

    // The text of the last warning shown (empty if none yet).
    QString lastError() const { return lastError_; }

    QAction* openModelAction() const { return openModelAction_; }
    QAction* openCatalogAction() const { return openCatalogAction_; }
    QAction* aboutAction() const { return aboutAction_; }
    QMenu* recentFilesMenu() const { return recentMenu_; }

public slots:
    void chooseModelFile();
    void chooseCatalogFile();
    void showAbout();

private:
    void createActions();
    void createMenus();
    void connectLoader();
    void rebuildRecentFilesMenu();
    void warn(const QString& title, const QString& text);
    void updateViewTabs();

    Session* session_;
    SessionLoader* loader_;
    SessionOverviewView* overview_;
    ExplorerView* explorer_;
    QTabWidget* views_;
    QToolBar* toolBar_ = nullptr;
    QProgressBar* busyIndicator_ = nullptr;
    QAction* openModelAction_ = nullptr;
    QAction* openCatalogAction_ = nullptr;
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
