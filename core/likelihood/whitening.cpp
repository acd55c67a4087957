// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/likelihood/whitening.h"

#include "core/likelihood/band_cholesky.h"
#include "core/likelihood/star_covariance.h"

#include <algorithm>
#include <cmath>

namespace starlocus::core {

std::optional<Mat13> whiteningMatrix(const StarObservation& obs, const Mat13& covariance) {
    if (obs.keptCount == 0)
        return Mat13::Zero();
    BandCholesky cholesky;
    if (!cholesky.factor(covariance, obs.kept))
        return std::nullopt;
    // K⁻¹ (lower triangular). The decoupled entries have K = 1 there and no coupling, so
    // zeroing their rows and columns leaves exactly K⁻¹ of the kept block in place.
    Mat13 w = cholesky.inverseFactor();
    for (std::size_t b = 0; b < kBandCount; ++b) {
        if (obs.kept[b])
            continue;
        w.row(Eigen::Index(b)).setZero();
        w.col(Eigen::Index(b)).setZero();
    }
    if (!w.allFinite())
        return std::nullopt;
    return w;
}

bool packedWhitening(const StarObservation& obs, const Mat13& covariance, const Vec13& residual, float* packed,
                     double& chi2) {
    if (obs.keptCount == 0) {
        std::fill(packed, packed + kPackedTriangleSize, 0.0f);
        chi2 = 0.0;
        return true;
    }
    BandCholesky cholesky;
    if (!cholesky.factor(covariance, obs.kept))
        return false;
    // Rows and columns of dropped entries are exactly zero in L⁻¹ (decoupled, see
    // whiteningMatrix) except the unit diagonal, which the trainer must not see.
    chi2 = cholesky.inverseFactorPacked(packed, keptOnly(obs, residual)); // |W·r|²
    return finishPackedWhitening(obs, packed) && std::isfinite(chi2);
}

bool finishPackedWhitening(const StarObservation& obs, float* packed) {
    bool finite = true;
    for (std::size_t k = 0; k < kPackedTriangleSize; ++k)
        finite = finite && std::isfinite(packed[k]);
    for (std::size_t b = 0; b < kBandCount; ++b)
        if (!obs.kept[b])
            packed[b * (b + 1) / 2 + b] = 0.0f;
    return finite;
}

std::array<float, kPackedTriangleSize> packLowerTriangle(const Mat13& w) {
    std::array<float, kPackedTriangleSize> out{};
    std::size_t k = 0;
    for (Eigen::Index r = 0; r < Eigen::Index(kBandCount); ++r)
        for (Eigen::Index c = 0; c <= r; ++c)
            out[k++] = float(w(r, c));
    return out;
}

Mat13 unpackLowerTriangle(const std::array<float, kPackedTriangleSize>& packed) {
    Mat13 w = Mat13::Zero();
    std::size_t k = 0;
    for (Eigen::Index r = 0; r < Eigen::Index(kBandCount); ++r)
        for (Eigen::Index c = 0; c <= r; ++c)
            w(r, c) = packed[k++];
    return w;
}

} // namespace starlocus::core
