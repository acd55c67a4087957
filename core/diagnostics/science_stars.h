// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Which stars the science views (Figs. 6–12) show, and the numbers they share.
// A model trained by StarLocus carries its per-star split and the hash of its catalog:
// with that same catalog the views show the test stars, as the paper does. Any other
// model + catalog (e.g. the authors' published model and stars) shows every star. In both
// cases the reddening is re-fitted with Eqs. 8–9, the paper's "best-fit reddening".
#include "core/catalog/catalog.h"
#include "core/diagnostics/extinction_deviation.h"
#include "core/diagnostics/predicted_photometry.h"
#include "core/diagnostics/reddening_slopes.h"
#include "core/likelihood/catalog_fit.h"
#include "core/model/stellar_model.h"
#include "core/training/training_record.h"

#include <cstddef>
#include <span>
#include <string>
#include <vector>

namespace starlocus::core {

enum class ScienceStarChoice {
    TestSplit, // the test stars of the model's own training run
    AllStars,  // every star of the catalog
};

struct ScienceStars {
    ScienceStarChoice choice = ScienceStarChoice::AllStars;
    std::vector<std::size_t> catalogIndex; // the chosen stars, increasing
    // Why all stars are shown when the model has a training record (empty otherwise).
    std::string note;
};

// Test stars when `record` belongs to `catalog` (same content hash and size), all stars otherwise.
ScienceStars chooseScienceStars(const Catalog& catalog, const TrainingCheckpoint* record);

// The stars at `indices` as a catalog of their own (every per-star field, r_fit/r_var too).
Catalog subsetCatalog(const Catalog& catalog, std::span<const std::size_t> indices);

// Everything the views share, computed once for the chosen stars.
struct ScienceProducts {
    ScienceStars selection;
    Catalog stars;                  // the chosen stars only; view star index i = stars row i
    PredictedPhotometry predicted;  // M(θ̂), E = 0, and ⟨R(θ̂)⟩
    Eigen::Vector3d meanTheta = Eigen::Vector3d::Zero();
    ExtinctionDeviation deviation;  // ΔR/R relative to R(θ̄)
    ReddeningSlopes slopes;         // Fig. 11
    CatalogFit fit;                 // best-fit reddening of Eqs. 8–9 for `stars`
};

ScienceProducts computeScienceProducts(const StellarModel& model, const Catalog& catalog,
                                       const TrainingCheckpoint* record);

} // namespace starlocus::core
