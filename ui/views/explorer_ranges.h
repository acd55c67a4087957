// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The explorer's slider ranges: the 1st–99th percentile of the loaded catalog's labels and
// prior reddening Ê, or defaults that cover the published training set without one.
#include "core/catalog/catalog.h"
#include "ui/views/explorer_prediction.h"

#include <array>
#include <span>

namespace starlocus::ui {

struct ExplorerRange {
    double min = 0.0;
    double max = 1.0;
};

struct ExplorerRanges {
    // Teff [K], log g [dex], [Fe/H] [dex], E.
    std::array<ExplorerRange, 4> ranges{{{3500.0, 8000.0}, {0.0, 5.0}, {-2.5, 0.5}, {0.0, 2.0}}};
    ExplorerInput start; // where the sliders start (the catalog's median star, or the Sun)
    bool fromCatalog = false;
};

// Linear-interpolated quantile q ∈ [0, 1] of the finite values; NaN when there are none.
double quantile(std::span<const double> values, double q);

ExplorerRanges defaultExplorerRanges();
// Percentile ranges of a catalog; a label with too few finite values keeps its default.
ExplorerRanges explorerRanges(const core::Catalog& catalog);

} // namespace starlocus::ui
