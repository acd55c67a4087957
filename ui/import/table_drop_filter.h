// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Survey tables dropped on the main window open the import dialog (the window's own drop
// handler reads HDF5 models and catalogs). Installed as an event filter on the window: a drag
// that carries a table file (table_file_types.h) is taken here, anything else goes on to the
// window as before.
#include <QObject>
#include <QStringList>
#include <functional>

namespace starlocus::ui {

class TableDropFilter : public QObject {
    Q_OBJECT
public:
    using Open = std::function<void(const QStringList& tablePaths)>;
    TableDropFilter(Open open, QObject* parent);

    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    Open open_;
};

} // namespace starlocus::ui
