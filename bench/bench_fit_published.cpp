// SPDX-License-Identifier: GPL-3.0-or-later
// The photometric fit (Eq. 19, issue 16) of the authors' 10,000 published test stars with
// their published model, from photometry and parallax only: the θ prior is the model's own
// training density (green2020_input_density.h5, from the authors' training set), E ≥ 0 flat,
// μ flat; nothing is tuned on these stars. The photometric labels are compared with the
// spectroscopic ones (catalog atm_param, σ from atm_param_cov) and E with the authors'
// re-fitted reddening r_fit (σ² = r_var): bias (median of the difference), scatter (1.4826 ×
// MAD) and the width of the pulls (difference / √(σ_fit² + σ_catalog²), 16–84 % half range),
// per Teff bin and per r_source. Results go to docs/INFERENCE.md; `--csv FILE` writes the
// per-star rows for the figure (bench/inference_figure.py).
//
// Usage: bench_fit_published [--prior valid|density] [--csv FILE]; STARLOCUS_SHARED_DIR.
#include "bench/bench_timing.h"
#include "core/common/parallel_for.h"
#include "core/diagnostics/density_grid_file.h"
#include "core/inference/fit_catalog.h"
#include "core/io/green2020_catalog.h"
#include "core/io/model_file.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <functional>
#include <string>
#include <vector>

using namespace starlocus;

namespace {

struct Stats {
    std::size_t n = 0;
    double bias = NAN, scatter = NAN, pullWidth = NAN;
};

double quantile(std::vector<double> v, double p) {
    std::sort(v.begin(), v.end());
    const double x = p * double(v.size() - 1);
    const auto i = std::size_t(x);
    return i + 1 < v.size() ? v[i] + (x - double(i)) * (v[i + 1] - v[i]) : v.back();
}

Stats statsOf(const std::vector<double>& diff, const std::vector<double>& pull) {
    Stats s;
    s.n = diff.size();
    if (s.n < 5)
        return s;
    s.bias = quantile(diff, 0.5);
    std::vector<double> dev;
    for (double d : diff)
        dev.push_back(std::abs(d - s.bias));
    s.scatter = 1.4826 * quantile(dev, 0.5);
    s.pullWidth = 0.5 * (quantile(pull, 0.84) - quantile(pull, 0.16));
    return s;
}

} // namespace

