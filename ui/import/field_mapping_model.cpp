// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/import/field_mapping_model.h"

#include "core/import/import_fields.h"

#include <QApplication>
#include <QBrush>
#include <QColor>
#include <QFont>
#include <QPalette>
#include <array>

namespace starlocus::ui {
namespace {

namespace imp = core::import;

QString fromView(std::string_view text) { return QString::fromUtf8(text.data(), qsizetype(text.size())); }

struct Group {
    const char* title; // translated in FieldMappingModel's context
    std::array<std::string_view, 2> fieldGroups;
};

// The dialog's order: what a survey table brings, then where the reddening prior comes from.
const std::array<Group, 7>& groups() {
    static const std::array<Group, 7> all = {{
        {QT_TRANSLATE_NOOP("starlocus::ui::FieldMappingModel", "Labels and their quality (§3.1)"), {"labels", ""}},
        {QT_TRANSLATE_NOOP("starlocus::ui::FieldMappingModel", "Gaia: photometry and astrometry (§3.2)"),
         {"photometry", "gaia"}},
        {QT_TRANSLATE_NOOP("starlocus::ui::FieldMappingModel", "Pan-STARRS1 (§3.2)"), {"ps1", ""}},
        {QT_TRANSLATE_NOOP("starlocus::ui::FieldMappingModel", "2MASS (§3.2)"), {"2mass", ""}},
        {QT_TRANSLATE_NOOP("starlocus::ui::FieldMappingModel", "unWISE (§3.2)"), {"unwise", ""}},
        {QT_TRANSLATE_NOOP("starlocus::ui::FieldMappingModel", "Reddening prior (§3.3)"), {"reddening", ""}},
        {QT_TRANSLATE_NOOP("starlocus::ui::FieldMappingModel", "Position"), {"position", ""}},
    }};
    return all;
}

QColor statusColour(FieldStatus::Kind kind) {
    switch (kind) {
    case FieldStatus::Kind::Mapped:
        return QColor(0x2e, 0x7d, 0x32); // green
    case FieldStatus::Kind::MappedWithNote:
        return QColor(0x9a, 0x67, 0x00); // amber: usable, read the note
    case FieldStatus::Kind::RequiredMissing:
    case FieldStatus::Kind::Problem:
        return QColor(0xc6, 0x28, 0x28); // red
    case FieldStatus::Kind::NotMapped:
        break;
    }
    return QApplication::palette().color(QPalette::Disabled, QPalette::Text);
}

} // namespace

FieldMappingModel::FieldMappingModel(QObject* parent) : QAbstractTableModel(parent) {
    buildRows();
    refreshStatuses();
}

void FieldMappingModel::buildRows() {
    rows_.clear();
    const auto fields = imp::importFields();
    for (const Group& g : groups()) {
        rows_.push_back({-1, tr(g.title)});
        for (std::size_t f = 0; f < fields.size(); ++f)
            if (fields[f].group == g.fieldGroups[0] || (!g.fieldGroups[1].empty() && fields[f].group == g.fieldGroups[1]))
                rows_.push_back({int(f), {}});
    }
}

void FieldMappingModel::refreshStatuses() {
    const auto fields = imp::importFields();
    statuses_.assign(fields.size(), {});
    for (std::size_t f = 0; f < fields.size(); ++f)
        statuses_[f] = fieldStatus(f, mapping_, columns_);
}

void FieldMappingModel::setTable(const std::vector<core::table::ColumnInfo>& columns,
                                 const core::import::ColumnMapping& mapping) {
    beginResetModel();
    columns_ = columns;
    mapping_ = mapping;
    refreshStatuses();
    endResetModel();
}

void FieldMappingModel::setSource(const std::string& field, const QString& expression, const QString& unit) {
    const QString text = expression.trimmed();
    if (text.isEmpty())
        mapping_.fields.erase(field);
    else
        mapping_.fields[field] = {text.toStdString(), unit.trimmed().toStdString()};
    refreshStatuses();
    emit dataChanged(index(0, SourceColumn), index(rowCount() - 1, StatusColumn));
    emit mappingChanged();
}

void FieldMappingModel::setSurvey(const QString& survey) {
    const std::string s = survey.trimmed().toStdString();
    if (s == mapping_.survey)
        return;
    mapping_.survey = s;
    refreshStatuses();
    emit dataChanged(index(0, SourceColumn), index(rowCount() - 1, StatusColumn));
    emit mappingChanged();
}

bool FieldMappingModel::isHeading(int row) const { return row >= 0 && row < int(rows_.size()) && rows_[row].field < 0; }

int FieldMappingModel::rowOfField(const std::string& field) const {
    const auto f = imp::fieldIndex(field);
    if (!f)
        return -1;
    for (std::size_t r = 0; r < rows_.size(); ++r)
        if (rows_[r].field == int(*f))
            return int(r);
    return -1;
}

QStringList FieldMappingModel::problems() const {
    QStringList out;
    for (std::size_t f = 0; f < statuses_.size(); ++f)
        if (statuses_[f].kind == FieldStatus::Kind::RequiredMissing || statuses_[f].kind == FieldStatus::Kind::Problem)
            out << QStringLiteral("%1: %2").arg(QString::fromStdString(imp::field(f).name), statuses_[f].text);
    return out;
}

int FieldMappingModel::rowCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : int(rows_.size()); }

