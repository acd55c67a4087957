// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// DensityGrid: a ready 2-D grid for the density layer — bin edges along x and y and one
// value per cell. Diagnostics products (binned maps, mean-label maps, KDE slices) arrive
// in this shape; the plot only draws them. A NaN cell is drawn transparent (no data).
#include <cstddef>
#include <vector>

namespace starlocus::ui {

struct DensityGrid {
    std::vector<double> xEdges; // nx + 1 increasing edges
    std::vector<double> yEdges; // ny + 1 increasing edges
    std::vector<double> values; // ny rows of nx cells: values[iy * nx + ix]

    std::size_t nx() const { return xEdges.size() > 1 ? xEdges.size() - 1 : 0; }
    std::size_t ny() const { return yEdges.size() > 1 ? yEdges.size() - 1 : 0; }
    double at(std::size_t ix, std::size_t iy) const { return values[iy * nx() + ix]; }
    // Evenly spaced increasing edges (the image has regular cells) and one value per cell.
    bool isValid() const;
};

} // namespace starlocus::ui
