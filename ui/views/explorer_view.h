// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// ExplorerView: move Teff, log g, [Fe/H] and E and see at once what the stellar model
// predicts — the 13 absolute magnitudes with reddening, the colours against G and R in a
// table, and the star on a colour-magnitude diagram over model tracks through it and the
// catalog's predicted locus. It follows the Session (model and catalog) and asks core
// for every number (explorer_prediction.h).
#include "ui/views/explorer_density.h"
#include "ui/views/explorer_prediction.h"

#include <QWidget>
#include <memory>
#include <vector>

class QLabel;
class QStackedWidget;
class QTableView;

namespace starlocus::ui {

class ExplorerCmdPlot;
class ExplorerLabelControls;
class ExplorerPredictionModel;
class Session;

class ExplorerView : public QWidget {
    Q_OBJECT
public:
    // Points per model track.
    static constexpr std::size_t kTrackSteps = 60;

    explicit ExplorerView(Session* session, QWidget* parent = nullptr);

    ExplorerLabelControls* controls() const { return controls_; }
    ExplorerPredictionModel* predictionModel() const { return table_; }
    QTableView* tableView() const { return tableView_; }
    ExplorerCmdPlot* cmd() const { return cmd_; }

    // The training-star density behind the validity column (nullptr: no column).
    void setDensity(std::shared_ptr<const ExplorerDensity> density);

    bool hasModel() const;
    // The input the table and the plot show now.
    ExplorerInput input() const;

    void retranslate();

signals:
    // After the table and the plot show a new input.
    void updated();

protected:
    void changeEvent(QEvent* event) override;
    void showEvent(QShowEvent* event) override;

private:
    void onModelChanged();
    void onCatalogChanged();
    void recomputeCatalogMagnitudes();
    void updateLocus();
    void updatePrediction();
    void fitTable();

    Session* session_;
    QStackedWidget* stack_;
    QWidget* left_;
    QLabel* emptyText_;
    QLabel* labelsHeading_;
    QLabel* tableHeading_;
    ExplorerLabelControls* controls_;
    ExplorerPredictionModel* table_;
    QTableView* tableView_;
    ExplorerCmdPlot* cmd_;
    std::vector<core::Vec13> catalogMagnitudes_;
};

} // namespace starlocus::ui
