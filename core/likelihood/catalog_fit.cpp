// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/likelihood/catalog_fit.h"

#include "core/common/parallel_for.h"
#include "core/likelihood/chi_square.h"
#include "core/likelihood/star_covariance.h"

#include <limits>

namespace starlocus::core {
namespace {

constexpr std::size_t kChunk = 512;
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

CatalogFit emptyFit(std::size_t n) {
    CatalogFit fit;
    fit.exclusion.assign(n, StarExclusion::None);
    fit.reddening.assign(n, kNaN);
    fit.reddeningVar.assign(n, kNaN);
    fit.chi2.assign(n, kNaN);
    fit.dof.assign(n, 0);
    return fit;
}

// Runs `perStar(i, obs, counts)` for every usable star, collecting the defect counts of
// each chunk and adding them up in chunk order.
template <typename PerStar>
void forEachStar(const StellarModel& model, const Catalog& catalog, CatalogFit& fit, PerStar perStar) {
    const std::size_t n = catalog.size();
    const std::size_t chunks = (n + kChunk - 1) / kChunk;
    std::vector<StarDefectCounts> counts(chunks);
    std::vector<std::size_t> clipped(chunks, 0), floored(chunks, 0);
    parallelFor(n, kChunk, [&](std::size_t begin, std::size_t end) {
        const std::size_t c = begin / kChunk;
        for (std::size_t i = begin; i < end; ++i) {
            const StarObservation obs = observeStar(catalog, i, model.normalization(), &counts[c]);
            fit.dof[i] = obs.dof();
            if (!obs.usable()) {
                fit.exclusion[i] = obs.exclusion;
                continue;
            }
            perStar(i, obs, counts[c], clipped[c], floored[c]);
        }
    });
    for (std::size_t c = 0; c < chunks; ++c) {
        fit.defects += counts[c];
        fit.reddeningClipped += clipped[c];
        fit.reddeningFloored += floored[c];
    }
}

} // namespace

CatalogFit refitCatalogReddening(const StellarModel& model, const Catalog& catalog,
                                 const ReddeningUpdateSettings& settings) {
    CatalogFit fit = emptyFit(catalog.size());
    forEachStar(model, catalog, fit,
                [&](std::size_t i, const StarObservation& obs, StarDefectCounts& counts, std::size_t& clipped,
                    std::size_t& floored) {
                    const ModelEvaluation eval = model.evaluateNormalized(obs.x, true);
                    const auto post = refitReddening(obs, eval, settings);
                    if (!post) {
                        fit.exclusion[i] = StarExclusion::CovarianceNotPositiveDefinite;
                        counts.count(StarExclusion::CovarianceNotPositiveDefinite);
                        return;
                    }
                    fit.reddening[i] = post->mean;
                    fit.reddeningVar[i] = post->variance;
                    clipped += post->clipped ? 1 : 0;
                    floored += post->floored ? 1 : 0;
                });
    return fit;
}

CatalogFit evaluateCatalog(const StellarModel& model, const Catalog& catalog, ReddeningChoice reddening) {
    CatalogFit fit = emptyFit(catalog.size());
    forEachStar(model, catalog, fit,
                [&](std::size_t i, const StarObservation& obs, StarDefectCounts& counts, std::size_t& clipped,
                    std::size_t& floored) {
                    const ModelEvaluation eval = model.evaluateNormalized(obs.x, true);
                    double e = obs.priorE, varE = obs.priorSigmaE * obs.priorSigmaE;
                    if (reddening == ReddeningChoice::Refit) {
                        const auto post = refitReddening(obs, eval);
                        if (!post) {
                            fit.exclusion[i] = StarExclusion::CovarianceNotPositiveDefinite;
                            counts.count(StarExclusion::CovarianceNotPositiveDefinite);
                            return;
                        }
                        e = post->mean;
                        varE = post->variance;
                        clipped += post->clipped ? 1 : 0;
                        floored += post->floored ? 1 : 0;
                    }
                    fit.reddening[i] = e;
                    fit.reddeningVar[i] = varE;
                    const auto chi2 = chiSquare(obs, eval.colorPrediction(e), colorSpaceCovariance(obs, eval, e, varE));
                    if (!chi2) {
                        fit.exclusion[i] = StarExclusion::CovarianceNotPositiveDefinite;
                        counts.count(StarExclusion::CovarianceNotPositiveDefinite);
                        return;
                    }
                    fit.chi2[i] = *chi2;
                    if (obs.dof() <= 0)
                        ++counts.noDegreesOfFreedom;
                });
    return fit;
}

} // namespace starlocus::core
