// SPDX-License-Identifier: GPL-3.0-or-later
// evaluate on the 10,000 published test stars: reddening re-fit (Eqs. 8–9) plus χ² of
// every star, as `starlocus-cli evaluate --reddening refit` does after loading.
// Target (issue 3): well under 0.5 s.
#include "bench/bench_timing.h"
#include "core/common/parallel_for.h"
#include "core/io/green2020_catalog.h"
#include "core/io/model_file.h"
#include "core/likelihood/catalog_fit.h"

#include <cstdio>

using namespace starlocus;

int main(int argc, char** argv) {
    const int repeats = argc > 1 ? std::atoi(argv[1]) : 21;
    const std::string dir = bench::sharedDir() + "/green2020/";
    try {
        core::StellarModel model;
        core::Catalog catalog;
        const auto load = bench::timeRepeated(5, [&] {
            model = core::loadAnyModel(dir + "green2020_nn_model.h5", dir + "green2020_theta_normalization.json");
            catalog = core::readGreen2020Catalog(dir + "green2020_test_data_small.h5");
        });
        double sink = 0.0;
        const auto refit = bench::timeRepeated(repeats, [&] {
            sink += core::refitCatalogReddening(model, catalog).reddening[0];
        });
        const auto evalCatalog = bench::timeRepeated(repeats, [&] {
            sink += core::evaluateCatalog(model, catalog, core::ReddeningChoice::Catalog).chi2[0];
        });
        const auto evalRefit = bench::timeRepeated(repeats, [&] {
            sink += core::evaluateCatalog(model, catalog, core::ReddeningChoice::Refit).chi2[0];
        });
        std::printf("bench_evaluate: %zu stars, %u threads, %d repeats (medians)\n", catalog.size(),
                    core::workerThreadCount(), repeats);
        std::printf("  load model + catalog     %8.2f ms\n", 1e3 * bench::median(load));
        std::printf("  refit reddening          %8.2f ms\n", 1e3 * bench::median(refit));
        std::printf("  evaluate (catalog E)     %8.2f ms\n", 1e3 * bench::median(evalCatalog));
        std::printf("  evaluate (refit E)       %8.2f ms  (%.2f us/star)\n", 1e3 * bench::median(evalRefit),
                    1e6 * bench::median(evalRefit) / double(catalog.size()));
        return sink == 12345.678 ? 3 : 0; // keep the work observable
    } catch (const std::exception& e) {
        std::fprintf(stderr, "bench_evaluate: %s\n", e.what());
        return 2;
    }
}
