// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The import dialog's tables: the list of loaded tables (name, format, rows, columns; one per
// spectroscopic survey, stacked into one catalog as in §3.4), Add… and Remove, and the line
// that shows a table being loaded (checked in the probe child, then read) with its Cancel.
#include <QWidget>

class QLabel;
class QListWidget;
class QProgressBar;
class QPushButton;

namespace starlocus::ui {

struct TablePreview;

class TableListPanel : public QWidget {
    Q_OBJECT
public:
    explicit TableListPanel(QWidget* parent = nullptr);

    void addTable(const TablePreview& preview);
    void removeTable(int row);
    int currentTable() const;
    void setCurrentTable(int row);
    QListWidget* list() const { return list_; }
    QPushButton* addButton() const { return add_; }
    QPushButton* cancelButton() const { return cancel_; }
    QLabel* loadLabel() const { return load_; }

    // The load line: `text` with a progress bar (`total` ≤ 0: indeterminate) and Cancel.
    void showLoading(const QString& text, qint64 done, qint64 total);
    void hideLoading();

signals:
    void addRequested();
    void removeRequested(int row);
    void cancelRequested();
    void currentTableChanged(int row);

private:
    QListWidget* list_;
    QPushButton* add_;
    QPushButton* remove_;
    QLabel* load_;
    QProgressBar* progress_;
    QPushButton* cancel_;
};

} // namespace starlocus::ui
