// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/translators.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QTranslator>

// Q_INIT_RESOURCE must be used outside any namespace.
static void initStarlocusResources() { Q_INIT_RESOURCE(starlocus); }

namespace starlocus::ui {

void initResources() { initStarlocusResources(); }

bool installTranslators(const QLocale& locale) {
    auto* app = QCoreApplication::instance();
    auto* qtTranslator = new QTranslator(app);
    if (qtTranslator->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                           QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qtTranslator);
    else
        delete qtTranslator;

    auto* ownTranslator = new QTranslator(app);
    if (ownTranslator->load(locale, QStringLiteral("starlocus"), QStringLiteral("_"), QStringLiteral(":/i18n"))) {
        QCoreApplication::installTranslator(ownTranslator);
        return true;
    }
    delete ownTranslator;
    return false;
}

} // namespace starlocus::ui
