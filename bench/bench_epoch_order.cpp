// SPDX-License-Identifier: GPL-3.0-or-later
// The epoch's memory access: the trainer's epoch (core::EpochRunner, batch 32, the paper's
// network) over N samples in a free shuffle and in block shuffles of several block sizes,
// taking turns epoch by epoch in one process, so that every order meets the same machine
// state (the host is shared; docs/PERFORMANCE.md). The samples are synthetic (a whitening
// with the published magnitudes' scale, labels and targets of unit spread): the arithmetic
// does not depend on the values, only on where in memory they are.
// Reports per order the median epoch throughput (wall) and the process CPU time per star
// (what the order costs the cores, less disturbed by other programs), and the time to draw
// the order itself; and the median wall time of the validation pass after each epoch (20 %
// of the stars, spread over the samples like the trainer's validation stars); then an epoch and
// a validation pass one after the other against the pass beside the epoch (the trainer's way
// on more than one thread), in turns.
// Usage: bench_epoch_order [stars] [rounds] [threads] [blocks,…]   (defaults 2900000 5 1
// 4096,8192,16384,65536); 70 % of the stars train, as in the paper's split.
// BENCH_TEAM=1 runs every mini-batch on the thread team (no trial of one thread alone), to
// measure the team itself in whichever mode the host is.
#include "bench/bench_timing.h"
#include "core/common/counter_random.h"
#include "core/training/epoch_order.h"
#include "core/training/epoch_runner.h"

#include <cstdio>
#include <cstdlib>
#include <sstream>
#include <string>

using namespace starlocus;

namespace {

void fillSamples(std::vector<core::StarSample>& samples) {
    for (std::size_t i = 0; i < samples.size(); ++i) {
        core::CounterRandom rng(7, i);
        core::StarSample& s = samples[i];
        float w[core::kPackedTriangleSize];
        std::size_t k = 0;
        for (std::size_t row = 0; row < core::kBandCount; ++row)
            for (std::size_t col = 0; col <= row; ++col, ++k)
                w[k] = float(row == col ? rng.uniform(10.0, 50.0) : rng.uniform(-2.0, 2.0));
        core::storeWhitening(s, w);
        for (float& y : s.y)
            y = float(rng.normal());
        for (float& x : s.x)
            x = float(rng.normal());
        s.e = float(rng.uniform(0.0, 0.5));
    }
}

struct Order {
    std::string name;
    std::size_t block; // 0: free shuffle
    std::vector<double> starsPerSecond, cpuNsPerStar, drawSeconds;
};

} // namespace

