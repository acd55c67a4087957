// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/science/science_plot_helpers.h"

#include "core/bands/band_registry.h"
#include "core/diagnostics/percentiles.h"
#include "ui/plot/plot_frame.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace starlocus::ui {

QString bandId(std::size_t band) {
    const std::string_view name = core::bands()[band].name;
    return QString::fromUtf8(name.data(), qsizetype(name.size()));
}

QStringList bandIds() {
    QStringList ids;
    for (std::size_t b = 0; b < core::kBandCount; ++b)
        ids << bandId(b);
    return ids;
}

std::optional<std::size_t> parseBand(const QString& id) { return core::bandIndex(id.trimmed().toStdString()); }

std::optional<core::ColorPair> parseColor(const QString& text) {
    const QStringList parts = text.split(QLatin1Char('-'));
    if (parts.size() != 2)
        return std::nullopt;
    const auto x = parseBand(parts[0]), y = parseBand(parts[1]);
    if (!x || !y || *x == *y)
        return std::nullopt;
    return core::ColorPair{*x, *y};
}

QString colorId(const core::ColorPair& pair) { return bandId(pair.bandX) + QLatin1Char('-') + bandId(pair.bandY); }

QString colorTitle(const core::ColorPair& pair) {
    return QStringLiteral("%1 − %2").arg(bandId(pair.bandX), bandId(pair.bandY));
}

AxisRange robustRange(std::initializer_list<std::span<const double>> columns, double tail) {
    // Axis limits need no more than ~10⁵ values: a fixed stride through large columns gives
    // the same limits to far below a pixel and keeps a 10⁶-star redraw fast.
    constexpr std::size_t kEnough = 100000;
    std::size_t total = 0;
    for (std::span<const double> c : columns)
        total += c.size();
    const std::size_t stride = std::max<std::size_t>(1, total / kEnough);
    std::vector<double> sample;
    sample.reserve(total / stride + columns.size());
    for (std::span<const double> c : columns)
        for (std::size_t i = 0; i < c.size(); i += stride)
            if (std::isfinite(c[i]))
                sample.push_back(c[i]);
    if (sample.empty())
        return {0.0, 0.0};
    double lo = core::percentileInPlace(sample, tail);
    double hi = core::percentileInPlace(sample, 1.0 - tail);
    if (!(hi > lo)) {
        lo -= 0.5;
        hi += 0.5;
    }
    const double pad = 0.03 * (hi - lo);
    return {lo - pad, hi + pad};
}

std::optional<AxisRange> parseRange(const QString& text) {
    const QStringList parts = text.split(QLatin1Char(':'));
    if (parts.size() != 2)
        return std::nullopt;
    bool ok1 = false, ok2 = false;
    const AxisRange r{parts[0].toDouble(&ok1), parts[1].toDouble(&ok2)};
    if (!ok1 || !ok2 || !std::isfinite(r.lo) || !std::isfinite(r.hi) || !r.valid())
        return std::nullopt;
    return r;
}

QString rangeProblem(const QString& text) {
    if (text == QLatin1String("auto") || parseRange(text))
        return {};
    return QStringLiteral("expected 'auto' or 'LOW:HIGH' with LOW < HIGH, got '%1'").arg(text);
}

namespace {
DensityGrid gridOf(const core::BinnedMap2D& map, bool means) {
    DensityGrid grid;
    grid.xEdges = map.xEdges;
    grid.yEdges = map.yEdges;
    grid.values.resize(map.counts.size());
    for (std::size_t k = 0; k < map.counts.size(); ++k)
        grid.values[k] = means ? map.meanOfZ[k]
                               : (map.counts[k] > 0 ? double(map.counts[k]) : std::numeric_limits<double>::quiet_NaN());
    return grid;
}
} // namespace

DensityGrid countGrid(const core::BinnedMap2D& map) { return gridOf(map, false); }
DensityGrid meanGrid(const core::BinnedMap2D& map) { return gridOf(map, true); }

void addHeading(PlotFrame& frame, const QString& text) {
    auto* heading = new QCPTextElement(&frame, text);
    heading->setTextColor(frame.plotPalette().ink);
    frame.plotLayout()->insertRow(0);
    frame.plotLayout()->addElement(0, 0, heading);
}

void drawArrow(PlotFrame& frame, double x, double y, double dx, double dy, const QString& label,
               Qt::Alignment labelAlignment) {
    auto* line = new QCPItemLine(&frame);
    line->start->setCoords(x, y);
    line->end->setCoords(x + dx, y + dy);
    line->setHead(QCPLineEnding(QCPLineEnding::esSpikeArrow, 10, 12));
    // The paper draws reddening vectors in red: the palette's highlight, a vermillion that
    // stays readable on the light and on the dark background.
    const QColor colour = frame.plotPalette().highlight;
    line->setPen(QPen(colour, 2.0));
    auto* text = new QCPItemText(&frame);
    text->position->setCoords(x + dx, y + dy);
    text->setPositionAlignment(labelAlignment);
    text->setPadding(QMargins(6, 4, 6, 4));
    text->setText(label);
    text->setColor(colour);
}

} // namespace starlocus::ui
