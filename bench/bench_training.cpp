// SPDX-License-Identifier: GPL-3.0-or-later
// Training throughput and the per-iteration update, on the published stars resampled to
// N (default 300,000; the peer ../shared/peers/torch_peer.py does the same), with real
// whitening matrices from the published model:
//   epoch throughput (stars/s) at batch 32 and at a large batch, 2 threads;
//   reddening update + covariance rebuild + χ² cut per star;
//   resident memory per star of a training state.
// Usage: bench_training [stars] [epochs] [threads]
#include "bench/bench_timing.h"
#include "core/common/cpu_dispatch.h"
#include "core/common/parallel_for.h"
#include "core/io/green2020_catalog.h"
#include "core/io/model_file.h"
#include "core/training/trainer.h"
#include "core/training/training_state.h"

#include <cstdio>
#include <fstream>
#include <string>

using namespace starlocus;

namespace {

long residentKiB() {
    std::ifstream status("/proc/self/status");
    std::string line;
    while (std::getline(status, line))
        if (line.rfind("VmRSS:", 0) == 0)
            return std::stol(line.substr(6));
    return 0;
}

core::Catalog resample(const core::Catalog& in, std::size_t n) {
    core::Catalog out;
    out.sourceFile = in.sourceFile + " (resampled)";
    out.resize(n);
    for (std::size_t i = 0; i < n; ++i) {
        const std::size_t j = (i * 2654435761u) % in.size();
        out.copyStar(in, j, i);
    }
    return out;
}

struct Throughput : core::TrainingObserver {
    std::vector<double> starsPerSecond;
    void onEpoch(const core::EpochEvent& e) override { starsPerSecond.push_back(e.starsPerSecond); }
};

} // namespace

int main(int argc, char** argv) {
    const std::size_t stars = argc > 1 ? std::stoul(argv[1]) : 300000;
    const int epochs = argc > 2 ? std::stoi(argv[2]) : 5;
    const int threads = argc > 3 ? std::stoi(argv[3]) : 2;
    const std::string dir = bench::sharedDir() + "/green2020/";
    try {
        const long rssStart = residentKiB();
        const core::Catalog published = core::readGreen2020Catalog(dir + "green2020_test_data_small.h5");
        const core::Catalog catalog = resample(published, stars);
        const long rssCatalog = residentKiB();
        const core::StellarModel model =
            core::loadAnyModel(dir + "green2020_nn_model.h5", dir + "green2020_theta_normalization.json");
        std::printf("bench_training: %zu stars, %d threads, %d epochs per batch size (medians), CPU path %s\n", stars,
                    threads, epochs, std::string(core::cpuPathName(core::activeCpuPath())).c_str());

        // The per-iteration update: Eqs. 8–9, covariance rebuild, χ²/dof cut.
        core::TrainingConfig config;
        config.threads = threads;
        std::vector<core::StarSample> samples;
        core::TrainingState state = core::initialState(catalog, model.normalization(), config, samples);
        const long rssState = residentKiB();
        std::vector<double> updateCpu;
        const auto update = bench::timeRepeated(5, [&] {
            const double cpu0 = bench::processCpuSeconds();
            core::updateState(catalog, model, 5.0, true, state, samples);
            updateCpu.push_back(bench::processCpuSeconds() - cpu0);
        });
        std::printf("  update (refit + rebuild + cut)  %8.1f ms  (%.2f us/star; 1M stars: %.2f s); "
                    "CPU %.2f us/star\n",
                    1e3 * bench::median(update), 1e6 * bench::median(update) / double(stars),
                    bench::median(update) * 1e6 / double(stars), 1e6 * bench::median(updateCpu) / double(stars));
        std::printf("  memory: catalog %.0f B/star, training state + samples %.0f B/star\n",
                    1024.0 * double(rssCatalog - rssStart) / double(stars),
                    1024.0 * double(rssState - rssCatalog) / double(stars));

        for (int batch : {32, 1024}) {
            core::TrainingConfig c;
            c.iterations = 1;
            c.epochsPerIteration = epochs;
            c.batchSize = batch;
            c.threads = threads;
            c.trainFraction = 1.0;
            c.validationFraction = 0.0;
            c.firstIterationMaxSigmaE = 1e9; // every star trains
            core::Trainer trainer(catalog, c);
            Throughput obs;
            core::TrainingControl control;
            trainer.run(obs, control);
            std::printf("  epoch throughput, batch %5d   %10.0f stars/s\n", batch, bench::median(obs.starsPerSecond));
        }
        std::printf("  peak RSS %.0f MiB\n", double(residentKiB()) / 1024.0);
        return 0;
    } catch (const std::exception& e) {
        std::fprintf(stderr, "bench_training: %s\n", e.what());
        return 2;
    }
}
