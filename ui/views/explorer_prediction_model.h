// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// ExplorerPredictionModel: the explorer's table, one row per band — M + E·R, the colour
// against G, R, and (only while a density provider is set) the training-star density
// that says whether the prediction is backed by data. Qt::DisplayRole is formatted text;
// kValueRole gives the raw double (NaN where there is none, e.g. G − G).
#include "ui/views/explorer_density.h"
#include "ui/views/explorer_prediction.h"

#include <QAbstractTableModel>
#include <memory>
#include <optional>

namespace starlocus::ui {

class ExplorerPredictionModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { BandColumn = 0, AbsoluteMagnitudeColumn, ColorColumn, ExtinctionColumn, ValidityColumn };
    static constexpr int kValueRole = Qt::UserRole + 1;
    // True where the density is below ExplorerDensity::kValidityThreshold.
    static constexpr int kBelowThresholdRole = Qt::UserRole + 2;

    explicit ExplorerPredictionModel(QObject* parent = nullptr);

    // Shows `prediction` made at `input`; cells change in place (no reset).
    void setPrediction(const ExplorerPrediction& prediction, const ExplorerInput& input);
    // Drops the numbers (no model loaded): every value cell shows a dash.
    void clearPrediction();
    // A provider adds the validity column; nullptr removes it.
    void setDensity(std::shared_ptr<const ExplorerDensity> density);
    bool hasDensity() const { return density_ != nullptr; }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

    // Raw value of a cell (NaN when there is none).
    double value(int band, Column column) const;

private:
    void updateDensities();

    std::optional<ExplorerPrediction> prediction_;
    ExplorerInput input_;
    std::shared_ptr<const ExplorerDensity> density_;
    std::array<double, core::kBandCount> densities_{};
};

} // namespace starlocus::ui
