// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/plot/density_grid.h"

#include <cmath>

namespace starlocus::ui {

namespace {
// QCPColorMap draws regular cells, so the edges must be evenly spaced.
bool evenlyIncreasing(const std::vector<double>& edges) {
    if (edges.size() < 2)
        return false;
    const double step = (edges.back() - edges.front()) / double(edges.size() - 1);
    if (!(step > 0.0) || !std::isfinite(step))
        return false;
    for (std::size_t i = 1; i < edges.size(); ++i)
        if (std::abs(edges[i] - edges[i - 1] - step) > 1e-6 * step)
            return false;
    return true;
}
} // namespace

bool DensityGrid::isValid() const {
    return evenlyIncreasing(xEdges) && evenlyIncreasing(yEdges) && values.size() == nx() * ny();
}

} // namespace starlocus::ui
