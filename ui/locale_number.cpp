// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/locale_number.h"

#include <QLocale>

#include <cmath>

namespace starlocus::ui {

std::optional<double> parseLocaleNumber(const QString& text) {
    bool ok = false;
    const double v = QLocale().toDouble(text.trimmed(), &ok);
    if (ok && std::isfinite(v))
        return v;
    const double c = QLocale::c().toDouble(text.trimmed(), &ok);
    if (ok && std::isfinite(c))
        return c;
    return std::nullopt;
}

} // namespace starlocus::ui
