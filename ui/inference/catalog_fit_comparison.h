// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// What the "Catalog Fit" tab compares (issue 16, item 4): a catalog-wide photometric fit
// against the catalog's own values — photometric Teff, log g, [Fe/H] against the
// spectroscopic labels, and photometric E against the catalog's reddening (the authors'
// r_fit when the catalog has it, else the prior Ê). Only stars with status `fitted` and a
// finite catalog value take part. The numbers each panel states are those of
// docs/INFERENCE.md: bias = median of (photometric − catalog), scatter = 1.4826 × the median
// absolute deviation of that difference about its median.
#include "core/catalog/catalog.h"
#include "core/inference/star_posterior.h"

#include <array>
#include <cstddef>
#include <vector>

namespace starlocus::ui {

enum class CatalogFitQuantity { Teff = 0, LogG = 1, FeH = 2, Reddening = 3 };
inline constexpr std::array<CatalogFitQuantity, 4> kCatalogFitQuantities{
    CatalogFitQuantity::Teff, CatalogFitQuantity::LogG, CatalogFitQuantity::FeH, CatalogFitQuantity::Reddening};

struct OffsetStatistics {
    std::size_t count = 0;
    double bias = core::PhotometricStar::kNaN;    // median(photometric − catalog)
    double scatter = core::PhotometricStar::kNaN; // 1.4826 × MAD
};

// Median of `values` (the mean of the middle two for an even count); NaN when empty.
double medianOf(std::vector<double> values);
OffsetStatistics offsetStatistics(const std::vector<double>& differences);

// The catalog's reddening column the E panel compares with: r_fit when present.
bool comparesWithReddeningFit(const core::Catalog& catalog);

// One panel's stars, sorted by the catalog value (x).
struct CatalogFitComparison {
    CatalogFitQuantity quantity = CatalogFitQuantity::Teff;
    std::vector<std::size_t> rows; // catalog rows
    std::vector<double> catalog;   // x: the catalog's value
    std::vector<double> median;    // y: the posterior median
    std::vector<double> lower;     // 16 %
    std::vector<double> upper;     // 84 %
    OffsetStatistics statistics;

    std::size_t size() const { return rows.size(); }
};

// `posteriors` row i belongs to catalog star i (as fit-stars writes them); rows beyond the
// shorter of the two are ignored.
CatalogFitComparison compareWithCatalog(const core::Catalog& catalog,
                                        const std::vector<core::StarPosterior>& posteriors,
                                        CatalogFitQuantity quantity);

} // namespace starlocus::ui
