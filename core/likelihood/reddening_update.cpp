// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/likelihood/reddening_update.h"

#include "core/likelihood/star_covariance.h"

#include <algorithm>
#include <cmath>

namespace starlocus::core {

namespace {

// The two numbers Eqs. 8–9 need, a = (BR)ᵀ C_pred⁻¹ (BR) and b = (BR)ᵀ C_pred⁻¹ Δc, without
// factoring the 13×13 C_pred (Eq. 4 at E = 0 on the kept entries):
//   C_pred = N + U·Uᵀ,  N = Δ + σ_G²·v·vᵀ (StarObservation::noiseDiagonal),  U = J·L_x,
// with L_x the Cholesky factor of the 3×3 label covariance. N⁻¹ is diagonal plus rank one
// (Sherman–Morrison) and the label term is rank three (Woodbury):
//   xᵀ C_pred⁻¹ y = xᵀN⁻¹y − (UᵀN⁻¹x)ᵀ (I + UᵀN⁻¹U)⁻¹ (UᵀN⁻¹y).
// A dropped entry has zero weight in Δ⁻¹ and v, which is exactly the kept block's inverse
// (an infinite variance on that entry). This replaced a 13×13 covariance build plus its
// Cholesky factorisation, the larger part of the update's time per star.
bool reddeningQuadratics(const StarObservation& obs, const ModelEvaluation& eval, double& a, double& b) {
    // Columns padded to 16 rows (four AVX registers), zero in the padding: U₀, U₁, U₂, BR, Δc.
    constexpr int kRows = 16, kCols = 5;
    using Column = Eigen::Matrix<double, kRows, 1>;
    using ColumnMap = Eigen::Map<Column, Eigen::Aligned32>;
    alignas(32) double data[kCols * kRows] = {};
    alignas(32) double zData[kRows] = {};  // Δ⁻¹, 0 on dropped entries and in the padding
    alignas(32) double zvData[kRows] = {}; // Δ⁻¹·v
    // U = J·L_x column by column (Eigen sends a triangular product to its blocked kernel).
    const Mat13x3& j = eval.colorJacobianX;
    const Eigen::Matrix3d& l = obs.labelCovXFactor;
    Mat13x3 u;
    u.col(0) = j.col(0) * l(0, 0) + j.col(1) * l(1, 0) + j.col(2) * l(2, 0);
    u.col(1) = j.col(1) * l(1, 1) + j.col(2) * l(2, 1);
    u.col(2) = j.col(2) * l(2, 2);
    const Vec13 br = toColorSpace(eval.extinction);
    const Vec13 residual = obs.target - eval.colorMagnitudes;
    double zSum = 0.0;
    for (int i = 0; i < int(kBandCount); ++i) {
        if (!obs.kept[std::size_t(i)])
            continue; // stays 0: the entry carries no weight
        const double z = 1.0 / obs.noiseDiagonal[i];
        zData[i] = z;
        zvData[i] = i == 0 ? z : -z;
        zSum += z;
        for (int k = 0; k < 3; ++k)
            data[k * kRows + i] = u(i, k);
        data[3 * kRows + i] = br[i];
        data[4 * kRows + i] = residual[i];
    }
    const ColumnMap z(zData), zv(zvData);
    const double kappa = obs.noiseVarG / (1.0 + obs.noiseVarG * zSum); // N⁻¹ = Δ⁻¹ − κ·Δ⁻¹v·vᵀΔ⁻¹
    alignas(32) double weighted[kCols * kRows];
    double vz[kCols]; // vᵀΔ⁻¹·column
    for (int k = 0; k < kCols; ++k) {
        ColumnMap(weighted + k * kRows) = z.cwiseProduct(ColumnMap(data + k * kRows));
        vz[k] = zv.dot(ColumnMap(data + k * kRows));
    }
    // columnᵀ N⁻¹ column′ for the pairs the result needs.
    const auto form = [&](int left, int right) {
        return ColumnMap(data + left * kRows).dot(ColumnMap(weighted + right * kRows)) -
               kappa * vz[left] * vz[right];
    };
    const double g00 = 1.0 + form(0, 0), g01 = form(0, 1), g02 = form(0, 2); // I + UᵀN⁻¹U
    const double g11 = 1.0 + form(1, 1), g12 = form(1, 2), g22 = 1.0 + form(2, 2);
    const Eigen::Vector3d p(form(0, 3), form(1, 3), form(2, 3)); // UᵀN⁻¹·BR
    const Eigen::Vector3d q(form(0, 4), form(1, 4), form(2, 4)); // UᵀN⁻¹·Δc
    // (I + UᵀN⁻¹U)⁻¹ by its adjugate: the matrix is ≥ I, so the determinant is ≥ 1.
    Eigen::Matrix3d adjugate;
    adjugate(0, 0) = g11 * g22 - g12 * g12;
    adjugate(0, 1) = adjugate(1, 0) = g02 * g12 - g01 * g22;
    adjugate(0, 2) = adjugate(2, 0) = g01 * g12 - g02 * g11;
    adjugate(1, 1) = g00 * g22 - g02 * g02;
    adjugate(1, 2) = adjugate(2, 1) = g01 * g02 - g00 * g12;
    adjugate(2, 2) = g00 * g11 - g01 * g01;
    const double det = g00 * adjugate(0, 0) + g01 * adjugate(0, 1) + g02 * adjugate(0, 2);
    const Eigen::Vector3d innerP = adjugate * p / det;
    a = form(3, 3) - p.dot(innerP);
    b = form(3, 4) - q.dot(innerP);
    if (!std::isfinite(a) || !std::isfinite(b) || !(det >= 1.0 - 1e-9))
        return false;
    a = std::max(a, 0.0); // a difference of two non-negative forms: rounding may dip below 0 when R ≈ 0
    return true;
}

} // namespace

std::optional<ReddeningPosterior> refitReddening(const StarObservation& obs, const ModelEvaluation& eval,
                                                 const ReddeningUpdateSettings& settings) {
    const double priorPrecision = 1.0 / (obs.priorSigmaE * obs.priorSigmaE);
    double a = 0.0; // (BR)ᵀ C_pred⁻¹ (BR)
    double b = 0.0; // (BR)ᵀ C_pred⁻¹ (c_obs − c_pred)
    if (obs.keptCount > 0 && !reddeningQuadratics(obs, eval, a, b))
        return std::nullopt; // R or the prediction not finite: no posterior
    const double precision = a + priorPrecision;
    ReddeningPosterior post;
    post.mean = (obs.priorE * priorPrecision + b) / precision; // Eq. 8
    post.variance = 1.0 / precision;                           // Eq. 9
    if (post.mean < 0.0) {
        post.mean = 0.0;
        post.clipped = true;
    }
    const double floor = settings.varianceFloorMag * settings.varianceFloorMag +
                         std::pow(settings.varianceFloorFraction * post.mean, 2);
    if (post.variance < floor) {
        post.variance = floor;
        post.floored = true;
    }
    return post;
}

} // namespace starlocus::core
