// SPDX-License-Identifier: GPL-3.0-or-later
// The photometric fit (Eq. 19, issue 16) on the synthetic sky, against its truth:
// coverage of the 68 % intervals and the pulls (median − truth)/σ for Teff, log g, [Fe/H],
// μ and E, and the speed (grid build once, stars per second).
//
// The model is the mock's own physics (M(θ) and R(Teff) of core/mock/star_physics.h and
// passband_table.h) evaluated on the label grid: what is checked is the inference, not a
// trained network's error. Linear extinction and no outliers, so that the truth is a
// point the model can reach; the θ prior is the validity region of the mock's own
// training density (§7 KDE of the catalog's spectroscopic labels).
//
// Usage: bench_fit_stars [stars] [seed] [valid|density|box] [flat|catalog] [--csv FILE]; STARLOCUS_THREADS sets the threads.
// The selection of the issue: ϖ̂/σ_ϖ > 5 (σ_ϖ/ϖ < 0.2) and G observed.
#include "bench/bench_timing.h"
#include "core/common/parallel_for.h"
#include "core/diagnostics/training_density.h"
#include "core/inference/fit_catalog.h"
#include "core/mock/mock_sky.h"
#include "core/mock/passband_table.h"
#include "core/mock/star_physics.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <string>
#include <vector>

using namespace starlocus;

namespace {

struct Check {
    explicit Check(const char* n) : name(n) {}
    const char* name;
    std::size_t inside = 0, count = 0;
    double pullSum = 0, pullSq = 0;
    std::vector<double> pulls;
    void add(double truth, const core::PosteriorInterval& q) {
        const double sigma = q.sigma();
        if (!std::isfinite(q.median) || !(sigma > 0))
            return;
        ++count;
        inside += truth >= q.lower && truth <= q.upper;
        const double pull = (q.median - truth) / sigma;
        pulls.push_back(pull);
        pullSum += pull;
        pullSq += pull * pull;
    }
    void print() const {
        const double n = double(count);
        const double mean = pullSum / n;
        std::vector<double> p = pulls;
        std::sort(p.begin(), p.end());
        // Robust width: half the 16–84 % range of the pulls (1 for a unit normal).
        const double width = 0.5 * (p[std::size_t(0.84 * n)] - p[std::size_t(0.16 * n)]);
        std::printf("%-7s  %8zu   %6.1f %%      %+6.3f      %5.3f       %5.3f\n", name, count,
                    100.0 * double(inside) / n, mean, std::sqrt(pullSq / n - mean * mean), width);
    }
};

} // namespace

