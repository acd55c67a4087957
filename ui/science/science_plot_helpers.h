// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Small pieces the science views share: band and colour names as settings and axis
// titles, robust axis ranges, binned maps as density grids, and the reddening arrow.
#include "core/diagnostics/binned_map_2d.h"
#include "core/diagnostics/color_score.h"
#include "ui/plot/density_grid.h"

#include <QColor>
#include <QString>
#include <QStringList>
#include <optional>
#include <span>
#include <vector>

class QCPRange;

namespace starlocus::ui {

class PlotFrame;

// Short band name ("G", "Ks") as used in settings; display name in axis titles.
QString bandId(std::size_t band);
QStringList bandIds();
std::optional<std::size_t> parseBand(const QString& id);
// "g-r" → (g, r); nullopt for unknown bands or X = Y.
std::optional<core::ColorPair> parseColor(const QString& text);
QString colorId(const core::ColorPair& pair);     // "g-r"
QString colorTitle(const core::ColorPair& pair);  // "g − r"

struct AxisRange {
    double lo = 0.0;
    double hi = 1.0;
    bool valid() const { return hi > lo; }
};
// The 0.5–99.5 % range of the finite values of all columns (from an evenly strided sample
// of ~10⁵ values for large columns), padded by 3 % (a few extreme stars do not squeeze the
// locus); invalid when there is no finite value.
AxisRange robustRange(std::initializer_list<std::span<const double>> columns, double tail = 0.005);
// "lo:hi" from a setting; nullopt for "auto" or text that is not two increasing numbers.
std::optional<AxisRange> parseRange(const QString& text);
// Empty when `text` is "auto" or a valid range; otherwise why not.
QString rangeProblem(const QString& text);

// Counts (or the mean of z) of a binned map as a grid for the density layer.
DensityGrid countGrid(const core::BinnedMap2D& map);
DensityGrid meanGrid(const core::BinnedMap2D& map);

// A heading above a panel's axis rect (what the panel shows).
void addHeading(PlotFrame& frame, const QString& text);

// An arrow from (x, y) by (dx, dy) in data units, labelled at its head; the alignment says
// which side of the head the label sits on (AlignLeft: to its right, AlignTop: below it).
void drawArrow(PlotFrame& frame, double x, double y, double dx, double dy, const QString& label,
               Qt::Alignment labelAlignment = Qt::AlignLeft | Qt::AlignVCenter);

} // namespace starlocus::ui
