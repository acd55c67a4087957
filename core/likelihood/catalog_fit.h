// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The likelihood of every star of a catalog under a fixed model: the reddening
// posterior (Eqs. 8–9) and χ², χ²/dof with a chosen reddening. Parallel over stars with
// a fixed chunking, so results do not depend on the number of threads.
#include "core/catalog/catalog.h"
#include "core/likelihood/reddening_update.h"
#include "core/likelihood/star_observation.h"
#include "core/model/stellar_model.h"

#include <vector>

namespace starlocus::core {

enum class ReddeningChoice {
    Catalog, // Ê, σ_E as written in the catalog
    Refit,   // E′, σ_E′ from Eqs. 8–9 under this model
};

struct CatalogFit {
    std::vector<StarExclusion> exclusion; // None = used
    std::vector<double> reddening;        // E used (Ê or E′); NaN for excluded stars
    std::vector<double> reddeningVar;     // σ_E² used
    std::vector<double> chi2;             // NaN for excluded stars
    std::vector<int> dof;                 // kept entries − 1
    StarDefectCounts defects;
    std::size_t reddeningClipped = 0;     // refit only: E′ clipped at 0
    std::size_t reddeningFloored = 0;     // refit only: σ_E′² raised to the floor

    std::size_t size() const { return chi2.size(); }
    bool hasChi2PerDof(std::size_t i) const {
        return exclusion[i] == StarExclusion::None && dof[i] > 0;
    }
    double chi2PerDof(std::size_t i) const { return chi2[i] / dof[i]; }
};

// Eqs. 8–9 for every star (reddening / reddeningVar hold E′, σ_E′²; chi2 is not computed).
CatalogFit refitCatalogReddening(const StellarModel& model, const Catalog& catalog,
                                 const ReddeningUpdateSettings& settings = {});

// χ² of every star with the chosen reddening (Refit runs Eqs. 8–9 first).
CatalogFit evaluateCatalog(const StellarModel& model, const Catalog& catalog, ReddeningChoice reddening);

} // namespace starlocus::core
