// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// 2-D binned maps: counts per pixel and the mean of a third quantity per pixel, for the
// density CMDs of Fig. 6, the mean-label CMDs of Fig. 7, the colour–colour maps of Figs. 8–9,
// the ΔR/R map of Fig. 10 (coloured by mean log g, pixels with < 10 stars white) and the
// score maps of Fig. 12. A view draws it as it is; nothing here knows about colours.
#include "core/diagnostics/axis_binning.h"

#include <cstddef>
#include <span>
#include <vector>

namespace starlocus::core {

struct BinnedMap2D {
    AxisBinning xAxis;
    AxisBinning yAxis;
    std::vector<double> xEdges;        // xAxis.count + 1
    std::vector<double> yEdges;        // yAxis.count + 1
    std::vector<std::size_t> counts;   // row-major by y: counts[iy * nx + ix]
    std::vector<double> meanOfZ;       // same layout; NaN where counts < minCount; empty without z
    std::size_t minCount = 0;
    std::size_t pointsBinned = 0;      // points inside both axes
    std::size_t pointsOutside = 0;     // finite points outside an axis
    std::size_t pointsNotFinite = 0;   // NaN/Inf x, y (or z when z is given)

    std::size_t nx() const { return xAxis.count; }
    std::size_t ny() const { return yAxis.count; }
    std::size_t count(std::size_t ix, std::size_t iy) const { return counts[iy * nx() + ix]; }
    double mean(std::size_t ix, std::size_t iy) const { return meanOfZ[iy * nx() + ix]; }
};

// Bins (x, y) and, when z is not empty, averages z per pixel (mean shown only where at least
// minCount points fell). Parallel over points with a fixed chunking: the result does not depend
// on the number of threads. Throws InputError on an invalid axis or mismatched lengths.
BinnedMap2D binMap2D(std::span<const double> x, std::span<const double> y, std::span<const double> z,
                     const AxisBinning& xAxis, const AxisBinning& yAxis, std::size_t minCount = 10);

} // namespace starlocus::core
