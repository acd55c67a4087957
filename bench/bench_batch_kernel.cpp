// SPDX-License-Identifier: GPL-3.0-or-later
// The training kernel alone: forward + backward of one 16-star group for the paper's
// layout (32-32), the fixed-size kernel (on the CPU path chosen by core/common/cpu_dispatch.h)
// against the general Eigen code (baseline), in thread CPU
// time (so other load on the machine matters less). Prints median ns per star.
// The loss alone (the validation pass) the same two ways.
// Usage: bench_batch_kernel [repeats] [fixed|general]
#include "core/training/batch_gradient.h"
#include "core/training/fixed_batch_kernel.h"
#include "core/training/training_kernels.h"
#include "tests/core/training/random_star_samples.h"

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <numeric>
#include <string>
#include <vector>

using namespace starlocus::core;

namespace {

double threadSeconds() {
    timespec t{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return double(t.tv_sec) + 1e-9 * double(t.tv_nsec);
}

} // namespace

int main(int argc, char** argv) {
    const int repeats = argc > 1 ? std::stoi(argv[1]) : 15;
    const NetworkLayout layout({32, 32});
    const auto params = initialParameters(layout, 1);
    const std::size_t n = 1 << 16;
    const auto stars = starlocus::test::randomStarSamples(n, 3);
    std::vector<std::uint32_t> order(n);
    std::iota(order.begin(), order.end(), 0u);
    std::vector<float> gradient(layout.size, 0.0f);
    BatchWorkspace ws(layout, kFixedKernelStars);
    double sink = 0.0;
    // The fixed kernel as the trainer calls it: through the CPU path's table (STARLOCUS_CPU
    // picks one); the general code is the baseline's.
    const TrainingKernels& kernels = trainingKernels();
    auto run = [&](bool fixed) {
        std::vector<double> ns;
        for (int rep = 0; rep < repeats; ++rep) {
            const double t0 = threadSeconds();
            for (std::size_t g = 0; g < n; g += kFixedKernelStars) {
                const auto group = std::span<const std::uint32_t>(order).subspan(g, kFixedKernelStars);
                sink += fixed ? kernels.accumulate(ws, layout, params.data(), stars.data(), group, 1e-3f,
                                                   gradient.data(), true)
                              : ws.accumulateGeneral(layout, params.data(), stars.data(), group, 1e-3f,
                                                     gradient.data());
            }
            ns.push_back((threadSeconds() - t0) * 1e9 / double(n));
        }
        std::nth_element(ns.begin(), ns.begin() + std::ptrdiff_t(ns.size() / 2), ns.end());
        return ns[ns.size() / 2];
    };
    // The validation loss (forward only) as the trainer calls it: tasks of 256 stars through
    // the path's table (whole 16-star groups through the fixed kernel), against the general
    // code in the same 16-star blocks (what the trainer ran before the fixed forward pass).
    auto runLoss = [&](bool fixed) {
        std::vector<double> ns;
        constexpr std::size_t kTask = 256;
        for (int rep = 0; rep < repeats; ++rep) {
            const double t0 = threadSeconds();
            for (std::size_t g = 0; g < n; g += kTask) {
                const auto task = std::span<const std::uint32_t>(order).subspan(g, kTask);
                sink += fixed ? kernels.loss(ws, layout, params.data(), stars.data(), task, true)
                              : ws.lossGeneral(layout, params.data(), stars.data(), task);
            }
            ns.push_back((threadSeconds() - t0) * 1e9 / double(n));
        }
        std::nth_element(ns.begin(), ns.begin() + std::ptrdiff_t(ns.size() / 2), ns.end());
        return ns[ns.size() / 2];
    };
    const std::string only = argc > 2 ? argv[2] : "";
    const double general = only == "fixed" ? 0.0 : run(false);
    const double fixed = only == "general" ? 0.0 : run(true);
    const double lossGeneral = only == "fixed" ? 0.0 : runLoss(false);
    const double lossFixed = only == "general" ? 0.0 : runLoss(true);
    std::printf("bench_batch_kernel: 32-32 layout, 16-star groups, %d repeats of %zu stars (thread CPU time), "
                "CPU path %s\n",
                repeats, n, std::string(cpuPathName(kernels.path)).c_str());
    std::printf("  general Eigen code   %7.1f ns/star  (%.2f M stars/s per core)\n", general, 1e3 / general);
    std::printf("  fixed-size kernel    %7.1f ns/star  (%.2f M stars/s per core)\n", fixed, 1e3 / fixed);
    std::printf("  loss only (validation), general code   %7.1f ns/star\n", lossGeneral);
    std::printf("  loss only (validation), fixed forward  %7.1f ns/star\n", lossFixed);
    std::printf("  (checksum %g)\n", sink);
    return 0;
}
