// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/inference/catalog_fit_comparison.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace starlocus::ui {

double medianOf(std::vector<double> values) {
    const std::size_t n = values.size();
    if (n == 0)
        return core::PhotometricStar::kNaN;
    const auto middle = values.begin() + std::ptrdiff_t(n / 2);
    std::nth_element(values.begin(), middle, values.end());
    const double upper = *middle;
    if (n % 2 == 1)
        return upper;
    const double lower = *std::max_element(values.begin(), middle);
    return 0.5 * (lower + upper);
}

OffsetStatistics offsetStatistics(const std::vector<double>& differences) {
    OffsetStatistics s;
    s.count = differences.size();
    if (differences.empty())
        return s;
    s.bias = medianOf(differences);
    std::vector<double> deviations(differences.size());
    std::transform(differences.begin(), differences.end(), deviations.begin(),
                   [&s](double d) { return std::abs(d - s.bias); });
    // 1.4826 × MAD is the standard deviation of a Gaussian, robust to the outliers a
    // photometric fit has (poor fits, stars outside the training set).
    s.scatter = 1.4826 * medianOf(std::move(deviations));
    return s;
}

bool comparesWithReddeningFit(const core::Catalog& catalog) {
    return catalog.reddeningFit.has_value() && catalog.reddeningFit->size() == catalog.size();
}

namespace {

double catalogValue(const core::Catalog& catalog, CatalogFitQuantity quantity, std::size_t row) {
    switch (quantity) {
    case CatalogFitQuantity::Teff:
    case CatalogFitQuantity::LogG:
    case CatalogFitQuantity::FeH:
        return catalog.theta[row][std::size_t(quantity)];
    case CatalogFitQuantity::Reddening:
        return comparesWithReddeningFit(catalog) ? (*catalog.reddeningFit)[row] : catalog.reddening[row];
    }
    return core::PhotometricStar::kNaN;
}

const core::PosteriorInterval& intervalOf(const core::StarPosterior& p, CatalogFitQuantity quantity) {
    switch (quantity) {
    case CatalogFitQuantity::Teff:
        return p.teff;
    case CatalogFitQuantity::LogG:
        return p.logg;
    case CatalogFitQuantity::FeH:
        return p.feh;
    case CatalogFitQuantity::Reddening:
        break;
    }
    return p.reddening;
}

} // namespace

CatalogFitComparison compareWithCatalog(const core::Catalog& catalog,
                                        const std::vector<core::StarPosterior>& posteriors,
                                        CatalogFitQuantity quantity) {
    CatalogFitComparison c;
    c.quantity = quantity;
    const std::size_t n = std::min(catalog.size(), posteriors.size());
    std::vector<std::size_t> rows;
    for (std::size_t row = 0; row < n; ++row)
        if (posteriors[row].fitted() && std::isfinite(intervalOf(posteriors[row], quantity).median) &&
            std::isfinite(catalogValue(catalog, quantity, row)))
            rows.push_back(row);
    // Sorted by x: QCustomPlot keeps a graph's points (and the error bars indexed by them)
    // in key order.
    std::stable_sort(rows.begin(), rows.end(), [&](std::size_t a, std::size_t b) {
        return catalogValue(catalog, quantity, a) < catalogValue(catalog, quantity, b);
    });
    std::vector<double> differences;
    differences.reserve(rows.size());
    for (std::size_t row : rows) {
        const core::PosteriorInterval& i = intervalOf(posteriors[row], quantity);
        const double x = catalogValue(catalog, quantity, row);
        c.rows.push_back(row);
        c.catalog.push_back(x);
        c.median.push_back(i.median);
        c.lower.push_back(i.lower);
        c.upper.push_back(i.upper);
        differences.push_back(i.median - x);
    }
    c.statistics = offsetStatistics(differences);
    return c;
}

} // namespace starlocus::ui
