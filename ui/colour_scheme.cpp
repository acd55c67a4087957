// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/colour_scheme.h"

#include <QApplication>
#include <QStyle>
#include <QStyleFactory>

namespace starlocus::ui {
namespace {

struct DesktopLook {
    QPalette palette;
    QString style;
};

const DesktopLook& desktopLook() {
    static const DesktopLook look{QApplication::palette(), QApplication::style()->name()};
    return look;
}

} // namespace

QString colourSchemeName(ColourScheme scheme) {
    switch (scheme) {
    case ColourScheme::System: return QStringLiteral("system");
    case ColourScheme::Light: return QStringLiteral("light");
    case ColourScheme::Dark: return QStringLiteral("dark");
    }
    return QStringLiteral("system");
}

std::optional<ColourScheme> colourSchemeFromName(const QString& name) {
    for (ColourScheme s : {ColourScheme::System, ColourScheme::Light, ColourScheme::Dark})
        if (name == colourSchemeName(s))
            return s;
    return std::nullopt;
}

QPalette lightPalette() {
    QStyle* fusion = QStyleFactory::create(QStringLiteral("Fusion"));
    const QPalette palette = fusion ? fusion->standardPalette() : QApplication::palette();
    delete fusion;
    return palette;
}

QPalette darkPalette() {
    // Greys dark enough for a dim room, text at 4.5:1 contrast or better (WCAG AA), the
    // selection in a blue that stays readable with white text.
    const QColor window(0x2b, 0x2d, 0x31), base(0x1e, 0x1f, 0x22), text(0xe6, 0xe6, 0xe6);
    const QColor disabledText(0x8a, 0x8c, 0x91), highlight(0x2f, 0x6b, 0xbd);
    QPalette p;
    p.setColor(QPalette::Window, window);
    p.setColor(QPalette::WindowText, text);
    p.setColor(QPalette::Base, base);
    p.setColor(QPalette::AlternateBase, QColor(0x26, 0x28, 0x2b));
    p.setColor(QPalette::ToolTipBase, QColor(0x3a, 0x3c, 0x41));
    p.setColor(QPalette::ToolTipText, text);
    p.setColor(QPalette::PlaceholderText, disabledText);
    p.setColor(QPalette::Text, text);
    p.setColor(QPalette::Button, QColor(0x35, 0x37, 0x3c));
    p.setColor(QPalette::ButtonText, text);
    p.setColor(QPalette::BrightText, QColor(0xff, 0x6b, 0x5a));
    p.setColor(QPalette::Light, QColor(0x4a, 0x4c, 0x52));
    p.setColor(QPalette::Midlight, QColor(0x3e, 0x40, 0x45));
    p.setColor(QPalette::Mid, QColor(0x25, 0x26, 0x29));
    p.setColor(QPalette::Dark, QColor(0x18, 0x19, 0x1b));
    p.setColor(QPalette::Shadow, Qt::black);
    p.setColor(QPalette::Highlight, highlight);
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::Link, QColor(0x6c, 0xa8, 0xf0));
    p.setColor(QPalette::LinkVisited, QColor(0xb0, 0x8c, 0xe8));
    for (QPalette::ColorRole role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText})
        p.setColor(QPalette::Disabled, role, disabledText);
    p.setColor(QPalette::Disabled, QPalette::Highlight, QColor(0x4a, 0x4c, 0x52));
    return p;
}

void applyColourScheme(ColourScheme scheme) {
    const DesktopLook& desktop = desktopLook(); // remembered before the first change
    if (scheme == ColourScheme::System) {
        QApplication::setStyle(desktop.style);
        QApplication::setPalette(desktop.palette);
        return;
    }
    QApplication::setStyle(QStringLiteral("Fusion"));
    QApplication::setPalette(scheme == ColourScheme::Dark ? darkPalette() : lightPalette());
}

} // namespace starlocus::ui
