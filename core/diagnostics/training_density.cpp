// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/diagnostics/training_density.h"

#include "core/common/input_error.h"
#include "core/common/parallel_for.h"
#include "core/likelihood/star_observation.h"

#include <algorithm>
#include <cmath>

namespace starlocus::core {
namespace {

std::vector<double> linspace(double a, double b, std::size_t n) {
    std::vector<double> v(n);
    for (std::size_t k = 0; k < n; ++k)
        v[k] = k + 1 == n ? b : a + (b - a) * double(k) / double(n - 1);
    return v;
}

bool usesStar(const Catalog& cat, std::size_t i, std::size_t channel) {
    if (channel == kParallaxChannel) {
        const double p = cat.parallaxMas[i], s = cat.parallaxErrMas[i];
        return std::isfinite(p) && std::isfinite(s) && s > 0.0 && p > 0.0 && p / s >= kMinParallaxSnr;
    }
    const double m = cat.mag[i][channel], s = cat.magErr[i][channel];
    return std::isfinite(m) && std::isfinite(s) && s > 0.0 && s <= kMaxMagnitudeError;
}

// The 1-D kernel weights of one star along one axis: nodes [first, first + w.size()).
struct AxisWeights {
    std::size_t first = 0;
    std::vector<double> w;
};

void axisWeights(const std::vector<double>& nodes, double centre, double h, double cutoff, AxisWeights& out) {
    const auto lo = std::lower_bound(nodes.begin(), nodes.end(), centre - cutoff * h);
    const auto hi = std::upper_bound(nodes.begin(), nodes.end(), centre + cutoff * h);
    out.first = std::size_t(lo - nodes.begin());
    out.w.clear();
    for (auto it = lo; it < hi; ++it) {
        const double u = (*it - centre) / h;
        out.w.push_back(std::exp(-0.5 * u * u));
    }
}

} // namespace

std::array<std::vector<double>, 3> publishedDensityAxes() {
    return {linspace(2500.0, 9000.0, 50), linspace(-2.0, 7.0, 50), linspace(-2.5, 1.0, 50)};
}

DensityGrid trainingDensity(const Catalog& catalog, const TrainingDensitySettings& settings) {
    static constexpr const char* kAxisNames[3] = {"teff", "logg", "feh"};
    for (std::size_t a = 0; a < 3; ++a) {
        const std::vector<double>& ax = settings.axes[a];
        if (ax.size() < 2 || !std::all_of(ax.begin(), ax.end(), [](double v) { return std::isfinite(v); }) ||
            std::adjacent_find(ax.begin(), ax.end(), std::greater_equal<double>()) != ax.end())
            throw InputError("", kAxisNames[a], "grid nodes must be at least 2 finite, strictly increasing values");
        if (!(settings.bandwidth[a] > 0.0) || !std::isfinite(settings.bandwidth[a]))
            throw InputError("", kAxisNames[a], "the bandwidth must be positive");
    }

    DensityGrid grid;
    grid.source = catalog.sourceFile.empty() ? std::string("catalog KDE") : "KDE of " + catalog.sourceFile;
    grid.axes = settings.axes;
    const std::size_t nt = grid.nodes(0), nl = grid.nodes(1), nf = grid.nodes(2);
    const std::size_t perChannel = nt * nl * nf;
    grid.values.assign(kDensityChannelCount * perChannel, 0.0f);

    // Stars with finite labels, once for all channels.
    std::vector<std::size_t> stars;
    stars.reserve(catalog.size());
    for (std::size_t i = 0; i < catalog.size(); ++i)
        if (std::isfinite(catalog.theta[i][0]) && std::isfinite(catalog.theta[i][1]) &&
            std::isfinite(catalog.theta[i][2]))
            stars.push_back(i);

    // One task per channel; each sums its stars in catalog order (deterministic).
    parallelFor(kDensityChannelCount, 1, [&](std::size_t begin, std::size_t end) {
        std::vector<double> sum(perChannel);
        std::array<AxisWeights, 3> w;
        for (std::size_t ch = begin; ch < end; ++ch) {
            std::fill(sum.begin(), sum.end(), 0.0);
            std::size_t used = 0;
            for (std::size_t i : stars) {
                if (!usesStar(catalog, i, ch))
                    continue;
                ++used;
                for (std::size_t a = 0; a < 3; ++a)
                    axisWeights(grid.axes[a], catalog.theta[i][a], settings.bandwidth[a], settings.cutoffBandwidths,
                                w[a]);
                // Separable Gaussian: the 3-D patch is the outer product of the axis weights.
                for (std::size_t t = 0; t < w[0].w.size(); ++t)
                    for (std::size_t l = 0; l < w[1].w.size(); ++l) {
                        const double wtl = w[0].w[t] * w[1].w[l];
                        double* row = &sum[((w[0].first + t) * nl + w[1].first + l) * nf + w[2].first];
                        for (std::size_t f = 0; f < w[2].w.size(); ++f)
                            row[f] += wtl * w[2].w[f];
                    }
            }
            grid.stars[ch] = used;
            // Peak 1 over the nodes (§7); a channel without stars stays 0 (nothing is valid).
            const double peak = *std::max_element(sum.begin(), sum.end());
            float* out = &grid.values[ch * perChannel];
            for (std::size_t k = 0; k < perChannel; ++k)
                out[k] = peak > 0.0 ? float(sum[k] / peak) : 0.0f;
        }
    });
    return grid;
}

} // namespace starlocus::core