int FieldMappingModel::columnCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : ColumnCount; }

QVariant FieldMappingModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() >= int(rows_.size()))
        return {};
    const Row& row = rows_[std::size_t(index.row())];
    if (row.field < 0) {
        if (role == Qt::DisplayRole && index.column() == FieldColumn)
            return row.heading;
        if (role == Qt::FontRole) {
            QFont bold;
            bold.setBold(true);
            return bold;
        }
        if (role == Qt::BackgroundRole)
            return QBrush(QApplication::palette().color(QPalette::AlternateBase).darker(106));
        if (role == FieldIndexRole)
            return -1;
        return {};
    }
    const auto f = std::size_t(row.field);
    const imp::FieldInfo& info = imp::field(f);
    const FieldStatus& status = statuses_[f];
    const auto source = mapping_.fields.find(info.name);
    const bool mapped = source != mapping_.fields.end();
    if (role == FieldIndexRole)
        return row.field;
    if (role == StatusKindRole)
        return int(status.kind);
    switch (index.column()) {
    case FieldColumn:
        if (role == Qt::DisplayRole)
            return QString::fromStdString(info.name) + (isRequiredField(info.name) ? QStringLiteral(" *") : QString());
        if (role == Qt::ToolTipRole && isRequiredField(info.name)) {
            const auto alternatives = requiredAlternatives(info.name);
            if (alternatives.size() > 1) {
                QStringList names;
                for (const std::string& a : alternatives)
                    names << QString::fromStdString(a);
                return tr("Required: one of %1").arg(names.join(QStringLiteral(", ")));
            }
            return tr("Required: the import cannot start without it");
        }
        if (role == Qt::FontRole && isRequiredField(info.name)) {
            QFont bold;
            bold.setBold(true);
            return bold;
        }
        return {};
    case MeaningColumn:
        if (role == Qt::DisplayRole || role == Qt::ToolTipRole)
            return fromView(info.meaning);
        return {};
    case UnitColumn:
        if (role == Qt::DisplayRole)
            return fromView(imp::canonicalUnit(info.dimension));
        return {};
    case SourceColumn:
        if (role == Qt::DisplayRole || role == Qt::EditRole)
            return mapped ? QString::fromStdString(source->second.expression) : QString();
        if (role == Qt::ToolTipRole)
            return tr("A column name, or an expression of columns (e.g. teff_err^2, 22.5 - 2.5*log10(flux_w1)); "
                      "empty: not mapped");
        return {};
    case SourceUnitColumn:
        if (role == Qt::DisplayRole)
            return mapped && status.sourceUnit.isEmpty() && info.kind == imp::FieldKind::Real &&
                           info.dimension != imp::Dimension::None
                       ? tr("none")
                       : status.sourceUnit;
        if (role == Qt::EditRole)
            return mapped ? QString::fromStdString(source->second.unit) : QString();
        if (role == Qt::ToolTipRole && info.kind == imp::FieldKind::Real)
            return tr("The unit the source's values come in: a column's own unit, unless one is typed here (an "
                      "expression's result has the field's unit unless one is typed)");
        return {};
    case StatusColumn:
        if (role == Qt::DisplayRole) {
            const QString mark = status.kind == FieldStatus::Kind::Mapped || status.kind == FieldStatus::Kind::MappedWithNote
                                     ? QStringLiteral("✓ ")
                                 : status.kind == FieldStatus::Kind::NotMapped ? QString()
                                                                               : QStringLiteral("✗ ");
            const QString text = status.text.isEmpty() && status.usable() ? tr("mapped") : status.text;
            return mark + text;
        }
        if (role == Qt::ToolTipRole)
            return status.text;
        if (role == Qt::ForegroundRole)
            return QBrush(statusColour(status.kind));
        return {};
    default:
        return {};
    }
}