int main(int argc, char** argv) {
    const std::size_t stars = argc > 1 ? std::size_t(std::atoll(argv[1])) : 100000;
    const std::uint64_t seed = argc > 2 ? std::uint64_t(std::atoll(argv[2])) : 16;
    const core::LabelPrior prior = core::parseLabelPrior(argc > 3 ? argv[3] : "valid");
    const core::ReddeningPrior ePrior = core::parseReddeningPrior(argc > 4 ? argv[4] : "flat");
    const std::string csv = argc > 6 && std::string(argv[5]) == "--csv" ? argv[6] : "";
    core::MockSkyConfig config;
    config.starCount = stars;
    config.extinction = core::ExtinctionMode::Linear;
    config.binaryFraction = 0.0;
    config.wrongLabelFraction = 0.0;
    const auto t0 = std::chrono::steady_clock::now();
    const core::MockSky sky(config, seed);
    const core::PassbandTable table(false, config.maxReddening);
    const core::DensityGrid density = core::trainingDensity(sky.catalog());
    const auto t1 = std::chrono::steady_clock::now();
    core::LabelGridSettings settings;
    settings.prior = prior;
    const core::LabelGrid grid = core::buildLabelGrid(
        [&](const Eigen::Vector3d& theta, core::Vec13& m, core::Vec13& r) {
            const auto mag = core::absoluteMagnitudes(table, {theta[0], theta[1], theta[2]});
            for (std::size_t b = 0; b < core::kBandCount; ++b) {
                m[Eigen::Index(b)] = mag[b];
                r[Eigen::Index(b)] = table.reddeningCoefficient(b, theta[0]);
            }
        },
        settings, &density);
    const auto t2 = std::chrono::steady_clock::now();

    // The selection.
    core::Catalog selected;
    std::vector<std::size_t> index;
    const core::Catalog& all = sky.catalog();
    for (std::size_t i = 0; i < all.size(); ++i)
        if (all.parallaxMas[i] > 5.0 * all.parallaxErrMas[i] && std::isfinite(all.mag[i][0]))
            index.push_back(i);
    selected.resize(index.size());
    for (std::size_t k = 0; k < index.size(); ++k)
        selected.copyStar(all, index[k], k);
    core::PosteriorSettings posterior;
    posterior.reddening = ePrior;
    const double cpu0 = bench::processCpuSeconds();
    const auto t3 = std::chrono::steady_clock::now();
    const std::vector<core::StarPosterior> fits = core::fitCatalog(grid, posterior, selected);
    const auto t4 = std::chrono::steady_clock::now();
    const double cpu = bench::processCpuSeconds() - cpu0;
    auto secs = [](auto a, auto b) { return std::chrono::duration<double>(b - a).count(); };

    Check checks[5] = {Check("Teff"), Check("log g"), Check("[Fe/H]"), Check("mu"), Check("E")};
    std::size_t fitted = 0;
    double nodes = 0.0;
    std::ofstream out;
    if (!csv.empty()) {
        out.open(csv);
        out << "teff_true,logg_true,feh_true,mu_true,e_true,teff_med,teff_lo,teff_hi,logg_med,logg_lo,logg_hi,"
               "feh_med,feh_lo,feh_hi,mu_med,mu_lo,mu_hi,e_med,e_lo,e_hi,chi2,dof,flags,nodes\n";
    }
    for (std::size_t k = 0; k < fits.size(); ++k) {
        const core::StarPosterior& p = fits[k];
        if (!p.fitted())
            continue;
        ++fitted;
        nodes += double(p.nodesEvaluated);
        const std::size_t i = index[k];
        const auto& t = sky.truth();
        checks[0].add(t.theta[i][0], p.teff);
        checks[1].add(t.theta[i][1], p.logg);
        checks[2].add(t.theta[i][2], p.feh);
        checks[3].add(t.distanceModulus[i], p.mu);
        checks[4].add(t.reddening[i], p.reddening);
        if (out)
            out << t.theta[i][0] << ',' << t.theta[i][1] << ',' << t.theta[i][2] << ',' << t.distanceModulus[i] << ','
                << t.reddening[i] << ',' << p.teff.median << ',' << p.teff.lower << ',' << p.teff.upper << ','
                << p.logg.median << ',' << p.logg.lower << ',' << p.logg.upper << ',' << p.feh.median << ','
                << p.feh.lower << ',' << p.feh.upper << ',' << p.mu.median << ',' << p.mu.lower << ',' << p.mu.upper
                << ',' << p.reddening.median << ',' << p.reddening.lower << ',' << p.reddening.upper << ',' << p.chi2
                << ',' << p.dof << ',' << p.flags << ',' << p.nodesEvaluated << '\n';
    }
    const core::FitCatalogSummary summary = core::summarize(fits);
    std::printf("synthetic sky: %zu stars (seed %llu, linear extinction, no outliers); %zu selected "
                "(parallax S/N > 5, G observed), %zu fitted\n",
                stars, static_cast<unsigned long long>(seed), selected.size(), fitted);
    std::printf("priors: E %s, θ %s; grid: %zu active nodes (%zu coarse), %.1f MB, built in %.2f s (sky + density %.2f s); "
                "threads %u\n",
                std::string(core::reddeningPriorName(ePrior)).c_str(), std::string(core::labelPriorName(prior)).c_str(), grid.size(), grid.coarseNodes.size(), double(grid.memoryBytes()) / 1e6, secs(t1, t2), secs(t0, t1),
                core::workerThreadCount());
    std::printf("fits: %.2f s wall, %.2f s CPU: %.0f stars/s (%.0f stars per CPU second)\n", secs(t3, t4), cpu,
                double(selected.size()) / secs(t3, t4), double(selected.size()) / cpu);
    std::printf("nodes looked at per fitted star: %.0f on average\n", nodes / double(fitted));
    std::printf("flags among fitted: poor fit %zu, outside training %zu, at grid edge %zu\n", summary.poorFit,
                summary.outsideTraining, summary.atGridEdge);
    std::printf("\nparam       stars   in 68 %%   pull mean   pull sd   pull width(16-84)\n");
    for (const Check& c : checks)
        c.print();
    return 0;
}
