// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Percentiles of samples and running percentiles along an axis: the 16/50/84 % curves of
// Fig. 12 (scores vs Teff, log g, [Fe/H], E) and the 1σ range of the slopes of Fig. 11.
// Definition: linear interpolation between order statistics at rank (n − 1)·p, the default
// of numpy.percentile, so the numbers can be checked with numpy.
#include "core/diagnostics/axis_binning.h"

#include <cstddef>
#include <span>
#include <vector>

namespace starlocus::core {

// The p-quantile (p in [0, 1]) of `values`, reordering them in place (nth_element, O(n)).
// NaN for an empty input. The values must be finite.
double percentileInPlace(std::vector<double>& values, double p);

struct Quantiles {
    double p16 = 0.0;
    double p50 = 0.0;
    double p84 = 0.0;
    // Half the 16–84 % range: σ for a Gaussian.
    double halfWidth() const { return 0.5 * (p84 - p16); }
};
// 16/50/84 % of the finite entries of `values` (NaN entries ignored; all NaN when none).
Quantiles quantiles(std::span<const double> values);

struct RunningPercentileSettings {
    AxisBinning axis;          // window centres are the bin centres of this axis
    double windowWidth = 0.0;  // width of each window; 0 = the bin width (no overlap)
    std::size_t minCount = 10; // fewer points in a window → NaN percentiles
};

struct RunningPercentiles {
    std::vector<double> centres;
    std::vector<double> p16, p50, p84;  // NaN where counts < minCount
    std::vector<std::size_t> counts;    // points in each window
    std::size_t pointsUsed = 0;         // finite (x, y) pairs inside [axis.min, axis.max]
};

// Percentiles of y in windows [c − w/2, c + w/2) along x (the last closed at axis.max).
// Pairs with a non-finite x or y are ignored.
RunningPercentiles runningPercentiles(std::span<const double> x, std::span<const double> y,
                                      const RunningPercentileSettings& settings);

} // namespace starlocus::core
