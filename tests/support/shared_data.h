// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Access to the read-only reference data in ../shared (METHOD.md §7). On a user's
// machine without it, a test skips and says what is missing; when the environment
// sets STARLOCUS_REQUIRE_SHARED=1 (CI does), the absence is a failure instead.
#include <QString>
#include <QTest>

namespace starlocus::test {

// Root folder of the shared data: $STARLOCUS_SHARED_DIR, else the configured default.
QString sharedRoot();

// Absolute path of `relative` under the shared root; empty when the file is missing.
QString sharedFile(const QString& relative);

bool sharedDataRequired();

QString missingSharedMessage(const QString& relative);

} // namespace starlocus::test

// Declares `var` as the path of a shared file, or skips / fails the current test.
#define STARLOCUS_SHARED_FILE(var, relative)                                                      \
    const QString var = ::starlocus::test::sharedFile(relative);                                   \
    if (var.isEmpty()) {                                                                           \
        const QByteArray why_ = ::starlocus::test::missingSharedMessage(relative).toUtf8();        \
        if (::starlocus::test::sharedDataRequired())                                               \
            QFAIL(why_.constData());                                                               \
        QSKIP(why_.constData());                                                                   \
    }
