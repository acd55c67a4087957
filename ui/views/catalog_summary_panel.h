// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// CatalogSummaryPanel: the facts of the open catalog (star count, observed magnitudes per
// band, label ranges, reddening-prior and label sources, stored reddening posterior), or
// an empty state that offers to open one.
#include <QGroupBox>

class QAction;
class QFormLayout;
class QLabel;
class QPushButton;
class QStackedWidget;

namespace starlocus::ui {

class FactTable;
class Session;

class CatalogSummaryPanel : public QGroupBox {
    Q_OBJECT
public:
    explicit CatalogSummaryPanel(Session* session, QWidget* parent = nullptr);
    void setOpenAction(QAction* openCatalog);

private:
    void showCatalog();

    Session* session_;
    QAction* openAction_ = nullptr;
    QStackedWidget* stack_;
    QPushButton* openButton_;
    QLabel* fileValue_;
    QLabel* folderValue_;
    QFormLayout* form_;
    QLabel* starCountValue_;
    QLabel* reddeningFitValue_;
    FactTable* labelTable_;
    FactTable* bandTable_;
    FactTable* rSourceTable_;
    FactTable* atmSourceTable_;
};

} // namespace starlocus::ui
