// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/likelihood/chi_square.h"

#include "core/likelihood/band_cholesky.h"
#include "core/likelihood/star_covariance.h"

#include <cmath>

namespace starlocus::core {

std::optional<double> chiSquare(const StarObservation& obs, const Vec13& prediction, const Mat13& covariance) {
    if (obs.keptCount == 0)
        return 0.0;
    BandCholesky cholesky;
    if (!cholesky.factor(covariance, obs.kept))
        return std::nullopt;
    Vec13 r = keptOnly(obs, prediction - obs.target);
    cholesky.solveInPlace(r);
    const double chi2 = r.squaredNorm();
    if (!std::isfinite(chi2))
        return std::nullopt;
    return chi2;
}

} // namespace starlocus::core
