// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/inference/posterior_mixture.h"

#include "core/inference/node_fit.h"

#include <array>

namespace starlocus::core::inference {

// Components with close means merged (moments matched), so that a quantile costs a few
// hundred normal CDFs however many nodes hold the posterior. Bins are 1/kMixtureBins of the
// range of means: far narrower than the marginal they add up to.
void mergeComponents(std::vector<MixtureComponent>& comps, bool byMu, std::vector<MixtureComponent>& scratch) {
    if (comps.size() <= kMixtureBins)
        return;
    double lo = kInf, hi = -kInf;
    for (const auto& c : comps) {
        const double x = byMu ? c.muMean : c.eMode;
        lo = std::min(lo, x);
        hi = std::max(hi, x);
    }
    if (!(hi > lo))
        hi = lo + 1e-12;
    struct Sum {
        double w = 0, x = 0, xx = 0, sd = 0;
    };
    std::array<Sum, kMixtureBins> bins{};
    for (const auto& c : comps) {
        const double x = byMu ? c.muMean : c.eMode;
        const double sd = byMu ? c.muSd : c.eSd;
        auto k = std::size_t((x - lo) / (hi - lo) * double(kMixtureBins));
        k = std::min(k, kMixtureBins - 1);
        bins[k].w += c.weight;
        bins[k].x += c.weight * x;
        bins[k].xx += c.weight * (x * x + (byMu ? sd * sd : 0.0));
        bins[k].sd += c.weight * sd;
    }
    scratch.clear();
    for (const Sum& b : bins) {
        if (!(b.w > 0))
            continue;
        const double mean = b.x / b.w;
        if (byMu) {
            const double sd = std::sqrt(std::max(0.0, b.xx / b.w - mean * mean));
            scratch.push_back({b.w, mean, sd, 0, 0, 0});
        } else {
            const double sd = b.sd / b.w;
            scratch.push_back({b.w, 0, 0, mean, sd, normalCdf(mean / sd)});
        }
    }
    comps.swap(scratch);
}


double muMixtureCdf(const std::vector<MixtureComponent>& comps, double total, double x) {
    double s = 0.0;
    for (const auto& c : comps)
        s += c.weight * (c.muSd > 0 ? normalCdf((x - c.muMean) / c.muSd) : (x >= c.muMean ? 1.0 : 0.0));
    return s / total;
}

double muMixturePdf(const std::vector<MixtureComponent>& comps, double total, double x) {
    double s = 0.0;
    for (const auto& c : comps)
        if (c.muSd > 0)
            s += c.weight * normalPdf((x - c.muMean) / c.muSd) / c.muSd;
    return s / total;
}

double eMixtureCdf(const std::vector<MixtureComponent>& comps, double total, double x) {
    if (x <= 0.0)
        return 0.0;
    double s = 0.0;
    for (const auto& c : comps) {
        const double below0 = 1.0 - c.eMass; // Φ(−ê/σ)
        s += c.weight * std::max(0.0, normalCdf((x - c.eMode) / c.eSd) - below0) / c.eMass;
    }
    return s / total;
}

double eMixturePdf(const std::vector<MixtureComponent>& comps, double total, double x) {
    if (x < 0.0)
        return 0.0;
    double s = 0.0;
    for (const auto& c : comps)
        s += c.weight * normalPdf((x - c.eMode) / c.eSd) / (c.eSd * c.eMass);
    return s / total;
}

// Quantiles of a lattice axis from node masses spread uniformly over each cell.
// `stride`: the nodes that carry mass are every stride-th, each standing for stride cells.
PosteriorInterval cellQuantiles(const std::vector<double>& mass, const LabelGridAxis& axis, std::size_t stride) {
    const double width = axis.step * double(stride);
    double total = 0.0;
    for (double m : mass)
        total += m;
    PosteriorInterval out;
    if (!(total > 0.0))
        return out;
    auto quantile = [&](double p) {
        double below = 0.0;
        for (std::size_t i = 0; i < mass.size(); ++i) {
            const double m = mass[i] / total;
            if (below + m >= p && m > 0.0)
                return axis.at(i) - 0.5 * width + width * (p - below) / m;
            below += m;
        }
        return axis.max() + 0.5 * width;
    };
    out.lower = quantile(0.16);
    out.median = quantile(0.5);
    out.upper = quantile(0.84);
    return out;
}

} // namespace starlocus::core::inference
