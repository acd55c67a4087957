// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/import/table_file_types.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QMimeData>
#include <QUrl>

namespace starlocus::ui {
namespace {

const QStringList& tableSuffixes() {
    static const QStringList suffixes = {QStringLiteral(".fits"), QStringLiteral(".fit"), QStringLiteral(".fts"),
                                         QStringLiteral(".csv"),  QStringLiteral(".ecsv"), QStringLiteral(".vot"),
                                         QStringLiteral(".xml")};
    return suffixes;
}

} // namespace

bool isTableFileName(const QString& path) {
    QString name = path.toLower();
    if (name.endsWith(QLatin1String(".gz")))
        name.chop(3);
    for (const QString& suffix : tableSuffixes())
        if (name.endsWith(suffix))
            return true;
    return false;
}

QStringList droppedTableFiles(const QMimeData* mime) {
    QStringList paths;
    if (!mime)
        return paths;
    for (const QUrl& url : mime->urls())
        if (url.isLocalFile() && isTableFileName(url.toLocalFile()))
            paths << url.toLocalFile();
    return paths;
}

QString tableBaseName(const QString& path) {
    QString name = QFileInfo(path).fileName();
    if (name.endsWith(QLatin1String(".gz"), Qt::CaseInsensitive))
        name.chop(3);
    const qsizetype dot = name.lastIndexOf(QLatin1Char('.'));
    return dot > 0 ? name.left(dot) : name;
}

QString tableFileFilter() {
    QStringList patterns;
    for (const QString& suffix : tableSuffixes())
        patterns << QLatin1Char('*') + suffix << QLatin1Char('*') + suffix + QStringLiteral(".gz");
    return QCoreApplication::translate("TableFileTypes", "Survey tables (%1);;All files (*)")
        .arg(patterns.join(QLatin1Char(' ')));
}

} // namespace starlocus::ui
