// SPDX-License-Identifier: GPL-3.0-or-later
// Time per save of the files StarLocus writes through AtomicFileWrite (issue 14, durable
// saves): the published-size model file, a checkpoint of 10,000 stars and the trained
// model file that carries the same 10,000-star record. Every save is a whole
// AtomicFileWrite: temporary file, HDF5 writes, close, (fsync of the file,) rename,
// (fsync of the folder). Each save rewrites the same path, as the trainer does after every
// iteration.
//   bench_save [repeats] [folder]   (folder: where to write; default a new one in /tmp)
#include "bench/bench_timing.h"
#include "core/io/model_file.h"
#include "core/io/training_checkpoint.h"
#include "core/training/network_parameters.h"

#include <cstdio>
#include <filesystem>
#include <string>
#include <sys/stat.h>
#include <unistd.h>

using namespace starlocus;

namespace {

constexpr std::size_t kStars = 10000;

// A checkpoint the size of one after the paper's 20 × 25 epochs on the 10,000 published
// stars; the values do not matter to the write time, the sizes do.
core::TrainingCheckpoint tenThousandStarCheckpoint(const core::StellarModel& model) {
    core::TrainingCheckpoint cp;
    const core::NetworkLayout layout(cp.config.hiddenLayers);
    cp.completedIterations = cp.config.iterations;
    cp.normalization = model.normalization();
    cp.parameters = core::parametersFromModel(layout, model);
    cp.adam = core::AdamState(layout.size);
    cp.adam.step = 20 * 25 * 219;
    for (std::size_t i = 0; i < kStars; ++i) {
        cp.state.split.push_back(core::Split(i % 10 < 7 ? 0 : (i % 10 < 9 ? 1 : 2)));
        cp.state.usable.push_back(1);
        cp.state.inUse.push_back(i % 17 ? 1 : 0);
        cp.state.reddening.push_back(0.01 * double(i % 100));
        cp.state.reddeningVar.push_back(1e-4);
        cp.state.chi2Dof.push_back(1.0 + 1e-3 * double(i % 1000));
    }
    for (int it = 1; it <= cp.config.iterations; ++it) {
        for (int e = 1; e <= cp.config.epochsPerIteration; ++e)
            cp.history.epochs.push_back({it, e, 1.0, 1.1, 1e-3, 1.0, 1e5});
        cp.history.iterations.push_back({it, 5.0, 1.2, 0.05, kStars - 100, 100, 0.01, 1e-3});
    }
    cp.catalogHash = 0x0123456789abcdefull;
    cp.catalogSource = "green2020_test_data_small.h5";
    return cp;
}

void report(const char* what, const std::string& path, const std::vector<double>& seconds) {
    struct stat st {};
    ::stat(path.c_str(), &st);
    std::printf("  %-34s %8.2f ms  (min %.2f, max %.2f; %.0f KiB)\n", what, 1e3 * bench::median(seconds),
                1e3 * bench::percentile(seconds, 0.0), 1e3 * bench::percentile(seconds, 1.0),
                double(st.st_size) / 1024.0);
}

} // namespace

int main(int argc, char** argv) {
    const int repeats = argc > 1 ? std::atoi(argv[1]) : 31;
    std::string folder;
    if (argc > 2) {
        folder = argv[2];
    } else {
        char pattern[] = "/tmp/bench_save-XXXXXX";
        if (!::mkdtemp(pattern)) {
            std::perror("bench_save: mkdtemp");
            return 2;
        }
        folder = pattern;
    }
    const std::string dir = bench::sharedDir() + "/green2020/";
    try {
        const core::StellarModel model =
            core::loadAnyModel(dir + "green2020_nn_model.h5", dir + "green2020_theta_normalization.json");
        const core::TrainingCheckpoint checkpoint = tenThousandStarCheckpoint(model);
        const std::string modelPath = folder + "/model.h5";
        const std::string checkpointPath = folder + "/checkpoint.h5";
        const std::string trainedPath = folder + "/trained.h5";
        const auto modelSaves =
            bench::timeRepeated(repeats, [&] { core::saveModel(modelPath, model, nullptr); });
        const auto checkpointSaves =
            bench::timeRepeated(repeats, [&] { core::saveTrainingCheckpoint(checkpointPath, checkpoint); });
        const auto trainedSaves =
            bench::timeRepeated(repeats, [&] { core::saveModel(trainedPath, model, &checkpoint); });
        std::printf("bench_save: %d saves each into %s (medians)\n", repeats, folder.c_str());
        report("published-size model file", modelPath, modelSaves);
        report("checkpoint, 10,000 stars", checkpointPath, checkpointSaves);
        report("trained model + 10,000-star record", trainedPath, trainedSaves);
        if (argc <= 2) {
            std::error_code ec;
            std::filesystem::remove_all(folder, ec);
        }
        return 0;
    } catch (const std::exception& e) {
        std::fprintf(stderr, "bench_save: %s\n", e.what());
        return 2;
    }
}
