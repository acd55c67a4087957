// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/plot/point_binning.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace starlocus::ui {

BinSpec spanningBins(std::span<const double> values, std::size_t count) {
    double lo = std::numeric_limits<double>::infinity();
    double hi = -lo;
    for (double v : values)
        if (std::isfinite(v)) {
            lo = std::min(lo, v);
            hi = std::max(hi, v);
        }
    if (!(lo <= hi))
        return {0.0, 1.0, std::max<std::size_t>(count, 1)};
    if (hi == lo) {
        const double pad = std::max(0.5, 1e-6 * std::abs(lo));
        lo -= pad;
        hi += pad;
    }
    return {lo, hi, std::max<std::size_t>(count, 1)};
}

namespace {
std::vector<double> edgesOf(const BinSpec& bins) {
    std::vector<double> edges(bins.count + 1);
    for (std::size_t i = 0; i <= bins.count; ++i)
        edges[i] = bins.min + (bins.max - bins.min) * double(i) / double(bins.count);
    return edges;
}
} // namespace

DensityGrid binPoints(std::span<const double> x, std::span<const double> y, const BinSpec& xBins,
                      const BinSpec& yBins) {
    DensityGrid grid{edgesOf(xBins), edgesOf(yBins), {}};
    std::vector<double> counts(xBins.count * yBins.count, 0.0);
    const double sx = double(xBins.count) / (xBins.max - xBins.min);
    const double sy = double(yBins.count) / (yBins.max - yBins.min);
    const std::size_t n = std::min(x.size(), y.size());
    for (std::size_t i = 0; i < n; ++i) {
        if (!std::isfinite(x[i]) || !std::isfinite(y[i]) || x[i] < xBins.min || x[i] > xBins.max ||
            y[i] < yBins.min || y[i] > yBins.max)
            continue;
        // The last edge belongs to the last bin.
        const auto ix = std::min(std::size_t((x[i] - xBins.min) * sx), xBins.count - 1);
        const auto iy = std::min(std::size_t((y[i] - yBins.min) * sy), yBins.count - 1);
        counts[iy * xBins.count + ix] += 1.0;
    }
    for (double& c : counts)
        if (c == 0.0)
            c = std::numeric_limits<double>::quiet_NaN();
    grid.values = std::move(counts);
    return grid;
}

} // namespace starlocus::ui
