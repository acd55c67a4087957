// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/import/table_drop_filter.h"

#include "ui/import/table_file_types.h"

#include <QDragEnterEvent>
#include <QDropEvent>
#include <QMimeData>
#include <QUrl>

namespace starlocus::ui {
namespace {

QStringList droppedTables(const QMimeData* mime) {
    QStringList paths;
    if (!mime)
        return paths;
    for (const QUrl& url : mime->urls())
        if (url.isLocalFile() && isTableFileName(url.toLocalFile()))
            paths << url.toLocalFile();
    return paths;
}

} // namespace

TableDropFilter::TableDropFilter(Open open, QObject* parent) : QObject(parent), open_(std::move(open)) {}

bool TableDropFilter::eventFilter(QObject* watched, QEvent* event) {
    if (event->type() == QEvent::DragEnter || event->type() == QEvent::DragMove) {
        auto* drag = static_cast<QDragMoveEvent*>(event);
        if (!droppedTables(drag->mimeData()).isEmpty()) {
            drag->acceptProposedAction();
            return true;
        }
    } else if (event->type() == QEvent::Drop) {
        auto* drop = static_cast<QDropEvent*>(event);
        const QStringList tables = droppedTables(drop->mimeData());
        if (!tables.isEmpty()) {
            drop->acceptProposedAction();
            open_(tables);
            return true;
        }
    }
    return QObject::eventFilter(watched, event);
}

} // namespace starlocus::ui
