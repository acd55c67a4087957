// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/import/table_list_panel.h"

#include "ui/import/table_preview.h"

#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>
#include <algorithm>

namespace starlocus::ui {

TableListPanel::TableListPanel(QWidget* parent) : QWidget(parent) {
    setObjectName(QStringLiteral("tableListPanel"));
    list_ = new QListWidget(this);
    list_->setObjectName(QStringLiteral("tableList"));
    list_->setToolTip(tr("Tables stacked into one catalog (one per spectroscopic survey, §3.4); select one to see "
                         "its columns and mapping"));
    // A few lines: the tables are few, the mapping below needs the height.
    list_->setMaximumHeight(list_->fontMetrics().lineSpacing() * 3 + 10);
    add_ = new QPushButton(tr("&Add Table…"), this);
    add_->setObjectName(QStringLiteral("addTableButton"));
    remove_ = new QPushButton(tr("Remo&ve"), this);
    remove_->setObjectName(QStringLiteral("removeTableButton"));
    remove_->setEnabled(false);
    connect(add_, &QPushButton::clicked, this, &TableListPanel::addRequested);
    connect(remove_, &QPushButton::clicked, this, [this] {
        if (const int row = list_->currentRow(); row >= 0)
            emit removeRequested(row);
    });
    connect(list_, &QListWidget::currentRowChanged, this, [this](int row) {
        remove_->setEnabled(row >= 0);
        emit currentTableChanged(row);
    });

    load_ = new QLabel(this);
    load_->setObjectName(QStringLiteral("tableLoadLabel"));
    progress_ = new QProgressBar(this);
    progress_->setMaximumWidth(220);
    cancel_ = new QPushButton(tr("Cancel"), this);
    cancel_->setObjectName(QStringLiteral("cancelLoadButton"));
    cancel_->setToolTip(tr("Stop loading the table"));
    connect(cancel_, &QPushButton::clicked, this, &TableListPanel::cancelRequested);

    auto* buttons = new QVBoxLayout;
    buttons->addWidget(add_);
    buttons->addWidget(remove_);
    buttons->addStretch(1);
    auto* top = new QHBoxLayout;
    top->addWidget(list_, 1);
    top->addLayout(buttons);
    auto* loading = new QHBoxLayout;
    loading->addWidget(load_, 1);
    loading->addWidget(progress_);
    loading->addWidget(cancel_);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(top);
    layout->addLayout(loading);
    hideLoading();
}

void TableListPanel::addTable(const TablePreview& preview) {
    const QLocale locale;
    const QString format = QString::fromUtf8(core::table::tableFormatName(preview.format).data(),
                                             qsizetype(core::table::tableFormatName(preview.format).size()));
    const QString rows = preview.rows ? tr("%1 rows").arg(locale.toString(qulonglong(*preview.rows))) : tr("rows not counted");
    auto* item = new QListWidgetItem(tr("%1 — %2, %3, %4 columns")
                                         .arg(QFileInfo(preview.path).fileName(), format.toUpper(), rows)
                                         .arg(preview.columns.size()),
                                     list_);
    item->setToolTip(preview.path);
    list_->setCurrentItem(item);
}

void TableListPanel::removeTable(int row) { delete list_->takeItem(row); }

int TableListPanel::currentTable() const { return list_->currentRow(); }

void TableListPanel::setCurrentTable(int row) { list_->setCurrentRow(row); }

void TableListPanel::showLoading(const QString& text, qint64 done, qint64 total) {
    load_->setText(text);
    load_->setVisible(true);
    progress_->setVisible(true);
    cancel_->setVisible(true);
    if (total > 0) {
        // QProgressBar holds an int: scale to per mille.
        progress_->setRange(0, 1000);
        progress_->setValue(int(1000.0 * double(std::min(done, total)) / double(total)));
    } else {
        progress_->setRange(0, 0);
    }
}

void TableListPanel::hideLoading() {
    load_->setVisible(false);
    progress_->setVisible(false);
    cancel_->setVisible(false);
}

} // namespace starlocus::ui
