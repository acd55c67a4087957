// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// How the summary views write numbers, counts, paths and section headings: one place,
// locale-aware, so that every panel looks the same.
#include <QCoreApplication>
#include <QLabel>
#include <QLocale>
#include <QString>
#include <array>
#include <cmath>
#include <cstddef>

namespace starlocus::ui {

inline QString countText(std::size_t n) { return QLocale().toString(static_cast<qulonglong>(n)); }

inline QString numberText(double value, int decimals) {
    return std::isfinite(value) ? QLocale().toString(value, 'f', decimals) : QStringLiteral("—");
}

// Lets a QLabel break a long path after each separator instead of widening the window.
inline QString wrappablePath(QString path) { return path.replace(QLatin1Char('/'), QStringLiteral("/\u200B")); }

// The stellar labels θ with their units, and the decimals that suit their precision.
struct LabelDisplay {
    const char* name; // translated in the context "LabelDisplay"
    int decimals;
};
inline constexpr std::array<LabelDisplay, 3> kLabelDisplays{{
    {QT_TRANSLATE_NOOP("LabelDisplay", "Teff (K)"), 0},
    {QT_TRANSLATE_NOOP("LabelDisplay", "log g (dex)"), 2},
    {QT_TRANSLATE_NOOP("LabelDisplay", "[Fe/H] (dex)"), 2},
}};
inline QString labelName(std::size_t k) {
    return QCoreApplication::translate("LabelDisplay", kLabelDisplays[k].name);
}

// A bold caption above a table or a group of facts.
inline QLabel* sectionHeading(const QString& text, QWidget* parent) {
    auto* label = new QLabel(text, parent);
    QFont font = label->font();
    font.setBold(true);
    label->setFont(font);
    label->setContentsMargins(0, 6, 0, 0);
    return label;
}

} // namespace starlocus::ui
