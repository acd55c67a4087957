// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Start-up plumbing shared by the GUI executable and the tests.
#include <QLocale>

namespace starlocus::ui {

// Registers the resources compiled into the static starlocus_ui library (the app icon);
// safe to call more than once.
void initResources();

// Installs, on the running application, StarLocus's translator for `locale`
// (:/i18n/starlocus_<lang>.qm, embedded) and Qt's own (qtbase_<lang>.qm from the Qt
// installation, for standard dialogs). Returns whether StarLocus's catalogue was found;
// English needs none.
bool installTranslators(const QLocale& locale);

} // namespace starlocus::ui
