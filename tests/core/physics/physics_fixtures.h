// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Shared bits of the physics tests: the small CSV fixtures of ../shared/reference and the
// file name of each band's response curve there (the curves are third-party data and are
// only read from the shared folder, never copied into the project).
#include <QFile>
#include <QString>
#include <QStringList>
#include <QTextStream>

#include <array>
#include <string>
#include <utility>
#include <vector>

namespace starlocus::test {

struct CsvTable {
    QStringList header;
    std::vector<QStringList> rows;

    int column(const QString& name) const { return static_cast<int>(header.indexOf(name)); }
};

// '#' lines are comments; the first other line is the header.
inline CsvTable readCsv(const QString& path) {
    CsvTable table;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text))
        return table;
    QTextStream in(&file);
    while (!in.atEnd()) {
        const QString line = in.readLine().trimmed();
        if (line.isEmpty() || line.startsWith(u'#'))
            continue;
        const QStringList cells = line.split(u',');
        if (table.header.isEmpty())
            table.header = cells;
        else
            table.rows.push_back(cells);
    }
    return table;
}

// Band order of METHOD.md §1 and the speclite curve file of each band under reference/passbands.
inline const std::array<std::pair<const char*, const char*>, 13>& bandCurveFiles() {
    static const std::array<std::pair<const char*, const char*>, 13> kFiles{{
        {"G", "gaiadr2-G.ecsv"},
        {"BP", "gaiadr2-BP.ecsv"},
        {"RP", "gaiadr2-RP.ecsv"},
        {"g", "panstarrs-g.ecsv"},
        {"r", "panstarrs-r.ecsv"},
        {"i", "panstarrs-i.ecsv"},
        {"z", "panstarrs-z.ecsv"},
        {"y", "panstarrs-y.ecsv"},
        {"J", "twomass-J.ecsv"},
        {"H", "twomass-H.ecsv"},
        {"Ks", "twomass-Ks.ecsv"},
        {"W1", "wise2010-W1.ecsv"},
        {"W2", "wise2010-W2.ecsv"},
    }};
    return kFiles;
}

} // namespace starlocus::test
