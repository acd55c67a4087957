// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/views/fact_table.h"

#include <QHeaderView>

namespace starlocus::ui {

FactTable::FactTable(QWidget* parent) : QTableWidget(parent) {
    setEditTriggers(QAbstractItemView::NoEditTriggers);
    setSelectionMode(QAbstractItemView::NoSelection);
    setFocusPolicy(Qt::NoFocus);
    setAlternatingRowColors(true);
    setWordWrap(false);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setSizeAdjustPolicy(QAbstractScrollArea::AdjustToContents);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    verticalHeader()->hide();
    verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 8);
    horizontalHeader()->setHighlightSections(false);
    horizontalHeader()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
}

void FactTable::setColumns(const QStringList& headers, const QList<int>& numericColumns) {
    numericColumns_ = numericColumns;
    setColumnCount(static_cast<int>(headers.size()));
    setHorizontalHeaderLabels(headers);
    for (int c = 0; c < columnCount(); ++c) {
        if (auto* item = horizontalHeaderItem(c); item && numericColumns_.contains(c))
            item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        horizontalHeader()->setSectionResizeMode(c, c == 0 ? QHeaderView::Stretch
                                                          : QHeaderView::ResizeToContents);
    }
    fitToContents();
}

void FactTable::setRows(const QList<QStringList>& rows) {
    clearContents();
    setRowCount(static_cast<int>(rows.size()));
    for (int r = 0; r < rowCount(); ++r) {
        for (int c = 0; c < columnCount() && c < rows[r].size(); ++c) {
            auto* item = new QTableWidgetItem(rows[r][c]);
            item->setTextAlignment(numericColumns_.contains(c) ? (Qt::AlignRight | Qt::AlignVCenter)
                                                               : (Qt::AlignLeft | Qt::AlignVCenter));
            item->setToolTip(rows[r][c]);
            setItem(r, c, item);
        }
    }
    fitToContents();
}

QString FactTable::cellText(int row, int column) const {
    const QTableWidgetItem* cell = item(row, column);
    return cell ? cell->text() : QString();
}

void FactTable::fitToContents() {
    const int height = horizontalHeader()->sizeHint().height() + verticalHeader()->length() + 2 * frameWidth();
    setFixedHeight(height);
    updateGeometry();
}

QSize FactTable::sizeHint() const {
    int width = 2 * frameWidth();
    for (int c = 0; c < columnCount(); ++c)
        width += std::max(sizeHintForColumn(c), horizontalHeader()->sectionSizeHint(c));
    return {width, height()};
}

QSize FactTable::minimumSizeHint() const { return sizeHint(); }

} // namespace starlocus::ui