int main(int argc, char** argv) {
    const std::size_t stars = argc > 1 ? std::stoul(argv[1]) : 2900000;
    const int rounds = argc > 2 ? std::stoi(argv[2]) : 5;
    const int threads = argc > 3 ? std::stoi(argv[3]) : 1;
    std::vector<Order> orders{{"free shuffle", 0, {}, {}, {}}};
    {
        std::istringstream blocks(argc > 4 ? argv[4] : "4096,8192,16384,65536");
        for (std::string b; std::getline(blocks, b, ',');)
            orders.push_back({"block " + b, std::stoul(b), {}, {}, {}});
    }
    try {
        std::vector<core::StarSample> samples(stars);
        fillSamples(samples);
        std::vector<std::uint32_t> train, validation; // 70 %, 20 %, ascending
        core::CounterRandom pick(3, 0);
        for (std::size_t p = 0; p < stars; ++p) {
            const double u = pick.uniform();
            if (u < 0.7)
                train.push_back(std::uint32_t(p));
            else if (u < 0.9)
                validation.push_back(std::uint32_t(p));
        }

        core::TrainingConfig config;
        config.threads = threads;
        const core::NetworkLayout layout(config.hiddenLayers);
        const auto ranks = core::singleProcessRanks();
        const core::SampleLayout sampleLayout = core::SampleLayout::catalogOrder(stars, {0, stars});
        core::WorkerTeam team{unsigned(threads)};
        core::TrainingControl control;
        core::EpochRunner runner(layout, config, *ranks, stars, team, control);
        runner.setSamples(&samples, &sampleLayout);
        if (std::getenv("BENCH_TEAM"))
            runner.setTrialBatches(0); // no trial: the team always
        core::ParameterVector params = core::initialParameters(layout, 1);
        core::AdamState adam(layout.size);

        std::printf("bench_epoch_order: %zu stars (%zu train, %.2f GB of samples), %d thread(s), %d rounds, "
                    "batch %d\n",
                    stars, train.size(), double(stars * sizeof(core::StarSample)) / 1e9, threads, rounds,
                    config.batchSize);
        std::vector<double> validationSeconds;
        int epoch = 0;
        for (int round = 0; round < rounds; ++round) {
            for (Order& o : orders) {
                ++epoch;
                const double d0 = bench::processCpuSeconds();
                const auto order = o.block == 0 ? core::freeShuffle(train, 1, epoch)
                                                : core::blockShuffle(train, stars, o.block, 1, epoch);
                o.drawSeconds.push_back(bench::processCpuSeconds() - d0);
                const double c0 = bench::processCpuSeconds();
                const auto t0 = std::chrono::steady_clock::now();
                runner.run(params, adam, order, 1e-4);
                const double wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
                o.starsPerSecond.push_back(double(order.size()) / wall);
                o.cpuNsPerStar.push_back(1e9 * (bench::processCpuSeconds() - c0) / double(order.size()));
                const auto v0 = std::chrono::steady_clock::now();
                runner.validationLoss(params, validation); // the epoch's validation pass, as the trainer runs it
                validationSeconds.push_back(
                    std::chrono::duration<double>(std::chrono::steady_clock::now() - v0).count());
            }
        }
        for (const Order& o : orders)
            std::printf("  %-14s %10.0f stars/s   CPU %6.1f ns/star   order drawn in %6.1f ms\n", o.name.c_str(),
                        bench::median(o.starsPerSecond), bench::median(o.cpuNsPerStar),
                        1e3 * bench::median(o.drawSeconds));
        std::printf("  validation loss over %zu stars (20 %%, spread over the samples): %.1f ms (%.0f ns/star)\n",
                    validation.size(), 1e3 * bench::median(validationSeconds),
                    1e9 * bench::median(validationSeconds) / double(validation.size()));
        std::printf("  epochs whose batches ran alone / on the team after their trial: %zu / %zu\n",
                    runner.epochsAlone(), runner.epochsOnTeam());

        // An epoch with its validation pass, as the trainer runs them: one after the other, or
        // the pass (of the epoch before) beside the epoch on the other threads, in turns, with
        // the last order of the list.
        const std::size_t block = orders.back().block;
        std::vector<double> cycle[2], start;
        for (int round = 0; round < rounds; ++round) {
            for (int beside = 0; beside < 2; ++beside) {
                ++epoch;
                const auto order = block == 0 ? core::freeShuffle(train, 1, epoch)
                                              : core::blockShuffle(train, stars, block, 1, epoch);
                const auto t0 = std::chrono::steady_clock::now();
                if (beside) {
                    runner.startValidation(params, validation);
                    start.push_back(std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count());
                    runner.run(params, adam, order, 1e-4);
                    runner.finishValidation();
                } else {
                    runner.run(params, adam, order, 1e-4);
                    runner.validationLoss(params, validation);
                }
                cycle[beside].push_back(
                    std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count());
            }
        }
        std::printf("  %s epoch and its validation pass: one after the other %.1f ms, the pass beside the next "
                    "epoch %.1f ms (medians; of it starting the pass %.2f ms)\n",
                    orders.back().name.c_str(), 1e3 * bench::median(cycle[0]), 1e3 * bench::median(cycle[1]),
                    1e3 * bench::median(start));
        return 0;
    } catch (const std::exception& e) {
        std::fprintf(stderr, "bench_epoch_order: %s\n", e.what());
        return 2;
    }
}
