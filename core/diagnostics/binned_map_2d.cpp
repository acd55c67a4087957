// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/diagnostics/binned_map_2d.h"

#include "core/common/input_error.h"
#include "core/common/parallel_for.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace starlocus::core {
namespace {

// Per-chunk partial sums, combined in chunk order (deterministic double sums).
struct PartialMap {
    std::vector<std::size_t> counts;
    std::vector<double> sums;
    std::size_t outside = 0;
    std::size_t notFinite = 0;
};

} // namespace

BinnedMap2D binMap2D(std::span<const double> x, std::span<const double> y, std::span<const double> z,
                     const AxisBinning& xAxis, const AxisBinning& yAxis, std::size_t minCount) {
    if (!xAxis.valid() || !yAxis.valid())
        throw InputError("", "axis", "a binned map needs count > 0 and finite min < max on both axes");
    const bool withZ = !z.empty();
    if (x.size() != y.size() || (withZ && z.size() != x.size()))
        throw InputError("", "points", "x, y (and z) have different lengths");

    const std::size_t nx = xAxis.count, ny = yAxis.count, cells = nx * ny, n = x.size();
    // Chunks large against the grid, so the partial grids cost less than the points.
    const std::size_t chunk = std::max<std::size_t>(std::size_t(1) << 16, 4 * cells);
    const std::size_t chunks = n == 0 ? 0 : (n + chunk - 1) / chunk;
    std::vector<PartialMap> parts(chunks);
    parallelFor(n, chunk, [&](std::size_t begin, std::size_t end) {
        PartialMap& p = parts[begin / chunk];
        p.counts.assign(cells, 0);
        if (withZ)
            p.sums.assign(cells, 0.0);
        for (std::size_t i = begin; i < end; ++i) {
            if (!std::isfinite(x[i]) || !std::isfinite(y[i]) || (withZ && !std::isfinite(z[i]))) {
                ++p.notFinite;
                continue;
            }
            const std::size_t ix = xAxis.index(x[i]), iy = yAxis.index(y[i]);
            if (ix == nx || iy == ny) {
                ++p.outside;
                continue;
            }
            const std::size_t c = iy * nx + ix;
            ++p.counts[c];
            if (withZ)
                p.sums[c] += z[i];
        }
    });

    BinnedMap2D map;
    map.xAxis = xAxis;
    map.yAxis = yAxis;
    map.xEdges = xAxis.edges();
    map.yEdges = yAxis.edges();
    map.minCount = minCount;
    map.counts.assign(cells, 0);
    std::vector<double> sums(withZ ? cells : 0, 0.0);
    for (const PartialMap& p : parts) {
        for (std::size_t c = 0; c < cells; ++c)
            map.counts[c] += p.counts[c];
        for (std::size_t c = 0; c < sums.size(); ++c)
            sums[c] += p.sums[c];
        map.pointsOutside += p.outside;
        map.pointsNotFinite += p.notFinite;
    }
    map.pointsBinned = n - map.pointsOutside - map.pointsNotFinite;
    if (withZ) {
        map.meanOfZ.assign(cells, std::numeric_limits<double>::quiet_NaN());
        for (std::size_t c = 0; c < cells; ++c)
            if (map.counts[c] > 0 && map.counts[c] >= minCount)
                map.meanOfZ[c] = sums[c] / double(map.counts[c]);
    }
    return map;
}

} // namespace starlocus::core
