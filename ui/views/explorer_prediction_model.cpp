// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/views/explorer_prediction_model.h"

#include "core/bands/band_registry.h"

#include <QBrush>
#include <QColor>
#include <QLocale>
#include <cmath>
#include <limits>
#include <string_view>

namespace starlocus::ui {

namespace {
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

QString magnitudeText(double v) {
    return std::isfinite(v) ? QLocale().toString(v, 'f', 3) : QStringLiteral("—");
}

// R: 3 decimals, and 2 significant digits below 0.1 (R of W1/W2 is a few hundredths).
QString extinctionText(double v) {
    if (!std::isfinite(v))
        return QStringLiteral("—");
    return std::abs(v) >= 0.1 ? QLocale().toString(v, 'f', 3) : QLocale().toString(v, 'g', 2);
}

QString text(std::string_view s) { return QString::fromUtf8(s.data(), qsizetype(s.size())); }

QString densityText(double v) {
    if (!std::isfinite(v))
        return QStringLiteral("—");
    return v >= 0.01 ? QLocale().toString(v, 'f', 2) : QLocale().toString(v, 'e', 1);
}
} // namespace

ExplorerPredictionModel::ExplorerPredictionModel(QObject* parent) : QAbstractTableModel(parent) {
    densities_.fill(kNaN);
}

int ExplorerPredictionModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : int(core::kBandCount);
}

int ExplorerPredictionModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : (density_ ? ValidityColumn + 1 : ValidityColumn);
}

void ExplorerPredictionModel::setPrediction(const ExplorerPrediction& prediction, const ExplorerInput& input) {
    prediction_ = prediction;
    input_ = input;
    updateDensities();
    emit dataChanged(index(0, AbsoluteMagnitudeColumn), index(rowCount() - 1, columnCount() - 1));
}

void ExplorerPredictionModel::clearPrediction() {
    prediction_.reset();
    densities_.fill(kNaN);
    emit dataChanged(index(0, AbsoluteMagnitudeColumn), index(rowCount() - 1, columnCount() - 1));
}

void ExplorerPredictionModel::setDensity(std::shared_ptr<const ExplorerDensity> density) {
    const bool had = density_ != nullptr, has = density != nullptr;
    if (had && !has)
        beginRemoveColumns({}, ValidityColumn, ValidityColumn);
    if (!had && has)
        beginInsertColumns({}, ValidityColumn, ValidityColumn);
    density_ = std::move(density);
    updateDensities();
    if (had && !has)
        endRemoveColumns();
    if (!had && has)
        endInsertColumns();
    if (has)
        emit dataChanged(index(0, ValidityColumn), index(rowCount() - 1, ValidityColumn));
}

void ExplorerPredictionModel::updateDensities() {
    for (std::size_t b = 0; b < core::kBandCount; ++b)
        densities_[b] = density_ && prediction_ ? density_->density(b, input_.theta) : kNaN;
}

double ExplorerPredictionModel::value(int band, Column column) const {
    if (band < 0 || band >= int(core::kBandCount))
        return kNaN;
    if (column == ValidityColumn)
        return density_ ? densities_[std::size_t(band)] : kNaN;
    if (!prediction_)
        return kNaN;
    switch (column) {
    case AbsoluteMagnitudeColumn:
        return prediction_->absoluteMagnitudes[band];
    case ColorColumn:
        return band == 0 ? kNaN : prediction_->colorsVsG[band]; // G − G is no colour
    case ExtinctionColumn:
        return prediction_->extinction[band];
    default:
        return kNaN;
    }
}

QVariant ExplorerPredictionModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() >= rowCount() || index.column() >= columnCount())
        return {};
    const auto column = Column(index.column());
    const core::Band& band = core::bands()[std::size_t(index.row())];
    if (column == BandColumn) {
        if (role == Qt::DisplayRole)
            return text(band.displayName);
        if (role == Qt::ToolTipRole)
            return tr("%1 (%2 magnitudes)").arg(text(band.displayName), text(core::magnitudeSystemName(band.catalogSystem)));
        return {};
    }
    const double v = value(index.row(), column);
    const bool low = column == ValidityColumn && std::isfinite(v) && v < ExplorerDensity::kValidityThreshold;
    switch (role) {
    case Qt::DisplayRole:
        if (column == ValidityColumn)
            return low ? tr("%1 (sparse)").arg(densityText(v)) : densityText(v);
        return column == ExtinctionColumn ? extinctionText(v) : magnitudeText(v);
    case Qt::TextAlignmentRole:
        return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    case Qt::ForegroundRole:
        return low ? QVariant(QBrush(QColor(0xc0, 0x30, 0x20))) : QVariant();
    case Qt::ToolTipRole:
        if (column == ValidityColumn)
            return low ? tr("Few training stars near these labels in this band: the prediction is not backed by data "
                            "(density below %1 of the peak).")
                             .arg(QLocale().toString(ExplorerDensity::kValidityThreshold))
                       : tr("Density of training stars near these labels, relative to the peak (1).");
        return {};
    case kValueRole:
        return v;
    case kBelowThresholdRole:
        return low;
    default:
        return {};
    }
}

QVariant ExplorerPredictionModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal)
        return {};
    if (role == Qt::DisplayRole) {
        switch (section) {
        case BandColumn:
            return tr("Band");
        case AbsoluteMagnitudeColumn:
            return tr("M + E·R [mag]");
        case ColorColumn:
            return tr("band − G [mag]");
        case ExtinctionColumn:
            return tr("R = A/E");
        case ValidityColumn:
            return tr("Training density");
        default:
            return {};
        }
    }
    if (role == Qt::ToolTipRole) {
        switch (section) {
        case AbsoluteMagnitudeColumn:
            return tr("Absolute magnitude with the reddening applied: M(θ) + E·R(θ) (Eq. 2 at μ = 0)");
        case ColorColumn:
            return tr("Colour against Gaia G of M + E·R (the c-space entries of Eq. 5)");
        case ExtinctionColumn:
            return tr("Extinction per unit reddening in each band: A = E·R");
        case ValidityColumn:
            return tr("Density of training stars in θ for this band, peak = 1 (§7); below 0.01 the model is not "
                      "backed by data");
        default:
            return {};
        }
    }
    return {};
}

} // namespace starlocus::ui
