// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/views/explorer_ranges.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <vector>

namespace starlocus::ui {

double quantile(std::span<const double> values, double q) {
    std::vector<double> finite;
    finite.reserve(values.size());
    for (double v : values)
        if (std::isfinite(v))
            finite.push_back(v);
    if (finite.empty())
        return std::numeric_limits<double>::quiet_NaN();
    std::sort(finite.begin(), finite.end());
    const double pos = std::clamp(q, 0.0, 1.0) * double(finite.size() - 1);
    const auto lo = std::size_t(std::floor(pos));
    const auto hi = std::min(lo + 1, finite.size() - 1);
    return finite[lo] + (pos - double(lo)) * (finite[hi] - finite[lo]);
}

ExplorerRanges defaultExplorerRanges() { return {}; }

ExplorerRanges explorerRanges(const core::Catalog& catalog) {
    ExplorerRanges out;
    constexpr std::size_t kMinStars = 10; // fewer: percentiles say nothing, keep defaults
    std::vector<double> values(catalog.size());
    for (int k = 0; k < 4; ++k) {
        for (std::size_t i = 0; i < catalog.size(); ++i)
            values[i] = k < 3 ? catalog.theta[i][std::size_t(k)] : catalog.reddening[i];
        const auto finite = std::size_t(std::count_if(values.begin(), values.end(), [](double v) { return std::isfinite(v); }));
        if (finite < kMinStars)
            continue;
        double lo = quantile(values, 0.01), hi = quantile(values, 0.99);
        if (k == 3) { // reddening: from zero, and wide enough to see the vector act
            lo = 0.0;
            hi = std::max(hi, 0.1);
        }
        if (!(hi > lo))
            continue;
        out.ranges[std::size_t(k)] = {lo, hi};
        const double median = std::clamp(quantile(values, 0.5), lo, hi);
        if (k < 3)
            out.start.theta[k] = median;
        else
            out.start.reddening = median;
    }
    out.fromCatalog = catalog.size() >= kMinStars;
    return out;
}

} // namespace starlocus::ui
