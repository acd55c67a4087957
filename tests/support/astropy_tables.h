// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Test tables written by Astropy at test time (issue 15: "test data no one here wrote"). Astropy
// comes from Debian's python3-astropy (scripts/install-deps.sh), so the script runs under
// Debian's own /usr/bin/python3: a python3 earlier on a user's PATH may lack it. Astropy is a
// dependency like any other (scripts/install-deps.sh installs it), so without it a test fails
// and says what to install: a skipped test would check nothing.
#include <QFile>
#include <QString>
#include <QTemporaryDir>
#include <QTest>

#include <cstdlib>
#include <string>

namespace starlocus::test {

inline const char* kDebianPython = "/usr/bin/python3";

// Runs `script` (Python source) with `arguments` (shell-quoted by the caller) under Debian's
// Python; "" on success, else what went wrong with the script's output.
inline QString runPython(const QString& script, const QString& arguments = {}) {
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("script.py")), log = dir.filePath(QStringLiteral("log.txt"));
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(script.toUtf8()) < 0)
        return QStringLiteral("cannot write %1").arg(path);
    file.close();
    const std::string command = std::string(kDebianPython) + " '" + path.toStdString() + "' " + arguments.toStdString() +
                                " > '" + log.toStdString() + "' 2>&1";
    const int status = std::system(command.c_str());
    if (status == 0)
        return {};
    QFile output(log);
    output.open(QIODevice::ReadOnly);
    return QStringLiteral("%1 failed (status %2): %3").arg(QString::fromStdString(command)).arg(status).arg(QString::fromUtf8(output.readAll()));
}

// Python that builds `t`, the small cross-match table the readers' tests write in each format
// (a 64-bit ID beyond 2⁵³; masked values in a float, an int16 and a string column; booleans;
// float32; units and a description); a test's script goes on from it.
inline const char* const kCrossMatchTablePython = R"(import sys, gzip, shutil
import numpy as np
from astropy.table import Table, MaskedColumn
t = Table()
t['source_id'] = np.array([4295806720, 6917528997577384320, 2], dtype=np.int64)
t['phot_g_mean_mag'] = MaskedColumn([15.25, 0.0, -1.5e-3], mask=[False, True, False], unit='mag',
                                    description='G, "mean" magnitude')
t['visibility_periods_used'] = MaskedColumn(np.array([9, 12, 0], dtype=np.int16), mask=[False, False, True])
t['ok'] = np.array([True, False, True])
t['survey'] = MaskedColumn(['LAMOST DR5', 'x,y', ''], mask=[False, False, True])
t['parallax'] = np.array([1.25, -0.5, 3.0e-7], dtype=np.float32)
t['parallax'].unit = 'mas'
)";

// "" when Debian's Python imports Astropy, else why not.
inline QString astropyMissing() {
    static const QString why = [] {
        const QString failure = runPython(QStringLiteral("import astropy, numpy\n"));
        return failure.isEmpty() ? QString()
                                 : QStringLiteral("Astropy is not installed for %1 (Debian package python3-astropy, "
                                                  "scripts/install-deps.sh): %2")
                                       .arg(QString::fromLatin1(kDebianPython), failure);
    }();
    return why;
}

} // namespace starlocus::test

// Fails the current test, saying what to install, when Astropy is missing.
#define STARLOCUS_REQUIRE_ASTROPY()                                                                \
    if (const QString why_ = ::starlocus::test::astropyMissing(); !why_.isEmpty())                 \
        QFAIL(why_.toUtf8().constData());
