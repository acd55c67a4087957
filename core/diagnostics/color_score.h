// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The score of a predicted colour, Eq. 18 (Fig. 12):
//   Δ(X−Y)/σ = [(X−Y)_obs − (X−Y)_pred] / σ_(X−Y)
// with the prediction M(θ̂) + Ê·R(θ̂) at the star's labels and the best-fit reddening
// (Eqs. 8–9; the distance modulus cancels in a colour), and σ² the X−Y variance of C_m
// (Eq. 4 in magnitude space) at that reddening:
//   σ² = g C_x gᵀ + σ_E² (R_X − R_Y)² + σ_X² + σ_Y²,   g = ∂[(M + ÊR)_X − (M + ÊR)_Y]/∂x,
// C_x the normalized label covariance (METHOD.md §3); the parallax term of Eq. 4 only moves
// the common distance modulus and cancels in a colour.
#include "core/catalog/catalog.h"
#include "core/likelihood/catalog_fit.h"
#include "core/model/stellar_model.h"

#include <cstddef>
#include <span>
#include <string>
#include <vector>

namespace starlocus::core {

struct ColorPair {
    std::size_t bandX = 0; // canonical band index (METHOD.md §1)
    std::size_t bandY = 0;
};

// "g−r", "r−G", … from the band registry.
std::string colorName(const ColorPair& pair);

struct ColorScores {
    ColorPair pair;
    std::vector<double> score;    // Eq. 18; NaN for skipped stars
    std::vector<double> residual; // Δ(X−Y) = observed − predicted, mag
    std::vector<double> sigma;    // σ_(X−Y), mag
    std::size_t scored = 0;
    std::size_t skippedMissingBand = 0; // X or Y unobserved (NaN, bad error, or error > 0.2 mag)
    std::size_t skippedExcluded = 0;    // the fit excluded the star (no reddening estimate)
};

// Scores for several colours at once (the model is evaluated once per star). `fit` holds the
// reddening to use, normally refitCatalogReddening(model, catalog); it must describe `catalog`.
// Parallel over stars with a fixed chunking. InputError on a band index ≥ 13, X = Y, or a fit
// of another size.
std::vector<ColorScores> colorScores(const StellarModel& model, const Catalog& catalog, const CatalogFit& fit,
                                     std::span<const ColorPair> pairs);
ColorScores colorScores(const StellarModel& model, const Catalog& catalog, const CatalogFit& fit, ColorPair pair);

} // namespace starlocus::core
