// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The first rows of a table as the import dialog's preview shows them: one column per table
// column, headed by its name with its unit on a second line (the tooltip adds the type, UCD and
// description); a null is an empty, grey cell, so it cannot be mistaken for a 0 or an empty text.
#include "ui/import/table_preview.h"

#include <QAbstractTableModel>
#include <memory>

namespace starlocus::ui {

class TablePreviewModel : public QAbstractTableModel {
    Q_OBJECT
public:
    explicit TablePreviewModel(QObject* parent = nullptr);

    void setPreview(std::shared_ptr<const TablePreview> preview);
    std::shared_ptr<const TablePreview> preview() const { return preview_; }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

    // The role that says whether a cell is null (bool), for tests and delegates.
    static constexpr int NullRole = Qt::UserRole + 1;

private:
    std::shared_ptr<const TablePreview> preview_;
};

// A column's value in row `row` of `chunk` as the preview writes it: integers exactly (a Gaia
// source_id has 19 digits), reals with up to 10 significant digits, text as it is; empty for a null.
QString previewCellText(const core::table::ColumnInfo& column, const core::table::ColumnValues& values,
                        std::size_t row);

} // namespace starlocus::ui
