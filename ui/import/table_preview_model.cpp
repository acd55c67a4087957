// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/import/table_preview_model.h"

#include <QBrush>
#include <QColor>
#include <QLocale>
#include <QPalette>
#include <QApplication>
#include <cmath>

namespace starlocus::ui {
namespace {

QString fromStd(const std::string& text) { return QString::fromStdString(text); }

bool isNull(const core::table::ColumnValues& values, std::size_t row) {
    return row < values.null.size() && values.null[row] != 0;
}

} // namespace

QString previewCellText(const core::table::ColumnInfo& column, const core::table::ColumnValues& values,
                        std::size_t row) {
    using core::table::ColumnType;
    if (isNull(values, row))
        return {};
    switch (column.type) {
    case ColumnType::Real: {
        if (row >= values.real.size())
            return {};
        const double v = values.real[row];
        if (std::isnan(v))
            return QStringLiteral("NaN");
        if (std::isinf(v))
            return v > 0 ? QStringLiteral("+Inf") : QStringLiteral("−Inf");
        return QLocale::c().toString(v, 'g', 10);
    }
    case ColumnType::Integer:
        return row < values.integer.size() ? QString::number(values.integer[row]) : QString();
    case ColumnType::Boolean:
        return row < values.integer.size() ? (values.integer[row] ? QStringLiteral("true") : QStringLiteral("false"))
                                           : QString();
    case ColumnType::Text:
        return row < values.text.size() ? fromStd(values.text[row]) : QString();
    }
    return {};
}

TablePreviewModel::TablePreviewModel(QObject* parent) : QAbstractTableModel(parent) {}

void TablePreviewModel::setPreview(std::shared_ptr<const TablePreview> preview) {
    beginResetModel();
    preview_ = std::move(preview);
    endResetModel();
}

int TablePreviewModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() || !preview_ ? 0 : int(preview_->firstRows.rows);
}

int TablePreviewModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() || !preview_ ? 0 : int(preview_->columns.size());
}

QVariant TablePreviewModel::data(const QModelIndex& index, int role) const {
    if (!preview_ || !index.isValid())
        return {};
    const auto column = std::size_t(index.column());
    const auto row = std::size_t(index.row());
    if (column >= preview_->firstRows.columns.size())
        return {};
    const auto& values = preview_->firstRows.columns[column];
    const bool null = isNull(values, row);
    switch (role) {
    case Qt::DisplayRole:
        return previewCellText(preview_->columns[column], values, row);
    case Qt::BackgroundRole:
        if (null) {
            QColor grey = QApplication::palette().color(QPalette::Disabled, QPalette::Window);
            grey.setAlpha(160);
            return QBrush(grey);
        }
        return {};
    case Qt::ToolTipRole:
        return null ? tr("null (no value)") : QVariant();
    case Qt::TextAlignmentRole:
        return preview_->columns[column].type == core::table::ColumnType::Text
                   ? QVariant(Qt::AlignLeft | Qt::AlignVCenter)
                   : QVariant(Qt::AlignRight | Qt::AlignVCenter);
    case NullRole:
        return null;
    default:
        return {};
    }
}

QVariant TablePreviewModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation == Qt::Vertical)
        return role == Qt::DisplayRole ? QVariant(section + 1) : QVariant();
    if (!preview_ || section < 0 || std::size_t(section) >= preview_->columns.size())
        return {};
    const auto& c = preview_->columns[std::size_t(section)];
    if (role == Qt::DisplayRole)
        return c.unit.empty() ? fromStd(c.name) : fromStd(c.name) + QLatin1Char('\n') + fromStd(c.unit);
    if (role == Qt::ToolTipRole) {
        QStringList lines;
        lines << QStringLiteral("<b>%1</b>").arg(fromStd(c.name).toHtmlEscaped());
        lines << tr("type: %1 (%2 in the file)")
                     .arg(QString::fromUtf8(core::table::columnTypeName(c.type).data(),
                                            qsizetype(core::table::columnTypeName(c.type).size())),
                          fromStd(c.fileType).toHtmlEscaped());
        lines << tr("unit: %1").arg(c.unit.empty() ? tr("none") : fromStd(c.unit).toHtmlEscaped());
        if (!c.ucd.empty())
            lines << tr("UCD: %1").arg(fromStd(c.ucd).toHtmlEscaped());
        if (!c.description.empty())
            lines << fromStd(c.description).toHtmlEscaped();
        return lines.join(QStringLiteral("<br>"));
    }
    return {};
}

} // namespace starlocus::ui
