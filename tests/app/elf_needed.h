// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The shared libraries an ELF executable names in its dynamic section (DT_NEEDED), read from
// the file itself: what the program links directly, without ldd's transitive list and without
// depending on binutils being installed.
#include <QString>
#include <QStringList>

namespace starlocus::test {

// The DT_NEEDED names in file order (e.g. "libQt6Widgets.so.6"). Empty with `error` set when
// the file is not a 64-bit little-endian ELF file with a dynamic section.
QStringList elfNeededLibraries(const QString& path, QString* error);

} // namespace starlocus::test
