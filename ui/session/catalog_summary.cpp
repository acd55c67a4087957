// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/session/catalog_summary.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>

namespace starlocus::ui {
namespace {

LabelRange rangeOf(std::vector<double> values) {
    LabelRange range;
    std::erase_if(values, [](double v) { return !std::isfinite(v); });
    range.finiteCount = values.size();
    if (values.empty()) {
        const double nan = std::numeric_limits<double>::quiet_NaN();
        range.min = range.median = range.max = nan;
        return range;
    }
    const auto [lo, hi] = std::minmax_element(values.begin(), values.end());
    range.min = *lo;
    range.max = *hi;
    const std::size_t mid = values.size() / 2;
    std::nth_element(values.begin(), values.begin() + static_cast<std::ptrdiff_t>(mid), values.end());
    range.median = values[mid];
    if (values.size() % 2 == 0) {
        // Even count: the mean of the two central values (the lower one is the largest
        // element of the left part after nth_element).
        const double lower = *std::max_element(values.begin(), values.begin() + static_cast<std::ptrdiff_t>(mid));
        range.median = 0.5 * (lower + range.median);
    }
    return range;
}

std::vector<std::pair<std::string, std::size_t>> countValues(const std::vector<std::string>& values) {
    std::map<std::string, std::size_t> counts;
    for (const auto& v : values)
        ++counts[v];
    std::vector<std::pair<std::string, std::size_t>> sorted(counts.begin(), counts.end());
    std::stable_sort(sorted.begin(), sorted.end(),
                     [](const auto& a, const auto& b) { return a.second > b.second; });
    return sorted;
}

} // namespace

CatalogSummary summarizeCatalog(const core::Catalog& catalog) {
    CatalogSummary summary;
    summary.starCount = catalog.size();
    for (const auto& mags : catalog.mag)
        for (std::size_t b = 0; b < core::kBandCount; ++b)
            if (std::isfinite(mags[b]))
                ++summary.observedPerBand[b];
    for (std::size_t k = 0; k < 3; ++k) {
        std::vector<double> values;
        values.reserve(catalog.size());
        for (const auto& theta : catalog.theta)
            values.push_back(theta[k]);
        summary.labels[k] = rangeOf(std::move(values));
    }
    summary.rSourceCounts = countValues(catalog.rSource);
    summary.atmSourceCounts = countValues(catalog.atmSource);
    summary.hasReddeningFit = catalog.reddeningFit.has_value();
    return summary;
}

} // namespace starlocus::ui
