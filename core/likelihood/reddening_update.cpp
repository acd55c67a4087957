#include "core/likelihood/reddening_update.h"

#include "core/likelihood/band_cholesky.h"
#include "core/likelihood/star_covariance.h"

#include <algorithm>
#include <cmath>

namespace starlocus::core {

std::optional<ReddeningPosterior> refitReddening(const StarObservation& obs, const ModelEvaluation& eval,
                                                 const ReddeningUpdateSettings& settings) {
    const double priorPrecision = 1.0 / (obs.priorSigmaE * obs.priorSigmaE);
    double a = 0.0; // (BR)ᵀ C_pred⁻¹ (BR)
    double b = 0.0; // (BR)ᵀ C_pred⁻¹ (c_obs − c_pred)
    if (obs.keptCount > 0) {
        const Mat13 cPred = colorSpaceCovariance(obs, eval, 0.0, 0.0);
        BandCholesky cholesky;
        if (!cholesky.factor(cPred, obs.kept))
            return std::nullopt;
        Vec13 br = keptOnly(obs, toColorSpace(eval.extinction));
        Vec13 residual = keptOnly(obs, obs.target - eval.colorMagnitudes);
        cholesky.solveInPlace(br, residual);
        a = br.squaredNorm();
        b = br.dot(residual);
        if (!std::isfinite(a) || !std::isfinite(b)) // R or the prediction not finite: no posterior
            return std::nullopt;
    }
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
