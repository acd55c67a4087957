// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/session/recent_files.h"

#include <QSettings>

namespace starlocus::ui {
namespace {
const QString kGroup = QStringLiteral("recentFiles");
}

QList<RecentFile> RecentFiles::entries() const {
    QSettings settings;
    QList<RecentFile> files;
    const int n = settings.beginReadArray(kGroup);
    for (int i = 0; i < n; ++i) {
        settings.setArrayIndex(i);
        RecentFile file;
        file.kind = settings.value(QStringLiteral("kind")).toString() == QLatin1String("catalog")
                        ? RecentFile::Kind::Catalog
                        : RecentFile::Kind::Model;
        file.path = settings.value(QStringLiteral("path")).toString();
        file.normalizationPath = settings.value(QStringLiteral("normalization")).toString();
        if (!file.path.isEmpty())
            files << file;
    }
    settings.endArray();
    return files;
}

void RecentFiles::add(const RecentFile& file) {
    QList<RecentFile> files = entries();
    files.removeIf([&](const RecentFile& f) { return f.kind == file.kind && f.path == file.path; });
    files.prepend(file);
    while (files.size() > kCapacity)
        files.removeLast();
    store(files);
}

void RecentFiles::clear() { store({}); }

void RecentFiles::store(const QList<RecentFile>& files) {
    QSettings settings;
    settings.remove(kGroup);
    settings.beginWriteArray(kGroup, static_cast<int>(files.size()));
    for (int i = 0; i < files.size(); ++i) {
        settings.setArrayIndex(i);
        const RecentFile& f = files[i];
        settings.setValue(QStringLiteral("kind"), f.kind == RecentFile::Kind::Catalog ? QStringLiteral("catalog")
                                                                                       : QStringLiteral("model"));
        settings.setValue(QStringLiteral("path"), f.path);
        settings.setValue(QStringLiteral("normalization"), f.normalizationPath);
    }
    settings.endArray();
}

} // namespace starlocus::ui
