// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// packedWhitening() for several stars at once, star s in lane s of every vector. One star's
// 13 × 13 factorisation is a chain of short dependent steps over 13 numbers, which leaves most
// of a vector unit idle; eight independent stars side by side fill it (a star 623–677 ns alone,
// 226–240 ns in 8 lanes on AVX-512 for the factorisation, docs/PERFORMANCE.md). The arithmetic
// is BandCholesky's, entry by entry: LDLᵀ right-looking on the kept block embedded in the
// identity, L = L₁·D^½, L⁻¹ by rows; only χ²'s row sums add in plain order where BandCholesky
// uses Eigen's dot product, so χ² may differ from packedWhitening's in its last bits.
#include "core/likelihood/star_observation.h"
#include "core/likelihood/whitening.h"

#include <cstddef>

namespace starlocus::core {

inline constexpr std::size_t kWhiteningLanes = 8;

struct WhiteningInput {
    const StarObservation* obs = nullptr;
    const Mat13* covariance = nullptr;
    Vec13 residual = Vec13::Zero(); // on every entry: the dropped ones are not read
};

// For stars[0 … count), count ≤ kWhiteningLanes: what packedWhitening(obs, covariance,
// residual, packed + 91·s, chi2[s]) gives, its result in ok[s].
void packedWhiteningLanes(const WhiteningInput* stars, std::size_t count, float* packed, double* chi2, bool* ok);

} // namespace starlocus::core
