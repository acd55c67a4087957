// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Fits every star of a catalog (Eq. 19), in parallel with a fixed chunking, so results do not
// depend on the number of threads.
#include "core/inference/star_posterior.h"

#include <cstddef>
#include <functional>
#include <vector>

namespace starlocus::core {

class FitCancelled : public std::exception {
public:
    const char* what() const noexcept override { return "fit cancelled"; }
};

// Called from the calling thread between blocks of stars: return false to stop
// (fitCatalog then throws FitCancelled).
using FitProgress = std::function<bool(std::size_t done, std::size_t total)>;

// Stars between two progress reports, by default (a CLI's progress line); a GUI that must
// answer Cancel within a second asks for fewer.
inline constexpr std::size_t kDefaultProgressStars = 16384;

std::vector<StarPosterior> fitCatalog(const LabelGrid& grid, const PosteriorSettings& settings,
                                      const Catalog& catalog, const FitProgress& progress = {},
                                      std::size_t progressStars = kDefaultProgressStars);

// Stars per status, and the flags' counts among fitted stars (for reports).
struct FitCatalogSummary {
    std::array<std::size_t, std::size_t(kLastPosteriorStatus) + 1> perStatus{};
    std::size_t poorFit = 0, outsideTraining = 0, parallaxIgnored = 0, atGridEdge = 0;
};
FitCatalogSummary summarize(const std::vector<StarPosterior>& posteriors);

} // namespace starlocus::core
