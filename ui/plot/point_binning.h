// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The density layer's fallback for views that only have points: count them on a regular
// grid. Real diagnostics products (core/diagnostics binned maps) come as a DensityGrid
// and do not pass through here.
#include "ui/plot/density_grid.h"

#include <span>

namespace starlocus::ui {

struct BinSpec {
    double min = 0.0;
    double max = 1.0;
    std::size_t count = 1;
};

// `count` equal bins over the finite values' range (widened a little when they are all
// equal, so the grid is never empty); a default bin when there is no finite value.
BinSpec spanningBins(std::span<const double> values, std::size_t count);

// Number of (x, y) pairs per cell; pairs with a non-finite coordinate or outside the
// bins are skipped; empty cells are NaN (drawn transparent). x and y have equal size.
DensityGrid binPoints(std::span<const double> x, std::span<const double> y, const BinSpec& xBins,
                      const BinSpec& yBins);

} // namespace starlocus::ui
