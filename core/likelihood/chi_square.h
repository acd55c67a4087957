// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// χ² = Δcᵀ C_c⁻¹ Δc over the kept entries, Δc = B(M + ÊR) − B(m̂ − μ), by a Cholesky
// factorisation and a triangular solve (never an explicit inverse).
#include "core/likelihood/star_observation.h"

#include <optional>

namespace starlocus::core {

// nullopt when the kept block of `covariance` is not positive definite.
std::optional<double> chiSquare(const StarObservation& obs, const Vec13& prediction, const Mat13& covariance);

} // namespace starlocus::core
