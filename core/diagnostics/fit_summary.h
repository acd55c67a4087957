// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Goodness-of-fit summaries per group of stars (all, r_source:<tag>, atm_source:<tag>).
// ⟨χ²/dof⟩ below the threshold is always reported together with the fraction above it:
// the first alone is self-censoring (METHOD.md §3).
#include "core/catalog/catalog.h"
#include "core/likelihood/catalog_fit.h"

#include <map>
#include <string>

namespace starlocus::core {

struct FitGroupSummary {
    std::size_t stars = 0;        // stars in the group
    std::size_t used = 0;         // of which not excluded
    std::size_t withDof = 0;      // of which dof > 0 (these enter the χ²/dof numbers)
    double chi2PerBand = 0.0;     // ⟨χ²/13⟩ over used stars (the paper's loss without regularisation)
    double chi2Dof = 0.0;         // ⟨χ²/dof⟩ over stars with dof > 0
    double chi2DofBelow = 0.0;    // ⟨χ²/dof⟩ over those with χ²/dof < threshold
    double fracAbove = 0.0;       // fraction of those with χ²/dof ≥ threshold
};

// Keyed "all", "r_source:<tag>", "atm_source:<tag>".
std::map<std::string, FitGroupSummary> summarizeFitByGroup(const Catalog& catalog, const CatalogFit& fit,
                                                           double threshold = 5.0);

} // namespace starlocus::core
