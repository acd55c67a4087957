// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The reddening update of Eqs. 8–9 with the model fixed. In c-space: predicted
// zero-extinction c (E = 0) and its covariance C_pred (Eq. 4 with Ê = σ_E = 0), a
// Gaussian prior with the star's ORIGINAL Ê, σ_E (never updated: it breaks the E ↔ |R|
// degeneracy), posterior mean clipped at 0, variance floored at (0.02)² + (0.1 E′)².
#include "core/likelihood/star_observation.h"
#include "core/model/stellar_model.h"

#include <optional>

namespace starlocus::core {

struct ReddeningUpdateSettings {
    double varianceFloorMag = 0.02;   // σ floor, mag
    double varianceFloorFraction = 0.1; // plus this fraction of E′
};

struct ReddeningPosterior {
    double mean = 0.0;
    double variance = 0.0;
    bool clipped = false; // the unclipped mean was negative
    bool floored = false; // the variance was raised to the floor
};

// nullopt when the label covariance is not positive definite or R, the prediction or its
// Jacobian is not finite (then the star keeps its current E′, σ_E′).
std::optional<ReddeningPosterior> refitReddening(const StarObservation& obs, const ModelEvaluation& eval,
                                                 const ReddeningUpdateSettings& settings = {});

} // namespace starlocus::core
