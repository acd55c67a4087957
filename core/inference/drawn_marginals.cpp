// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/inference/drawn_marginals.h"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace starlocus::core::inference {
namespace {

// The drawn joint (μ, E) takes each node's Gaussian out to this many σ per axis.
constexpr double kMapSigmas = 5.0;
// Marginals for drawing leave out cells and nodes below this fraction of the peak.
constexpr double kMarginalFloor = 1e-4;

} // namespace

void fillDrawnMarginals(const LabelGrid& grid, const WeightedNodes& nodes,
                        const std::array<std::vector<double>, 3>& axisMass, const std::array<std::size_t, 3>& step,
                        const StarPosterior& fitted, const std::function<double(double)>& muPdf,
                        const std::function<double(double)>& ePdf, std::size_t binsAsked, PosteriorMarginals& m) {
    const auto& ax = grid.settings.axes;
    const double best = nodes.best, total = nodes.total;
    // Labels: the lattice cells (at the fine pass's step) that hold the posterior.
    std::array<std::size_t, 3> first{}, last{};
    for (std::size_t a = 0; a < 3; ++a) {
        const auto& m = axisMass[a];
        const double peak = *std::max_element(m.begin(), m.end());
        first[a] = m.size();
        last[a] = 0;
        for (std::size_t i = 0; i < m.size(); ++i)
            if (m[i] > kMarginalFloor * peak) {
                first[a] = std::min(first[a], i);
                last[a] = i;
            }
    }
    auto labelAxis = [&](std::size_t a) {
        PosteriorMarginals::Axis axis;
        const double width = ax[a].step * double(step[a]);
        axis.min = ax[a].at(first[a]) - 0.5 * width;
        axis.max = ax[a].at(last[a]) + 0.5 * width;
        for (std::size_t i = first[a]; i <= last[a]; i += step[a])
            axis.density.push_back(axisMass[a][i] / (total * width));
        return axis;
    };
    m.teff = labelAxis(0);
    m.logg = labelAxis(1);
    m.feh = labelAxis(2);
    auto labelMap = [&](std::size_t a, std::size_t b, PosteriorMarginals::Map& map) {
        map.x = labelAxis(a);
        map.y = labelAxis(b);
        const std::size_t nx = map.x.density.size(), ny = map.y.density.size();
        map.density.assign(nx * ny, 0.0);
        const double cell = ax[a].step * double(step[a]) * ax[b].step * double(step[b]);
        for (std::size_t i = 0; i < nodes.fits.size(); ++i) {
            const double w = std::exp(nodes.fits[i].logWeight - best);
            const auto& at = grid.lattice[nodes.nodes[i]];
            if (!(w > 0) || at[a] < first[a] || at[a] > last[a] || at[b] < first[b] || at[b] > last[b])
                continue;
            const std::size_t ix = (at[a] - first[a]) / step[a], iy = (at[b] - first[b]) / step[b];
            map.density[ix * ny + iy] += w / (total * cell);
        }
    };
    labelMap(0, 1, m.teffLogg);
    labelMap(0, 2, m.teffFeh);

    // μ and E: the mixtures' densities over ±5σ of the medians.
    const std::size_t bins = std::max<std::size_t>(binsAsked, 2);
    auto sampled = [&](double lo, double hi, const auto& pdf) {
        PosteriorMarginals::Axis axis;
        axis.min = lo;
        axis.max = hi;
        for (std::size_t k = 0; k < bins; ++k)
            axis.density.push_back(pdf(lo + (hi - lo) * (double(k) + 0.5) / double(bins)));
        return axis;
    };
    const double muSpan = 5.0 * std::max(fitted.mu.sigma(), 1e-3), eSpan = 5.0 * std::max(fitted.reddening.sigma(), 1e-3);
    m.mu = sampled(fitted.mu.median - muSpan, fitted.mu.median + muSpan, muPdf);
    m.reddening = sampled(std::max(0.0, fitted.reddening.median - eSpan), fitted.reddening.median + eSpan, ePdf);
    // The joint (μ, E): each node's Gaussian cut at E = 0, the nodes above the floor.
    PosteriorMarginals::Map& joint = m.muReddening;
    joint.x = m.mu;
    joint.y = m.reddening;
    joint.density.assign(bins * bins, 0.0);
    const double dx = (joint.x.max - joint.x.min) / double(bins), dy = (joint.y.max - joint.y.min) / double(bins);
    for (std::size_t i = 0; i < nodes.fits.size(); ++i) {
        const NodeFit& f = nodes.fits[i];
        const double w = std::exp(f.logWeight - best);
        if (!(w > kMarginalFloor))
            continue;
        const double det = f.sigmaMuMu * f.sigmaEE - f.sigmaMuE * f.sigmaMuE;
        if (!(det > 0))
            continue;
        // w is the node's mass over E ≥ 0: the untruncated Gaussian has mass w/Φ(ê/σ_E).
        const double norm = w / (total * normalCdf(f.eMode / std::sqrt(f.sigmaEE)) * 2.0 * std::numbers::pi *
                                 std::sqrt(det));
        // Only the bins within kMapSigmas of the node's mode: beyond, exp(−q/2) < 4·10⁻⁶.
        auto range = [&](double lo, double width, double centre, double sigma, std::size_t& first, std::size_t& last) {
            const double a = (centre - kMapSigmas * sigma - lo) / width, b = (centre + kMapSigmas * sigma - lo) / width;
            first = a <= 0.0 ? 0 : std::size_t(std::min(a, double(bins)));
            last = b <= 0.0 ? 0 : std::size_t(std::min(std::ceil(b), double(bins)));
        };
        std::size_t x0 = 0, x1 = 0, y0 = 0, y1 = 0;
        range(joint.x.min, dx, f.muMode, std::sqrt(f.sigmaMuMu), x0, x1);
        range(joint.y.min, dy, f.eMode, std::sqrt(f.sigmaEE), y0, y1);
        for (std::size_t ix = x0; ix < x1; ++ix) {
            const double dm = joint.x.min + dx * (double(ix) + 0.5) - f.muMode;
            for (std::size_t iy = y0; iy < y1; ++iy) {
                const double ee = joint.y.min + dy * (double(iy) + 0.5);
                if (ee < 0)
                    continue;
                const double de = ee - f.eMode;
                const double q = (f.sigmaEE * dm * dm - 2.0 * f.sigmaMuE * dm * de + f.sigmaMuMu * de * de) / det;
                joint.density[ix * bins + iy] += norm * std::exp(-0.5 * q);
            }
        }
    }
}

} // namespace starlocus::core::inference
