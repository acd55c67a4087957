// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// C_c of Eq. 4/6 in c-space for one star:
//   C_c = J C_x Jᵀ + σ_E² (BR)(BR)ᵀ + B diag(σ_m²) Bᵀ + (5/ln10 · σ_ϖ/ϖ̂)² e₀e₀ᵀ,
// J = ∂B(M + E·R)/∂x. Only the kept block is meaningful; dropped rows stay as built.
#include "core/likelihood/star_observation.h"
#include "core/model/stellar_model.h"

#include <Eigen/Core>

namespace starlocus::core {

// Covariance with the model terms at reddening e and reddening variance varE.
Mat13 colorSpaceCovariance(const StarObservation& obs, const ModelEvaluation& eval, double e, double varE);

// B diag(σ_m²) Bᵀ + (5/ln10 · σ_ϖ/ϖ̂)² e₀e₀ᵀ on the kept entries (zero rows and columns
// elsewhere), expanded from StarObservation's structured form. Alone it is iteration 1's
// covariance (§4: ∇θM = 0 and R = 0).
Mat13 photometricCovariance(const StarObservation& obs);

// Vectors get 0 on dropped entries (the covariance's kept block is factored by
// BandCholesky::factor(covariance, obs.kept)).
Vec13 keptOnly(const StarObservation& obs, const Vec13& v);

// Kept entries gathered into a compact vector/matrix (at most 13), in band order.
using KeptVector = Eigen::Matrix<double, Eigen::Dynamic, 1, 0, kBandCount, 1>;
using KeptMatrix = Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, 0, kBandCount, kBandCount>;
KeptVector keptEntries(const StarObservation& obs, const Vec13& v);
KeptMatrix keptBlock(const StarObservation& obs, const Mat13& m);

} // namespace starlocus::core
