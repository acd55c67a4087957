// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The marginals of the photometric fit (Eq. 19) as the nodes give them: the labels' cell
// masses, μ and E as mixtures over nodes, and their quantiles. Internal to core/inference.
#include "core/inference/label_grid.h"
#include "core/inference/star_posterior.h"

#include <algorithm>
#include <cmath>
#include <vector>

namespace starlocus::core::inference {

// One node's contribution to the μ and E marginals.
struct MixtureComponent {
    double weight, muMean, muSd, eMode, eSd, eMass;
};

// The per-node components merged into at most kMixtureBins by their μ (byMu) or E mode.
inline constexpr std::size_t kMixtureBins = 256;
void mergeComponents(std::vector<MixtureComponent>& comps, bool byMu, std::vector<MixtureComponent>& scratch);

// The mixtures' CDF and density at x: μ a Gaussian per component, E a normal truncated to
// E ≥ 0. `total` is the components' summed weight.
double muMixtureCdf(const std::vector<MixtureComponent>& comps, double total, double x);
double muMixturePdf(const std::vector<MixtureComponent>& comps, double total, double x);
double eMixtureCdf(const std::vector<MixtureComponent>& comps, double total, double x);
double eMixturePdf(const std::vector<MixtureComponent>& comps, double total, double x);

// Quantile p of a mixture whose component CDF/PDF are given, by safeguarded Newton steps.
template <typename Cdf, typename Pdf>
double mixtureQuantile(double p, double lo, double hi, double start, const Cdf& cdf, const Pdf& pdf) {
    double x = std::clamp(start, lo, hi);
    for (int it = 0; it < 60; ++it) {
        const double f = cdf(x) - p;
        if (f > 0)
            hi = x;
        else
            lo = x;
        const double d = pdf(x);
        double next = d > 0 ? x - f / d : 0.5 * (lo + hi);
        if (!(next > lo && next < hi))
            next = 0.5 * (lo + hi);
        if (std::abs(next - x) < 1e-7 * (1.0 + std::abs(x)) || hi - lo < 1e-9 * (1.0 + std::abs(x)))
            return next;
        x = next;
    }
    return x;
}

// Quantiles of a lattice axis from node masses spread uniformly over each cell.
// `stride`: the nodes that carry mass are every stride-th, each standing for stride cells.
PosteriorInterval cellQuantiles(const std::vector<double>& mass, const LabelGridAxis& axis, std::size_t stride);

// Median and 16/84 % from a quantile function.
template <typename Quantile> PosteriorInterval intervalOf(const Quantile& quantile) {
    PosteriorInterval q;
    q.lower = quantile(0.16);
    q.median = quantile(0.5);
    q.upper = quantile(0.84);
    return q;
}

} // namespace starlocus::core::inference
