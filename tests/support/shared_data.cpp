// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/support/shared_data.h"

#include <QDir>
#include <QFileInfo>

namespace starlocus::test {

QString sharedRoot() {
    const QByteArray env = qgetenv("STARLOCUS_SHARED_DIR");
    return QDir::cleanPath(env.isEmpty() ? QStringLiteral(STARLOCUS_DEFAULT_SHARED_DIR)
                                         : QString::fromLocal8Bit(env));
}

QString sharedFile(const QString& relative) {
    const QFileInfo info(QDir(sharedRoot()).filePath(relative));
    return info.exists() ? info.absoluteFilePath() : QString();
}

bool sharedDataRequired() { return qEnvironmentVariableIntValue("STARLOCUS_REQUIRE_SHARED") != 0; }

QString missingSharedMessage(const QString& relative) {
    return QStringLiteral("reference file %1 not found under %2 (set STARLOCUS_SHARED_DIR to the "
                          "folder holding green2020/ and reference/)")
        .arg(relative, sharedRoot());
}

} // namespace starlocus::test
