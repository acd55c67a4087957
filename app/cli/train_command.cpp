// SPDX-License-Identifier: GPL-3.0-or-later
// starlocus-cli train: the paper's full training procedure on a catalog or a synthetic
// sky, with checkpoints, resume, a live progress line and a JSON summary.
#include "app/cli/cli.h"
#include "app/cli/cli_arguments.h"
#include "app/cli/mock_options.h"
#include "core/common/input_error.h"
#include "core/io/green2020_catalog.h"
#include "core/io/model_file.h"
#include "core/io/training_checkpoint.h"
#include "core/mock/mock_sky.h"
#include "core/training/trainer.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <iomanip>
#include <iostream>
#include <ostream>
#include <sstream>
#include <unistd.h>

namespace starlocus::cli {
namespace {

std::vector<int> parseLayers(const std::string& text) {
    std::vector<int> out;
    std::stringstream ss(text);
    std::string part;
    while (std::getline(ss, part, ',')) {
        try {
            std::size_t used = 0;
            const int v = std::stoi(part, &used);
            if (used != part.size())
                throw std::invalid_argument(part);
            out.push_back(v);
        } catch (const std::exception&) {
            throw UsageError("option --hidden: '" + text + "' is not a comma-separated list of layer sizes");
        }
    }
    return out;
}

// Progress on a terminal (one rewritten line), a CSV log of every epoch.
class CliProgress : public core::TrainingObserver {
public:
    CliProgress(bool terminal, std::ofstream* log) : terminal_(terminal), log_(log) {}
    std::vector<double> throughput;

