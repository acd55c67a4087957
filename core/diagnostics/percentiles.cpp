// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/diagnostics/percentiles.h"

#include "core/common/input_error.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <utility>

namespace starlocus::core {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

} // namespace

double percentileInPlace(std::vector<double>& values, double p) {
    if (values.empty())
        return kNaN;
    p = std::clamp(p, 0.0, 1.0);
    const double rank = p * double(values.size() - 1);
    const auto lo = static_cast<std::size_t>(std::floor(rank));
    const double frac = rank - double(lo);
    std::nth_element(values.begin(), values.begin() + std::ptrdiff_t(lo), values.end());
    const double a = values[lo];
    if (frac == 0.0 || lo + 1 >= values.size())
        return a;
    // The next order statistic is the smallest of the upper part left by nth_element.
    const double b = *std::min_element(values.begin() + std::ptrdiff_t(lo) + 1, values.end());
    return a + frac * (b - a);
}

Quantiles quantiles(std::span<const double> values) {
    std::vector<double> v;
    v.reserve(values.size());
    for (double x : values)
        if (std::isfinite(x))
            v.push_back(x);
    Quantiles q;
    q.p16 = percentileInPlace(v, 0.16);
    q.p50 = percentileInPlace(v, 0.50);
    q.p84 = percentileInPlace(v, 0.84);
    return q;
}

RunningPercentiles runningPercentiles(std::span<const double> x, std::span<const double> y,
                                      const RunningPercentileSettings& settings) {
    const AxisBinning& axis = settings.axis;
    if (!axis.valid())
        throw InputError("", "axis", "running percentiles need count > 0 and finite min < max");
    if (x.size() != y.size())
        throw InputError("", "points", "x and y have different lengths");
    const double w = settings.windowWidth > 0.0 ? settings.windowWidth : axis.width();

    // Sort the finite pairs by x once; each window is then a contiguous range.
    std::vector<std::pair<double, double>> pts;
    pts.reserve(x.size());
    for (std::size_t i = 0; i < x.size(); ++i)
        if (std::isfinite(x[i]) && std::isfinite(y[i]))
            pts.emplace_back(x[i], y[i]);
    std::sort(pts.begin(), pts.end());

    RunningPercentiles out;
    out.centres = axis.centres();
    const std::size_t nb = axis.count;
    out.p16.assign(nb, kNaN);
    out.p50.assign(nb, kNaN);
    out.p84.assign(nb, kNaN);
    out.counts.assign(nb, 0);
    auto firstNotBelow = [&](double v) {
        return std::lower_bound(pts.begin(), pts.end(), v, [](const auto& p, double t) { return p.first < t; });
    };
    auto firstAbove = [&](double v) {
        return std::upper_bound(pts.begin(), pts.end(), v, [](double t, const auto& p) { return t < p.first; });
    };
    out.pointsUsed = std::size_t(firstAbove(axis.max) - firstNotBelow(axis.min));

    std::vector<double> window;
    for (std::size_t k = 0; k < nb; ++k) {
        const double lo = std::max(axis.min, out.centres[k] - 0.5 * w);
        const double hi = std::min(axis.max, out.centres[k] + 0.5 * w);
        const auto begin = firstNotBelow(lo);
        // Half-open windows, except that the value at axis.max belongs to the last one.
        const auto end = hi >= axis.max ? firstAbove(hi) : firstNotBelow(hi);
        window.clear();
        for (auto it = begin; it < end; ++it)
            window.push_back(it->second);
        out.counts[k] = window.size();
        if (window.size() < std::max<std::size_t>(settings.minCount, 1))
            continue;
        out.p16[k] = percentileInPlace(window, 0.16);
        out.p50[k] = percentileInPlace(window, 0.50);
        out.p84[k] = percentileInPlace(window, 0.84);
    }
    return out;
}

} // namespace starlocus::core
