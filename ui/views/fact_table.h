// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// FactTable: a read-only table of a few rows that is exactly as tall as its contents
// (no scroll bar, no selection), used by the summary panels for layer lists, label
// ranges and counts. Numeric columns are right-aligned.
#include <QList>
#include <QStringList>
#include <QTableWidget>

namespace starlocus::ui {

class FactTable : public QTableWidget {
    Q_OBJECT
public:
    explicit FactTable(QWidget* parent = nullptr);

    // Headers and which columns hold numbers (right-aligned).
    void setColumns(const QStringList& headers, const QList<int>& numericColumns = {});
    void setRows(const QList<QStringList>& rows);
    // Text of a cell, for tests and accessibility.
    QString cellText(int row, int column) const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

private:
    void fitToContents();
    QList<int> numericColumns_;
};

} // namespace starlocus::ui
