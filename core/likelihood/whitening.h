// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The per-star whitening of Eq. 10 used for training: W = K⁻¹ with K the lower Cholesky
// factor of C_c on the kept entries, so Wᵀ W = C_c⁻¹ there and |W Δc|² = χ². Embedded in
// a fixed 13×13 with zero rows AND columns for dropped entries (METHOD.md §3), so the
// training kernel is dense and a dropped entry can never inject NaN. W is lower
// triangular (kept entries keep band order), so 91 numbers store it.
#include "core/likelihood/star_observation.h"

#include <array>
#include <optional>

namespace starlocus::core {

inline constexpr std::size_t kPackedTriangleSize = kBandCount * (kBandCount + 1) / 2; // 91

std::optional<Mat13> whiteningMatrix(const StarObservation& obs, const Mat13& covariance);

// What the trainer stores per star, in one pass: W packed as float32 (the layout below)
// and χ² = |W·residual|² (residual on the kept entries). False when the covariance is not
// positive definite or W is not finite; `packed` is then unspecified.
bool packedWhitening(const StarObservation& obs, const Mat13& covariance, const Vec13& residual, float* packed,
                     double& chi2);

// The last step of every packed whitening (here and whitening_lanes.h): a dropped entry's
// unit diagonal (its decoupled identity, which the trainer must not see) set to zero; true
// when every entry is finite.
bool finishPackedWhitening(const StarObservation& obs, float* packed);

// Row-major lower triangle: (0,0), (1,0), (1,1), (2,0), …
std::array<float, kPackedTriangleSize> packLowerTriangle(const Mat13& w);
Mat13 unpackLowerTriangle(const std::array<float, kPackedTriangleSize>& packed);

} // namespace starlocus::core
