// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The import dialog's mapping table: one row per import field (core/import/import_fields.h),
// under a heading row per group (labels, Gaia, PS1, 2MASS, unWISE, reddening, position), with
// the field's meaning and unit, its source (a column or an expression, editable), the unit the
// source's values come in, and its status (fieldStatus: mapped, required and missing, or the
// problem the import would stop with). Edits change the mapping of one table.
#include "core/import/column_mapping.h"
#include "ui/import/field_status.h"

#include <QAbstractTableModel>
#include <QString>
#include <vector>

namespace starlocus::ui {

class FieldMappingModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { FieldColumn, MeaningColumn, UnitColumn, SourceColumn, SourceUnitColumn, StatusColumn, ColumnCount };
    // The row's field index (importFields()), -1 on a heading row.
    static constexpr int FieldIndexRole = Qt::UserRole + 1;
    // The FieldStatus::Kind of a field row, as an int.
    static constexpr int StatusKindRole = Qt::UserRole + 2;

    explicit FieldMappingModel(QObject* parent = nullptr);

    void setTable(const std::vector<core::table::ColumnInfo>& columns, const core::import::ColumnMapping& mapping);
    const core::import::ColumnMapping& mapping() const { return mapping_; }
    const std::vector<core::table::ColumnInfo>& columns() const { return columns_; }

    // Maps `field` to `expression` (a column name or an expression; empty: not mapped) in
    // `unit` (the unit of an expression's result; empty: a bare column's own).
    void setSource(const std::string& field, const QString& expression, const QString& unit = {});
    void setSurvey(const QString& survey);

    bool isHeading(int row) const;
    int rowOfField(const std::string& field) const; // -1 when no such field
    const FieldStatus& status(std::size_t field) const { return statuses_[field]; }
    // "field: reason" for every field the import would stop on; empty when the import can start.
    QStringList problems() const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    bool setData(const QModelIndex& index, const QVariant& value, int role) override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

signals:
    void mappingChanged();

private:
    struct Row {
        int field = -1;  // importFields() index, -1 for a heading
        QString heading; // the group's title on a heading row
    };
    void buildRows();
    void refreshStatuses();

    std::vector<Row> rows_;
    std::vector<core::table::ColumnInfo> columns_;
    core::import::ColumnMapping mapping_;
    std::vector<FieldStatus> statuses_;
};

} // namespace starlocus::ui
