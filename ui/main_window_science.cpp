// SPDX-License-Identifier: GPL-3.0-or-later
// MainWindow, third part: the science views of the paper (Figs. 6–12) as a tab that shows
// the session's model and catalog. The tab's data is prepared only while the tab is shown
// (seconds for 10⁵ stars, off the GUI thread): a model opened before its catalog, or the
// start-up sky before any model, would otherwise be computed for nothing.
#include "ui/main_window.h"
#include "ui/science/science_tab.h"
#include "ui/science/science_view.h"
#include "ui/science/science_views.h"
#include "ui/session/session.h"

#include <QAction>
#include <QMenu>
#include <QTabWidget>

namespace starlocus::ui {

void MainWindow::createScience() {
    science_ = new ScienceTab(views_);
    const int tab = views_->addTab(science_, tr("Science"));
    views_->setTabToolTip(tab, tr("The paper's Figs. 6–12 for the open model and catalog"));
    const auto sessionChanged = [this] {
        scienceStale_ = true;
        updateScience();
    };
    connect(session_, &Session::modelChanged, this, sessionChanged);
    connect(session_, &Session::catalogChanged, this, sessionChanged);
    connect(views_, &QTabWidget::currentChanged, this, &MainWindow::updateScience);
    // A saved model keeps its data; only the file the command names changes. A tab that
    // is stale anyway takes the new origin when it is prepared again.
    connect(session_, &Session::modelFileChanged, this, [this](const QString& path) {
        if (!scienceStale_ && science_->data() && science_->data()->model == session_->model())
            science_->setModelFile(path);
    });
    updateScience();
}

void MainWindow::addScienceMenu(QMenu* view) {
    QMenu* menu = view->addMenu(tr("S&cience Views"));
    menu->setObjectName(QStringLiteral("scienceViewsMenu"));
    for (ScienceView* v : science_->views()) {
        QAction* action = menu->addAction(v->title());
        action->setObjectName(QStringLiteral("showScienceView_%1").arg(v->viewName()));
        const QString name = v->viewName();
        connect(action, &QAction::triggered, this, [this, name] { showView(name); });
    }
}

void MainWindow::updateScience() {
    if (!scienceStale_)
        return;
    const auto model = session_->model();
    const auto catalog = session_->catalog();
    if (!model || !catalog) { // cheap: say at once what is missing, shown or not
        scienceStale_ = false;
        if (!model && !catalog)
            science_->showMissing(tr("No catalog and no model yet: open both (File menu), or train a model on the "
                                     "synthetic sky once it is ready (Training ▸ Train)."));
        else if (!model)
            science_->showMissing(tr("No model yet: train one on the %Ln star(s) of the catalog (Training ▸ Train) "
                                     "or open one (File ▸ Open Model).",
                                     nullptr, int(catalog->size())));
        else
            science_->showMissing(tr("No catalog: the science views compare the model with observed stars. "
                                     "Open a catalog (File ▸ Open Catalog)."));
        return;
    }
    if (views_->currentWidget() != science_)
        return; // prepared when the tab is shown
    scienceStale_ = false;
    const ModelOrigin& origin = session_->modelOrigin();
    ScienceInput input;
    input.model = model;
    input.catalog = catalog;
    input.trainingRecord = origin.trainingRecord;
    input.modelPath = origin.path;
    input.normalizationPath = origin.normalizationFile;
    input.catalogPath = session_->catalogPath();
    science_->open(std::move(input));
}

} // namespace starlocus::ui