bool FieldMappingModel::setData(const QModelIndex& index, const QVariant& value, int role) {
    if (role != Qt::EditRole || !index.isValid() || isHeading(index.row()))
        return false;
    const imp::FieldInfo& info = imp::field(std::size_t(rows_[std::size_t(index.row())].field));
    const auto current = mapping_.fields.find(info.name);
    const QString expression =
        current == mapping_.fields.end() ? QString() : QString::fromStdString(current->second.expression);
    const QString unit = current == mapping_.fields.end() ? QString() : QString::fromStdString(current->second.unit);
    if (index.column() == SourceColumn) {
        if (value.toString().trimmed() == expression)
            return true;
        setSource(info.name, value.toString(), unit);
        return true;
    }
    if (index.column() == SourceUnitColumn && current != mapping_.fields.end()) {
        if (value.toString().trimmed() == unit)
            return true;
        setSource(info.name, expression, value.toString());
        return true;
    }
    return false;
}

Qt::ItemFlags FieldMappingModel::flags(const QModelIndex& index) const {
    if (!index.isValid())
        return Qt::NoItemFlags;
    if (isHeading(index.row()))
        return Qt::ItemIsEnabled;
    Qt::ItemFlags f = Qt::ItemIsEnabled | Qt::ItemIsSelectable;
    const imp::FieldInfo& info = imp::field(std::size_t(rows_[std::size_t(index.row())].field));
    if (index.column() == SourceColumn)
        f |= Qt::ItemIsEditable;
    if (index.column() == SourceUnitColumn && info.kind == imp::FieldKind::Real && mapping_.fields.contains(info.name))
        f |= Qt::ItemIsEditable;
    return f;
}

QVariant FieldMappingModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal)
        return {};
    if (role == Qt::ToolTipRole && section == SourceColumn)
        return tr("A column of the table, or an expression of its columns; double-click to edit");
    if (role == Qt::ToolTipRole && section == SourceUnitColumn)
        return tr("The unit the source's values come in (converted to the field's unit)");
    if (role != Qt::DisplayRole)
        return {};
    switch (section) {
    case FieldColumn:
        return tr("Field");
    case MeaningColumn:
        return tr("Meaning");
    case UnitColumn:
        return tr("Unit");
    case SourceColumn:
        return tr("Source");
    case SourceUnitColumn:
        return tr("Source unit");
    case StatusColumn:
        return tr("Status");
    default:
        return {};
    }
}

} // namespace starlocus::ui
