// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/plot/color_map.h"

#include <qcustomplot.h>

#include <algorithm>

namespace starlocus::ui {

QColor colorAt(ColorMapName name, int index) {
    const std::uint32_t rgb = colorTable(name)[std::size_t(std::clamp(index, 0, 255))];
    return QColor::fromRgb(QRgb(0xff000000u | rgb));
}

QCPColorGradient colorGradient(ColorMapName name) {
    QMap<double, QColor> stops;
    for (int i = 0; i < 256; ++i)
        stops.insert(i / 255.0, colorAt(name, i));
    QCPColorGradient gradient;
    gradient.setColorStops(stops);
    gradient.setColorInterpolation(QCPColorGradient::ciRGB);
    gradient.setLevelCount(256);
    gradient.setNanHandling(QCPColorGradient::nhTransparent);
    return gradient;
}

QString colorMapId(ColorMapName name) {
    switch (name) {
    case ColorMapName::Magma:
        return QStringLiteral("magma");
    case ColorMapName::Cividis:
        return QStringLiteral("cividis");
    case ColorMapName::Viridis:
        break;
    }
    return QStringLiteral("viridis");
}

} // namespace starlocus::ui
