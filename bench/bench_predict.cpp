// SPDX-License-Identifier: GPL-3.0-or-later
// Single-θ predict: B(M + E·R) for one star, with and without the Jacobian, as the
// explorer sliders and `starlocus-cli predict` use it. Target: microseconds.
#include "bench/bench_timing.h"
#include "core/io/model_file.h"

#include <cstdio>

using namespace starlocus;

int main(int argc, char** argv) {
    const int calls = argc > 1 ? std::atoi(argv[1]) : 200000;
    const std::string dir = bench::sharedDir() + "/green2020/";
    try {
        const core::StellarModel model =
            core::loadAnyModel(dir + "green2020_nn_model.h5", dir + "green2020_theta_normalization.json");
        double sink = 0.0;
        auto run = [&](bool jacobian) {
            return bench::timeRepeated(15, [&] {
                for (int i = 0; i < calls; ++i) {
                    const double teff = 4000.0 + 3000.0 * double(i % 1000) / 1000.0;
                    const auto e = model.evaluate({teff, 4.0, -0.2}, jacobian);
                    sink += e.colorPrediction(0.3)[5] + (jacobian ? e.colorJacobianX(3, 0) : 0.0);
                }
            });
        };
        const double plain = bench::median(run(false)) / calls;
        const double withJ = bench::median(run(true)) / calls;
        std::printf("bench_predict: %d calls x 15 repeats (medians), one thread\n", calls);
        std::printf("  predict                  %8.3f us/call\n", 1e6 * plain);
        std::printf("  predict + Jacobian       %8.3f us/call\n", 1e6 * withJ);
        return sink == 12345.678 ? 3 : 0;
    } catch (const std::exception& e) {
        std::fprintf(stderr, "bench_predict: %s\n", e.what());
        return 2;
    }
}
