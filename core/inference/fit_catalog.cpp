// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/inference/fit_catalog.h"

#include "core/common/parallel_for.h"

#include <algorithm>
#include <mutex>

namespace starlocus::core {
namespace {

// Stars per parallel chunk (each chunk has its own workspace).
constexpr std::size_t kChunkStars = 256;

} // namespace

std::vector<StarPosterior> fitCatalog(const LabelGrid& grid, const PosteriorSettings& settings,
                                      const Catalog& catalog, const FitProgress& progress,
                                      std::size_t progressStars) {
    const std::size_t n = catalog.size();
    std::vector<StarPosterior> out(n);
    // One workspace per worker thread would need thread identities; one per chunk costs an
    // allocation of the lattice's stamps per 256 stars, which is small against the fits.
    std::mutex poolMutex;
    std::vector<PosteriorWorkspace> pool;
    // Whole chunks between reports, so the chunking (and with it the results) stays the same.
    const std::size_t block = std::max<std::size_t>(1, progressStars / kChunkStars) * kChunkStars;
    for (std::size_t begin = 0; begin < n; begin += block) {
        const std::size_t end = std::min(n, begin + block);
        parallelFor(end - begin, kChunkStars, [&](std::size_t b, std::size_t e) {
            PosteriorWorkspace workspace;
            {
                const std::lock_guard lock(poolMutex);
                if (!pool.empty()) {
                    workspace = std::move(pool.back());
                    pool.pop_back();
                }
            }
            for (std::size_t i = begin + b; i < begin + e; ++i)
                out[i] = fitStar(grid, settings, photometricStarOf(catalog, i), workspace);
            const std::lock_guard lock(poolMutex);
            pool.push_back(std::move(workspace));
        });
        if (progress && !progress(end, n))
            throw FitCancelled();
    }
    return out;
}

FitCatalogSummary summarize(const std::vector<StarPosterior>& posteriors) {
    FitCatalogSummary s;
    for (const StarPosterior& p : posteriors) {
        ++s.perStatus[std::size_t(p.status)];
        if (!p.fitted())
            continue;
        s.poorFit += (p.flags & kPoorFit) != 0;
        s.outsideTraining += (p.flags & kOutsideTraining) != 0;
        s.parallaxIgnored += (p.flags & kParallaxIgnored) != 0;
        s.atGridEdge += (p.flags & kAtGridEdge) != 0;
    }
    return s;
}

} // namespace starlocus::core
