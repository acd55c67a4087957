// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Edits a field's source in the mapping table: an editable combo box that lists the table's
// columns (name and unit) and takes any text, so an expression of columns can be typed too.
#include <QStringList>
#include <QStyledItemDelegate>

namespace starlocus::ui {

class SourceDelegate : public QStyledItemDelegate {
    Q_OBJECT
public:
    explicit SourceDelegate(QObject* parent = nullptr);

    // Column names offered, and the unit shown beside each (same length).
    void setColumns(const QStringList& names, const QStringList& units);

    QWidget* createEditor(QWidget* parent, const QStyleOptionViewItem& option, const QModelIndex& index) const override;
    void setEditorData(QWidget* editor, const QModelIndex& index) const override;
    void setModelData(QWidget* editor, QAbstractItemModel* model, const QModelIndex& index) const override;

private:
    QStringList names_, units_;
};

} // namespace starlocus::ui
