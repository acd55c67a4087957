// SPDX-License-Identifier: GPL-3.0-or-later
// The per-star parts of the reddening update (Eqs. 8–9), covariance rebuild and χ²/dof
// cut, each timed alone on one thread over the 10,000 published stars with the published
// model: where the update's microseconds per star go. Thread CPU time; the minimum of
// the repeats is quoted beside the median because other programs sharing the two cores
// only ever add time.
#include "bench/bench_timing.h"
#include "core/io/green2020_catalog.h"
#include "core/io/model_file.h"
#include "core/likelihood/band_cholesky.h"
#include "core/likelihood/reddening_update.h"
#include "core/likelihood/star_covariance.h"
#include "core/likelihood/whitening.h"
#include "core/training/training_kernels.h"
#include "core/training/training_state.h"

#include <cstdio>
#include <ctime>
#include <optional>
#include <string>

using namespace starlocus;

namespace {

double threadCpuSeconds() {
    timespec t{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return double(t.tv_sec) + 1e-9 * double(t.tv_nsec);
}

template <typename F> void report(const char* what, int repeats, std::size_t stars, F&& body) {
    std::vector<double> ns;
    for (int r = 0; r < repeats; ++r) {
        const double t0 = threadCpuSeconds();
        body();
        ns.push_back(1e9 * (threadCpuSeconds() - t0) / double(stars));
    }
    std::printf("  %-34s %8.0f ns/star (min %.0f)\n", what, bench::median(ns), *std::min_element(ns.begin(), ns.end()));
}

} // namespace

int main(int argc, char** argv) {
    const int repeats = argc > 1 ? std::atoi(argv[1]) : 21;
    const std::string dir = bench::sharedDir() + "/green2020/";
    try {
        const core::StellarModel model =
            core::loadAnyModel(dir + "green2020_nn_model.h5", dir + "green2020_theta_normalization.json");
        const core::Catalog catalog = core::readGreen2020Catalog(dir + "green2020_test_data_small.h5");
        std::vector<core::StarObservation> obs;
        for (std::size_t i = 0; i < catalog.size(); ++i)
            if (auto o = core::observeStar(catalog, i, model.normalization()); o.usable())
                obs.push_back(o);
        std::vector<core::ModelEvaluation> evals;
        for (const auto& o : obs)
            evals.push_back(model.evaluateNormalized(o.x, true));
        const std::size_t n = obs.size();
        double sink = 0.0;
        std::printf("bench_update_parts: %zu usable published stars, one thread, %d repeats\n", n, repeats);
        report("observe star (catalog → c-space)", repeats, n, [&] {
            for (std::size_t i = 0; i < catalog.size(); ++i)
                sink += core::observeStar(catalog, i, model.normalization()).target[1];
        });
        report("model + Jacobian", repeats, n, [&] {
            for (const auto& o : obs)
                sink += model.evaluateNormalized(o.x, true).colorJacobianX(1, 1);
        });
        report("reddening posterior (Eqs. 8-9)", repeats, n, [&] {
            for (std::size_t i = 0; i < n; ++i)
                if (const auto post = core::refitReddening(obs[i], evals[i]))
                    sink += post->mean;
        });
        report("covariance at E'", repeats, n, [&] {
            for (std::size_t i = 0; i < n; ++i)
                sink += core::colorSpaceCovariance(obs[i], evals[i], obs[i].priorE, 0.01)(2, 1);
        });
        std::vector<core::Mat13> covs;
        for (std::size_t i = 0; i < n; ++i)
            covs.push_back(core::colorSpaceCovariance(obs[i], evals[i], obs[i].priorE, 0.01));
        report("  of which: 13x13 Cholesky", repeats, n, [&] {
            core::BandCholesky cholesky;
            for (std::size_t i = 0; i < n; ++i)
                sink += cholesky.factor(covs[i]) ? 1.0 : 0.0;
        });
        std::vector<core::BandCholesky> factors(n);
        for (std::size_t i = 0; i < n; ++i)
            factors[i].factor(covs[i]);
        report("  of which: inverse of L", repeats, n, [&] {
            for (std::size_t i = 0; i < n; ++i)
                sink += factors[i].inverseFactor()(5, 3);
        });
        // What the trainer stores: packed float W and χ² (core::packedWhitening).
        report("whitening (Cholesky + inverse + chi2)", repeats, n, [&] {
            float packed[core::kPackedTriangleSize];
            double chi2 = 0.0;
            for (std::size_t i = 0; i < n; ++i)
                if (core::packedWhitening(obs[i], covs[i], evals[i].colorMagnitudes - obs[i].target, packed, chi2))
                    sink += chi2 + packed[7];
        });
        report("all of one star's update", repeats, n, [&] {
            for (std::size_t i = 0; i < catalog.size(); ++i) {
                const core::StarObservation o = core::observeStar(catalog, i, model.normalization());
                if (!o.usable())
                    continue;
                const core::ModelEvaluation eval = model.evaluateNormalized(o.x, true);
                const auto post = core::refitReddening(o, eval);
                const double e = post ? post->mean : o.priorE, v = post ? post->variance : 0.01;
                float packed[core::kPackedTriangleSize];
                double chi2 = 0.0;
                if (core::packedWhitening(o, core::colorSpaceCovariance(o, eval, e, v), eval.colorPrediction(e) - o.target,
                                          packed, chi2))
                    sink += chi2 + packed[7];
            }
        });
        // The same through the trainer's kernel table: the rows above call the functions
        // directly, so they time the baseline build; this one times the CPU path chosen
        // by core/common/cpu_dispatch.h (STARLOCUS_CPU), as updateState() runs it.
        core::TrainingConfig config;
        std::vector<core::StarSample> samples;
        core::TrainingState state = core::initialState(catalog, model.normalization(), config, samples);
        const core::TrainingKernels& kernels = core::trainingKernels();
        const std::string path(core::cpuPathName(kernels.path));
        report(("updateStars, CPU path " + path).c_str(), repeats, n, [&] {
            core::TrainingState copy = state;
            core::UpdateStarsSums sums;
            kernels.updateStars({catalog, model, 5.0, true, copy, samples}, 0, catalog.size(), sums);
            sink += double(sums.usable);
        });
        return sink == 12345.678 ? 3 : 0; // keep the work observable
    } catch (const std::exception& e) {
        std::fprintf(stderr, "bench_update_parts: %s\n", e.what());
        return 2;
    }
}
