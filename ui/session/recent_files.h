// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// RecentFiles: the model and catalog files opened lately, kept in QSettings
// (most recent first, no duplicates).
#include <QList>
#include <QString>

namespace starlocus::ui {

struct RecentFile {
    enum class Kind { Model, Catalog };
    Kind kind = Kind::Model;
    QString path;
    QString normalizationPath; // models only: the JSON used, if any
    bool operator==(const RecentFile&) const = default;
};

class RecentFiles {
public:
    static constexpr int kCapacity = 8;

    QList<RecentFile> entries() const;
    // Puts `file` first (dropping an older entry of the same kind and path).
    void add(const RecentFile& file);
    void clear();

private:
    void store(const QList<RecentFile>& files);
};

} // namespace starlocus::ui
