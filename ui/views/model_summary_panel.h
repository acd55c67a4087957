// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// ModelSummaryPanel: the facts of the open stellar model (its file, or "not saved yet" for
// a model trained in this session; the catalog it was trained on; its layers and
// activations, parameter count, label normalisation), or an empty state that offers to
// open one.
#include <QGroupBox>

class QAction;
class QFormLayout;
class QLabel;
class QPushButton;
class QStackedWidget;

namespace starlocus::ui {

class FactTable;
class Session;

class ModelSummaryPanel : public QGroupBox {
    Q_OBJECT
public:
    explicit ModelSummaryPanel(Session* session, QWidget* parent = nullptr);
    // The action the empty state's button triggers.
    void setOpenAction(QAction* openModel);

private:
    void showModel();

    Session* session_;
    QAction* openAction_ = nullptr;
    QStackedWidget* stack_;
    QPushButton* openButton_;
    QLabel* fileValue_;
    QLabel* folderValue_;
    QLabel* originValue_;
    QLabel* trainedOnValue_; // shown for a model trained by StarLocus
    QLabel* notesValue_;     // what the file's loader noted (e.g. no checksums), when anything
    QFormLayout* form_;
    QLabel* descriptionValue_;
    QLabel* normalizationFileValue_;
    QLabel* architectureValue_;
    QLabel* parameterCountValue_;
    FactTable* layerTable_;
    FactTable* normalizationTable_;
};

} // namespace starlocus::ui
