// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/import/table_drop_filter.h"

#include "ui/import/table_file_types.h"

#include <QDragEnterEvent>
#include <QDropEvent>
#include <QMimeData>
#include <QUrl>

namespace starlocus::ui {

TableDropFilter::TableDropFilter(Open open, QObject* parent) : QObject(parent), open_(std::move(open)) {}

bool TableDropFilter::eventFilter(QObject* watched, QEvent* event) {
    if (event->type() == QEvent::DragEnter || event->type() == QEvent::DragMove) {
        auto* drag = static_cast<QDragMoveEvent*>(event);
        if (!droppedTableFiles(drag->mimeData()).isEmpty()) {
            drag->acceptProposedAction();
            return true;
        }
    } else if (event->type() == QEvent::Drop) {
        auto* drop = static_cast<QDropEvent*>(event);
        const QStringList tables = droppedTableFiles(drop->mimeData());
        if (!tables.isEmpty()) {
            drop->acceptProposedAction();
            open_(tables);
            return true;
        }
    }
    return QObject::eventFilter(watched, event);
}

} // namespace starlocus::ui
