// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/diagnostics/color_score.h"

#include "core/common/input_error.h"
#include "core/common/parallel_for.h"
#include "core/likelihood/star_observation.h"

#include <cmath>
#include <limits>

namespace starlocus::core {
namespace {

constexpr std::size_t kChunk = 1024;
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// The same rule as the likelihood (METHOD.md §3): finite value, finite error in (0, 0.2].
bool bandObserved(const Catalog& cat, std::size_t i, std::size_t b) {
    const double m = cat.mag[i][b], s = cat.magErr[i][b];
    return std::isfinite(m) && std::isfinite(s) && s > 0.0 && s <= kMaxMagnitudeError;
}

struct ChunkCounts {
    std::vector<std::size_t> scored, missing, excluded;
};

} // namespace

std::string colorName(const ColorPair& pair) {
    return std::string(bands()[pair.bandX].name) + "\u2212" + std::string(bands()[pair.bandY].name);
}

std::vector<ColorScores> colorScores(const StellarModel& model, const Catalog& catalog, const CatalogFit& fit,
                                     std::span<const ColorPair> pairs) {
    for (const ColorPair& p : pairs)
        if (p.bandX >= kBandCount || p.bandY >= kBandCount || p.bandX == p.bandY)
            throw InputError(catalog.sourceFile, "colour", "a colour needs two different bands among the 13");
    const std::size_t n = catalog.size();
    if (fit.exclusion.size() != n || fit.reddening.size() != n || fit.reddeningVar.size() != n)
        throw InputError(catalog.sourceFile, "reddening fit",
                         "the fit has " + std::to_string(fit.reddening.size()) + " stars, the catalog " +
                             std::to_string(n));

    std::vector<ColorScores> out(pairs.size());
    for (std::size_t k = 0; k < pairs.size(); ++k) {
        out[k].pair = pairs[k];
        out[k].score.assign(n, kNaN);
        out[k].residual.assign(n, kNaN);
        out[k].sigma.assign(n, kNaN);
    }
    const std::size_t chunks = (n + kChunk - 1) / kChunk;
    std::vector<ChunkCounts> counts(chunks);
    parallelFor(n, kChunk, [&](std::size_t begin, std::size_t end) {
        ChunkCounts& cc = counts[begin / kChunk];
        cc.scored.assign(pairs.size(), 0);
        cc.missing.assign(pairs.size(), 0);
        cc.excluded.assign(pairs.size(), 0);
        for (std::size_t i = begin; i < end; ++i) {
            const double e = fit.reddening[i], varE = fit.reddeningVar[i];
            const bool usable = fit.exclusion[i] == StarExclusion::None && std::isfinite(e) && std::isfinite(varE);
            bool anyPair = false;
            for (std::size_t k = 0; k < pairs.size(); ++k) {
                if (!usable) {
                    ++cc.excluded[k];
                } else if (!bandObserved(catalog, i, pairs[k].bandX) || !bandObserved(catalog, i, pairs[k].bandY)) {
                    ++cc.missing[k];
                } else {
                    anyPair = true;
                }
            }
            if (!anyPair)
                continue;

            const Eigen::Vector3d theta(catalog.theta[i][0], catalog.theta[i][1], catalog.theta[i][2]);
            const Eigen::Matrix3d covTheta =
                Eigen::Map<const Eigen::Matrix<double, 3, 3, Eigen::RowMajor>>(catalog.thetaCov[i].data());
            const Eigen::Matrix3d covX = model.normalization().normalizeCovariance(covTheta);
            const ModelEvaluation eval = model.evaluate(theta, true);
            // Magnitude space: m_pred = M + E·R (μ cancels), J_m = ∂m_pred/∂x = B⁻¹ J_c.
            const Vec13 predicted = fromColorSpace(eval.colorPrediction(e));
            const Mat13x3 jacobian = fromColorSpace(eval.colorPredictionJacobianX(e));
            for (std::size_t k = 0; k < pairs.size(); ++k) {
                const Eigen::Index x = Eigen::Index(pairs[k].bandX), y = Eigen::Index(pairs[k].bandY);
                if (!bandObserved(catalog, i, pairs[k].bandX) || !bandObserved(catalog, i, pairs[k].bandY))
                    continue;
                const Eigen::RowVector3d g = jacobian.row(x) - jacobian.row(y);
                const double dR = eval.extinction[x] - eval.extinction[y];
                const double sx = catalog.magErr[i][pairs[k].bandX], sy = catalog.magErr[i][pairs[k].bandY];
                const double var = g * covX * g.transpose() + varE * dR * dR + sx * sx + sy * sy;
                const double residual = (catalog.mag[i][pairs[k].bandX] - catalog.mag[i][pairs[k].bandY]) -
                                        (predicted[x] - predicted[y]);
                out[k].residual[i] = residual;
                out[k].sigma[i] = std::sqrt(var);
                out[k].score[i] = residual / out[k].sigma[i];
                ++cc.scored[k];
            }
        }
    });
    for (const ChunkCounts& cc : counts)
        for (std::size_t k = 0; k < pairs.size(); ++k) {
            out[k].scored += cc.scored[k];
            out[k].skippedMissingBand += cc.missing[k];
            out[k].skippedExcluded += cc.excluded[k];
        }
    return out;
}

ColorScores colorScores(const StellarModel& model, const Catalog& catalog, const CatalogFit& fit, ColorPair pair) {
    return colorScores(model, catalog, fit, std::span<const ColorPair>(&pair, 1)).front();
}

} // namespace starlocus::core