int main(int argc, char** argv) {
    std::string csv;
    core::LabelPrior prior = core::LabelPrior::TrainingDensity;
    for (int i = 1; i + 1 < argc; i += 2) {
        const std::string a = argv[i];
        if (a == "--csv")
            csv = argv[i + 1];
        else if (a == "--prior")
            prior = core::parseLabelPrior(argv[i + 1]);
    }
    const std::string dir = bench::sharedDir() + "/green2020/";
    for (const char* f : {"green2020_nn_model.h5", "green2020_theta_normalization.json", "green2020_test_data_small.h5",
                          "green2020_input_density.h5"})
        if (!std::filesystem::exists(dir + f)) {
            std::fprintf(stderr, "bench_fit_published: %s%s is missing (set STARLOCUS_SHARED_DIR)\n", dir.c_str(), f);
            return 2;
        }
    try {
        const core::StellarModel model =
            core::loadAnyModel(dir + "green2020_nn_model.h5", dir + "green2020_theta_normalization.json");
        const core::Catalog catalog = core::readGreen2020Catalog(dir + "green2020_test_data_small.h5");
        const core::DensityGrid density = core::readDensityGrid(dir + "green2020_input_density.h5");
        core::LabelGridSettings settings;
        settings.prior = prior;
        const auto t0 = std::chrono::steady_clock::now();
        const core::LabelGrid grid = core::buildLabelGrid(model, settings, &density);
        const auto t1 = std::chrono::steady_clock::now();
        const core::PosteriorSettings posterior; // E ≥ 0 flat, μ flat: photometry and parallax only
        const double cpu0 = bench::processCpuSeconds();
        const std::vector<core::StarPosterior> fits = core::fitCatalog(grid, posterior, catalog);
        const auto t2 = std::chrono::steady_clock::now();
        const double cpu = bench::processCpuSeconds() - cpu0;
        auto secs = [](auto a, auto b) { return std::chrono::duration<double>(b - a).count(); };

        const core::FitCatalogSummary summary = core::summarize(fits);
        std::printf("published model + density (θ prior %s, E flat ≥ 0, μ flat); %zu stars\n",
                    std::string(core::labelPriorName(prior)).c_str(), catalog.size());
        std::printf("grid: %zu active nodes, %.1f MB, %.2f s; fits %.2f s wall, %.2f s CPU (%u threads): %.0f stars/s\n",
                    grid.size(), double(grid.memoryBytes()) / 1e6, secs(t0, t1), secs(t1, t2), cpu,
                    core::workerThreadCount(), double(catalog.size()) / secs(t1, t2));
        std::printf("status:");
        for (std::size_t s = 0; s < summary.perStatus.size(); ++s)
            std::printf(" %s %zu", std::string(core::posteriorStatusName(core::PosteriorStatus(s))).c_str(),
                        summary.perStatus[s]);
        std::printf("; flags: poor fit %zu, outside training %zu, parallax ignored %zu, at grid edge %zu\n\n",
                    summary.poorFit, summary.outsideTraining, summary.parallaxIgnored, summary.atGridEdge);

        // What one star contributes per quantity: photometric − catalog, and the pull.
        struct Row {
            std::size_t star;
            std::array<double, 4> diff, pull;
            std::array<bool, 4> has;
        };
        std::vector<Row> rows;
        for (std::size_t i = 0; i < catalog.size(); ++i) {
            const core::StarPosterior& p = fits[i];
            if (!p.fitted())
                continue;
            Row r{i, {}, {}, {}};
            const core::PosteriorInterval* q[3] = {&p.teff, &p.logg, &p.feh};
            for (std::size_t k = 0; k < 3; ++k) {
                const double spec = catalog.theta[i][k];
                const double specVar = catalog.thetaCov[i][k * 4];
                r.has[k] = std::isfinite(spec) && specVar > 0;
                r.diff[k] = q[k]->median - spec;
                r.pull[k] = r.diff[k] / std::sqrt(q[k]->sigma() * q[k]->sigma() + specVar);
            }
            const bool hasFit = catalog.reddeningFit && catalog.reddeningFitVar;
            const double e = hasFit ? (*catalog.reddeningFit)[i] : NAN, eVar = hasFit ? (*catalog.reddeningFitVar)[i] : NAN;
            r.has[3] = std::isfinite(e) && eVar > 0;
            r.diff[3] = p.reddening.median - e;
            r.pull[3] = r.diff[3] / std::sqrt(p.reddening.sigma() * p.reddening.sigma() + eVar);
            rows.push_back(r);
        }
        const char* names[4] = {"Teff [K]", "log g", "[Fe/H]", "E (vs r_fit)"};
        auto table = [&](const char* title, const std::vector<std::pair<std::string, std::function<bool(std::size_t)>>>& groups) {
            std::printf("%s\n\n| group | stars |", title);
            for (const char* n : names)
                std::printf(" %s bias | scatter | pull width |", n);
            std::printf("\n|---|---:|");
            for (int k = 0; k < 4; ++k)
                std::printf("---:|---:|---:|");
            std::printf("\n");
            for (const auto& [label, in] : groups) {
                std::size_t count = 0;
                std::array<Stats, 4> st;
                for (std::size_t k = 0; k < 4; ++k) {
                    std::vector<double> d, pl;
                    for (const Row& r : rows)
                        if (in(r.star) && r.has[k]) {
                            d.push_back(r.diff[k]);
                            pl.push_back(r.pull[k]);
                        }
                    st[k] = statsOf(d, pl);
                    count = std::max(count, st[k].n);
                }
                std::printf("| %s | %zu |", label.c_str(), count);
                const int digits[4] = {0, 3, 3, 3};
                for (std::size_t k = 0; k < 4; ++k)
                    std::printf(" %+.*f | %.*f | %.2f |", digits[k], st[k].bias, digits[k], st[k].scatter, st[k].pullWidth);
                std::printf("\n");
            }
            std::printf("\n");
        };
        std::vector<std::pair<std::string, std::function<bool(std::size_t)>>> byTeff{{"all", [](std::size_t) { return true; }}};
        for (double lo = 3500; lo < 7500; lo += 500)
            byTeff.emplace_back(std::to_string(int(lo)) + "–" + std::to_string(int(lo + 500)) + " K",
                                [&catalog, lo](std::size_t i) { return catalog.theta[i][0] >= lo && catalog.theta[i][0] < lo + 500; });
        table("Per spectroscopic Teff bin:", byTeff);
        std::vector<std::pair<std::string, std::function<bool(std::size_t)>>> bySource;
        for (const char* src : {"sfd", "b19", "default"})
            bySource.emplace_back(std::string("r_source ") + src, [&catalog, src](std::size_t i) { return catalog.rSource[i] == src; });
        table("Per r_source (where the catalog's reddening prior came from):", bySource);

        if (!csv.empty()) {
            std::ofstream out(csv);
            out << "teff_spec,logg_spec,feh_spec,r_fit,teff,teff_lo,teff_hi,logg,logg_lo,logg_hi,feh,feh_lo,feh_hi,e,e_lo,"
                   "e_hi,mu,chi2,dof,flags,r_source\n";
            for (const Row& r : rows) {
                const auto& p = fits[r.star];
                out << catalog.theta[r.star][0] << ',' << catalog.theta[r.star][1] << ',' << catalog.theta[r.star][2] << ','
                    << (catalog.reddeningFit ? (*catalog.reddeningFit)[r.star] : NAN) << ',' << p.teff.median << ','
                    << p.teff.lower << ',' << p.teff.upper << ',' << p.logg.median << ',' << p.logg.lower << ','
                    << p.logg.upper << ',' << p.feh.median << ',' << p.feh.lower << ',' << p.feh.upper << ','
                    << p.reddening.median << ',' << p.reddening.lower << ',' << p.reddening.upper << ',' << p.mu.median
                    << ',' << p.chi2 << ',' << p.dof << ',' << p.flags << ',' << catalog.rSource[r.star] << '\n';
            }
        }
    } catch (const std::exception& e) {
        std::fprintf(stderr, "bench_fit_published: %s\n", e.what());
        return 2;
    }
    return 0;
}
