// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Descriptive facts about a loaded catalog (counts, label ranges), computed once in the
// background when the catalog is opened, so that views only display them.
#include "core/catalog/catalog.h"

#include <array>
#include <cstddef>
#include <string>
#include <utility>
#include <vector>

namespace starlocus::ui {

struct LabelRange {
    std::size_t finiteCount = 0; // stars with a finite value of this label
    double min = 0.0;            // NaN when finiteCount == 0
    double median = 0.0;
    double max = 0.0;
};

struct CatalogSummary {
    std::size_t starCount = 0;
    // Stars with a finite magnitude in each band (NaN marks an unobserved band).
    std::array<std::size_t, core::kBandCount> observedPerBand{};
    // Teff [K], log g [dex], [Fe/H] [dex].
    std::array<LabelRange, 3> labels{};
    // (value, number of stars), most frequent first; ties in alphabetical order.
    std::vector<std::pair<std::string, std::size_t>> rSourceCounts;
    std::vector<std::pair<std::string, std::size_t>> atmSourceCounts;
    bool hasReddeningFit = false; // r_fit stored beside the data
};

CatalogSummary summarizeCatalog(const core::Catalog& catalog);

} // namespace starlocus::ui
