// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/import/source_delegate.h"

#include <QComboBox>
#include <QCompleter>
#include <QLineEdit>

namespace starlocus::ui {

SourceDelegate::SourceDelegate(QObject* parent) : QStyledItemDelegate(parent) {}

void SourceDelegate::setColumns(const QStringList& names, const QStringList& units) {
    names_ = names;
    units_ = units;
}

QWidget* SourceDelegate::createEditor(QWidget* parent, const QStyleOptionViewItem&, const QModelIndex&) const {
    auto* combo = new QComboBox(parent);
    combo->setObjectName(QStringLiteral("sourceEditor"));
    combo->setEditable(true);
    combo->setInsertPolicy(QComboBox::NoInsert);
    combo->addItem(QString()); // not mapped
    combo->setItemData(0, tr("(not mapped)"), Qt::ToolTipRole);
    for (qsizetype i = 0; i < names_.size(); ++i) {
        const QString unit = i < units_.size() ? units_[i] : QString();
        combo->addItem(unit.isEmpty() ? names_[i] : QStringLiteral("%1  [%2]").arg(names_[i], unit), names_[i]);
    }
    // The list shows "name  [unit]"; choosing an entry puts the bare name into the text.
    connect(combo, qOverload<int>(&QComboBox::activated), combo, [combo](int i) {
        combo->setEditText(combo->itemData(i).toString());
    });
    combo->completer()->setCaseSensitivity(Qt::CaseInsensitive);
    combo->completer()->setFilterMode(Qt::MatchContains);
    return combo;
}

void SourceDelegate::setEditorData(QWidget* editor, const QModelIndex& index) const {
    auto* combo = static_cast<QComboBox*>(editor);
    combo->setEditText(index.data(Qt::EditRole).toString());
}

void SourceDelegate::setModelData(QWidget* editor, QAbstractItemModel* model, const QModelIndex& index) const {
    auto* combo = static_cast<QComboBox*>(editor);
    QString text = combo->currentText().trimmed();
    // A list entry typed or completed as shown ("teff  [K]") means its column.
    if (const int i = combo->findText(text); i > 0)
        text = combo->itemData(i).toString();
    model->setData(index, text, Qt::EditRole);
}

} // namespace starlocus::ui
