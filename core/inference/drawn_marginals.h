// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The binned marginals of a fitted star for drawing (the GUI's corner plot): the labels' 1-D
// and 2-D marginals over the lattice cells of the last refinement level, μ's and E's from
// their mixtures, and the joint (μ, E) from each node's Gaussian cut at E = 0. Internal to
// core/inference (fitStar calls it when asked for marginals).
#include "core/inference/node_fit.h"

#include <array>
#include <cstdint>
#include <functional>
#include <vector>

namespace starlocus::core::inference {

// The nodes of the last refinement level with their fits; weights exp(ln w − best) / total.
struct WeightedNodes {
    const std::vector<std::uint32_t>& nodes;
    const std::vector<NodeFit>& fits;
    double best;
    double total;
};

// axisMass: the label marginals' mass per lattice index (fitStar's sums); step: the last
// level's step per axis; `fitted`: the star's intervals (the μ and E ranges are ±5σ about
// their medians); bins: per μ and E axis (at least 2).
void fillDrawnMarginals(const LabelGrid& grid, const WeightedNodes& nodes,
                        const std::array<std::vector<double>, 3>& axisMass, const std::array<std::size_t, 3>& step,
                        const StarPosterior& fitted, const std::function<double(double)>& muPdf,
                        const std::function<double(double)>& ePdf, std::size_t binsAsked, PosteriorMarginals& m);

} // namespace starlocus::core::inference