    void onEpoch(const core::EpochEvent& e) override {
        throughput.push_back(e.starsPerSecond);
        if (log_)
            *log_ << e.iteration << ',' << e.epoch << ',' << e.trainLoss << ',' << e.validationLoss << ','
                  << e.learningRate << ',' << e.elapsedSeconds << ',' << e.starsPerSecond << '\n';
        if (terminal_)
            std::fprintf(stderr, "\riteration %d epoch %d/%d  train %.4f  val %.4f  %.0f stars/s  ETA %.0f s   ",
                         e.iteration, e.epoch, e.totalEpochs, e.trainLoss, e.validationLoss, e.starsPerSecond,
                         e.etaSeconds);
    }
    void onIteration(const core::IterationEvent& e) override {
        if (terminal_)
            std::fprintf(stderr,
                         "\riteration %d done: cut at chi2/dof %.1f, %zu stars left out, test <chi2/dof|<5> %.3f, "
                         "%.1f %% above 5\n",
                         e.iteration, e.threshold, e.starsLeftOut, e.testChi2DofBelow5, 100.0 * e.testFracAbove5);
    }
    void onFault(const core::FaultEvent& f) override { std::fprintf(stderr, "\nstarlocus-cli train: %s\n", f.what.c_str()); }
    void onMessage(const std::string& text) override {
        messages.push_back(text);
        if (terminal_)
            std::fprintf(stderr, "\r%s\n", text.c_str());
    }
    std::vector<std::string> messages;

private:
    bool terminal_;
    std::ofstream* log_;
};

} // namespace

int runTrain(const std::vector<std::string>& argv, std::ostream& out) {
    const CliArguments args(argv,
                            {"catalog", "mock", "seed", "extinction", "label-error-scale", "parallax-error-scale",
                             "prior-error-scale", "out", "resume", "checkpoint", "log", "iterations", "epochs", "batch",
                             "threads", "lr", "lr-decay", "hidden", "l2", "l1", "train-fraction", "validation-fraction",
                             "init"},
                            {"json"});
    const std::string outPath = args.required("out");
    if (args.value("catalog").has_value() == args.value("mock").has_value())
        throw UsageError("give exactly one of --catalog FILE and --mock N");

    core::TrainingConfig config;
    if (auto v = args.number("iterations"))
        config.iterations = int(*v);
    if (auto v = args.number("epochs"))
        config.epochsPerIteration = int(*v);
    if (auto v = args.number("batch"))
        config.batchSize = int(*v);
    if (auto v = args.number("threads"))
        config.threads = int(*v);
    if (auto v = args.number("lr"))
        config.learningRate = *v;
    if (auto v = args.number("lr-decay"))
        config.learningRateDecay = *v;
    if (auto v = args.number("l2"))
        config.l2Hidden = *v;
    if (auto v = args.number("l1"))
        config.l1Extinction = *v;
    if (auto v = args.number("train-fraction"))
        config.trainFraction = *v;
    if (auto v = args.number("validation-fraction"))
        config.validationFraction = *v;
    if (auto v = args.number("seed")) {
        if (*v < 0)
            throw UsageError("option --seed: must be ≥ 0");
        config.seed = std::uint64_t(*v);
    }
    if (auto v = args.value("hidden"))
        config.hiddenLayers = parseLayers(*v);
    config.initialization = core::parseInitialization(args.choice("init", {"physical", "keras"}, "physical"));
    config.validate();

    core::Catalog catalog;
    if (auto path = args.value("catalog")) {
        catalog = core::readGreen2020Catalog(*path);
    } else {
        core::MockSkyConfig mock;
        const double n = args.requiredNumber("mock");
        if (!(n >= 1))
            throw UsageError("option --mock: the number of stars must be ≥ 1");
        mock.starCount = std::size_t(n);
        mock.extinction = core::parseExtinctionMode(args.choice("extinction", {"linear", "exact"}, "exact"));
        applyErrorScales(args, mock);
        core::MockSky sky(mock, config.seed);
        catalog = sky.catalog();
        catalog.sourceFile = "mock:" + std::to_string(mock.starCount) + ":seed" + std::to_string(config.seed);
    }

    core::Trainer trainer(catalog, config);
    trainer.setCheckpointPath(args.value("checkpoint").value_or(outPath + ".checkpoint.h5"));
    if (auto resume = args.value("resume"))
        trainer.resumeFrom(core::loadTrainingCheckpoint(*resume));
    std::ofstream log;
    if (auto logPath = args.value("log")) {
        log.open(*logPath);
        if (!log)
            throw core::InputError(*logPath, "", "cannot write the log");
        log << "iteration,epoch,train_loss,validation_loss,learning_rate,elapsed_s,stars_per_s\n";
    }
    CliProgress progress(isatty(2) != 0, log.is_open() ? &log : nullptr);
    core::TrainingControl control;
    const core::TrainingResult result = trainer.run(progress, control);
    core::saveModel(outPath, result.model, &result.final);

    const auto& history = result.final.history;
    Eigen::Vector3d meanTheta = Eigen::Vector3d::Zero();
    std::size_t counted = 0;
    for (std::size_t i = 0; i < catalog.size(); ++i)
        if (result.final.state.usable[i]) {
            meanTheta += Eigen::Vector3d(catalog.theta[i][0], catalog.theta[i][1], catalog.theta[i][2]);
            ++counted;
        }
    meanTheta /= double(std::max<std::size_t>(1, counted));
    const core::Vec13 rMean = result.model.extinctionVector(meanTheta);
    std::vector<double> tp = progress.throughput;
    std::sort(tp.begin(), tp.end());
    nlohmann::json doc;
    doc["out"] = outPath;
    doc["stars"] = catalog.size();
    doc["train_loss"] = history.epochs.empty() ? 0.0 : history.epochs.back().trainLoss;
    doc["val_loss"] = history.epochs.empty() ? 0.0 : history.epochs.back().validationLoss;
    doc["test_chi2_dof_below5"] = history.iterations.empty() ? 0.0 : history.iterations.back().testChi2DofBelow5;
    doc["test_frac_above5"] = history.iterations.empty() ? 0.0 : history.iterations.back().testFracAbove5;
    doc["R_mean_theta"] = std::vector<double>(rMean.data(), rMean.data() + rMean.size());
    doc["mean_theta"] = {meanTheta[0], meanTheta[1], meanTheta[2]};
    doc["wall_seconds"] = result.final.elapsedSeconds;
    doc["epoch_stars_per_second"] = tp.empty() ? 0.0 : tp[tp.size() / 2];
    doc["iterations_completed"] = result.final.completedIterations;
    doc["faults"] = history.faults;
    doc["messages"] = progress.messages;
    if (args.flag("json")) {
        out << std::setprecision(10) << doc.dump(2) << '\n';
    } else {
        out << "wrote " << outPath << " after " << result.final.completedIterations << " iterations ("
            << doc["wall_seconds"].get<double>() << " s)\n"
            << "train loss " << doc["train_loss"].get<double>() << ", validation loss " << doc["val_loss"].get<double>()
            << "\ntest <chi2/dof> below 5: " << doc["test_chi2_dof_below5"].get<double>() << ", fraction above 5: "
            << doc["test_frac_above5"].get<double>() << '\n';
        for (const std::string& text : progress.messages)
            if (text.rfind("only ", 0) == 0) // the advice, also when stderr is not a terminal
                out << "note: " << text << '\n';
    }
    return kExitOk;
}

} // namespace starlocus::cli
