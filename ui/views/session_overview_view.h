// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// SessionOverviewView: the central view. Before anything is open it explains what to open
// and offers the two open actions; afterwards it shows the model and catalog panels side
// by side (a panel with nothing open keeps its own open button).
#include <QWidget>

class QAction;
class QStackedWidget;

namespace starlocus::ui {

class CatalogSummaryPanel;
class ModelSummaryPanel;
class Session;

class SessionOverviewView : public QWidget {
    Q_OBJECT
public:
    explicit SessionOverviewView(Session* session, QWidget* parent = nullptr);
    void setOpenActions(QAction* openModel, QAction* openCatalog);

    // True while the welcome page (nothing open) is shown.
    bool isShowingEmptyState() const;

private:
    void updatePage();

    Session* session_;
    QAction* openModel_ = nullptr;
    QAction* openCatalog_ = nullptr;
    QStackedWidget* stack_;
    ModelSummaryPanel* modelPanel_;
    CatalogSummaryPanel* catalogPanel_;
};

} // namespace starlocus::ui
