// SPDX-License-Identifier: GPL-3.0-or-later
// starlocus-cli train: the paper's full training procedure on a catalog or a synthetic
// sky, with checkpoints, resume, a live progress line and a JSON summary.
// Before any work: every file it will write (--out, --checkpoint, --log) is checked
// (folder exists and is writable; not a symlink, device or folder; not one of the inputs
// nor another output) and locked against a second run writing it; a --resume checkpoint
// is checked against the settings given on the command line, which it would override.
// The training settings and their options: app/cli/training_options.h.
#include "app/cli/cli.h"
#include "app/cli/cli_arguments.h"
#include "app/cli/defect_report.h"
#include "app/cli/json_output.h"
#include "app/cli/mock_options.h"
#include "app/cli/output_files.h"
#include "app/cli/training_options.h"
#include "core/common/input_error.h"
#include "core/io/green2020_catalog.h"
#include "core/io/model_file.h"
#include "core/io/output_lock.h"
#include "core/io/output_path.h"
#include "core/io/training_checkpoint.h"
#include "core/likelihood/catalog_fit.h"
#include "core/mock/mock_sky.h"
#include "core/training/mpi_ranks.h"
#include "core/training/trainer.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <functional>
#include <iostream>
#include <limits>
#include <memory>
#include <optional>
#include <ostream>
#include <csignal>
#include <cstring>
#include <sstream>
#include <unistd.h>

namespace starlocus::cli {
namespace {

// A loss or mean over no star is NaN ("no value": no validation star, say): the text says
// so instead of "nan", the CSV log leaves the field empty, JSON writes null.
std::string valueText(double v, int precision = 4) {
    if (std::isnan(v))
        return "no value";
    char text[32];
    std::snprintf(text, sizeof text, "%.*f", precision, v);
    return text;
}
std::string csvField(double v) {
    if (std::isnan(v))
        return {};
    std::ostringstream text;
    text << v;
    return text.str();
}

// Progress on a terminal (one rewritten line), a CSV log of every epoch.
class CliProgress : public core::TrainingObserver {
public:
    CliProgress(bool terminal, std::ofstream* log) : terminal_(terminal), log_(log) {}
    std::vector<double> throughput;
    std::vector<double> updateSeconds; // per iteration: reddening update, covariances, cut

    void onEpoch(const core::EpochEvent& e) override {
        throughput.push_back(e.starsPerSecond);
        if (log_)
            *log_ << e.iteration << ',' << e.epoch << ',' << csvField(e.trainLoss) << ','
                  << csvField(e.validationLoss) << ',' << e.learningRate << ',' << e.elapsedSeconds << ','
                  << e.starsPerSecond << '\n';
        if (terminal_)
            std::fprintf(stderr, "\riteration %d epoch %d/%d  train %s  val %s  %.0f stars/s  ETA %.0f s   ",
                         e.iteration, e.epoch, e.totalEpochs, valueText(e.trainLoss).c_str(),
                         valueText(e.validationLoss).c_str(), e.starsPerSecond, e.etaSeconds);
    }
    void onIteration(const core::IterationEvent& e) override {
        updateSeconds.push_back(e.updateSeconds);
        if (terminal_)
            std::fprintf(stderr,
                         "\riteration %d done: cut at chi2/dof %.1f, %zu stars left out, test <chi2/dof|<5> %s, "
                         "%s %% above 5\n",
                         e.iteration, e.threshold, e.starsLeftOut, valueText(e.testChi2DofBelow5, 3).c_str(),
                         valueText(100.0 * e.testFracAbove5, 1).c_str());
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

// Under mpirun, the job's other ranks are ended (SIGTERM) when one rank dies: each says why
// it stops and that the last checkpoint is intact. Written with write(2) from the handler,
// so the text is made beforehand.
char gEndedText[2048];
std::size_t gEndedLength = 0;

extern "C" void sayEndedFromOutside(int) {
    [[maybe_unused]] const auto written = ::write(2, gEndedText, gEndedLength);
    ::_exit(kExitInternal);
}

void sayWhenEndedFromOutside(const core::RankGroup& ranks, const std::string& checkpointPath) {
    std::snprintf(gEndedText, sizeof gEndedText,
                  "starlocus-cli train: rank %d of %d: the job was ended from outside, most likely because another "
                  "rank died (mpirun says which above); %s\n",
                  ranks.firstLocalRank(), ranks.size(),
                  checkpointPath.empty()
                      ? "no checkpoint was written (--checkpoint '')"
                      : ("the last checkpoint, " + checkpointPath +
                         ", is intact (written after each iteration, atomically): continue with --resume " +
                         checkpointPath)
                            .c_str());
    gEndedLength = std::strlen(gEndedText);
    struct sigaction action {};
    action.sa_handler = sayEndedFromOutside;
    sigemptyset(&action.sa_mask);
    sigaction(SIGTERM, &action, nullptr);
}

// Prints nothing: the ranks other than 0 train silently (rank 0 reports for all).
class SilentProgress : public core::TrainingObserver {};

int trainOnRanks(core::RankGroup& ranks, const CliArguments& args, const core::TrainingConfig& config,
                 std::ostream& out);

} // namespace

int runTrain(const std::vector<std::string>& argv, std::ostream& out) {
    std::set<std::string> options{"catalog", "mock", "extinction", "label-error-scale", "parallax-error-scale",
                                  "prior-error-scale", "out", "resume", "checkpoint", "log", "simulate-ranks"};
    options.merge(trainingOptionNames()); // --seed among them: it also seeds --mock
    const CliArguments args(argv, options, {"json"});
    args.required("out");
    if (args.value("catalog").has_value() == args.value("mock").has_value())
        throw UsageError("give exactly one of --catalog FILE and --mock N");
    const core::TrainingConfig config = trainingConfigFromArguments(args);
    int simulated = 1;
    if (auto n = args.number("simulate-ranks")) {
        if (!(*n >= 1 && *n <= core::ExactSumBuffer::kMaxRanks && *n == std::floor(*n)))
            throw UsageError("option --simulate-ranks: must be a whole number between 1 and " +
                             std::to_string(core::ExactSumBuffer::kMaxRanks));
        simulated = int(*n);
    }

    // Started by mpirun: this process is one rank of the job (MPI is set up only then, so the
    // CLI needs no mpirun otherwise).
    std::unique_ptr<core::RankGroup> ranks = core::mpiRanksIfLaunched();
    if (ranks && ranks->size() > 1 && simulated > 1)
        throw UsageError("option --simulate-ranks: this process is already one of " + std::to_string(ranks->size()) +
                         " MPI ranks; simulate ranks in a run without mpirun");
    if (!ranks || ranks->size() == 1)
        ranks = core::simulatedRanks(simulated);
    if (ranks->localRankCount() == ranks->size())
        return trainOnRanks(*ranks, args, config, out); // one process: errors as for every command
    try {
        return trainOnRanks(*ranks, args, config, out);
    } catch (const core::TrainingError& e) {
        // Refusals every rank reaches together (different catalogs, no usable star, a diverging
        // loss): rank 0 says it, then all end together (mpirun would end rank 0 before it
        // spoke if another rank left first).
        if (ranks->isRoot()) {
            std::string line = std::string("starlocus-cli train: ") + e.what();
            std::replace(line.begin(), line.end(), '\n', ' ');
            std::fprintf(stderr, "%s\n", line.c_str());
            std::fflush(stderr);
        }
        ranks->allAgree(0); // a barrier
        return kExitBadInput;
    } catch (const std::exception& e) {
        // A failure of this rank alone (a file it cannot read or write, memory): the others would
        // wait for it for ever, so the job ends here.
        const bool input = dynamic_cast<const UsageError*>(&e) || dynamic_cast<const core::InputError*>(&e) ||
                           dynamic_cast<const std::bad_alloc*>(&e);
        std::string line = "starlocus-cli train: rank " + std::to_string(ranks->firstLocalRank()) + " of " +
                           std::to_string(ranks->size()) + ": " + e.what() + "; ending every rank of the job\n";
        std::replace(line.begin(), line.end() - 1, '\n', ' ');
        std::fputs(line.c_str(), stderr);
        core::abortAllRanks(input ? kExitBadInput : kExitInternal);
    }
}

namespace {

int trainOnRanks(core::RankGroup& ranks, const CliArguments& args, const core::TrainingConfig& config,
                 std::ostream& out) {
    const std::string outPath = args.required("out");
    const bool root = ranks.isRoot();
    // The files: checked and locked before anything is loaded or trained.
    const std::string checkpointPath = args.value("checkpoint").value_or(outPath + ".checkpoint.h5");
    std::vector<NamedFile> outputs{namedFile("out", outPath)};
    if (!checkpointPath.empty()) // an empty --checkpoint writes none
        outputs.push_back(namedFile("checkpoint", checkpointPath));
    if (auto logPath = args.value("log"))
        outputs.push_back(namedFile("log", *logPath));
    std::vector<NamedFile> inputs;
    for (const char* option : {"catalog", "resume"})
        if (auto path = args.value(option))
            inputs.push_back(namedFile(option, *path));
    // Rank 0 alone writes (and so checks and locks) the outputs.
    if (root)
        checkOutputs(outputs, inputs);
    const auto locks = root ? lockOutputs("train", outputs) : std::vector<std::unique_ptr<core::OutputLock>>{};
    if (ranks.localRankCount() < ranks.size())
        sayWhenEndedFromOutside(ranks, checkpointPath);

    std::optional<core::TrainingCheckpoint> resume;
    std::vector<std::string> notes; // e.g. a checkpoint written before checksums existed
    if (auto resumePath = args.value("resume")) {
        resume = core::loadTrainingCheckpoint(*resumePath, &notes);
        reconcileWithCheckpoint(args, config, *resumePath, resume->config);
    }

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
    trainer.setRanks(ranks);
    trainer.setCheckpointPath(checkpointPath);
    if (resume)
        trainer.resumeFrom(std::move(*resume));
    std::ofstream log;
    if (auto logPath = args.value("log"); logPath && root) {
        log.open(*logPath);
        if (!log)
            throw core::InputError(*logPath, "", "cannot write the log");
        log << "iteration,epoch,train_loss,validation_loss,learning_rate,elapsed_s,stars_per_s\n";
    }
    CliProgress progress(isatty(2) != 0, log.is_open() ? &log : nullptr);
    SilentProgress silent;
    core::TrainingControl control;
    const core::TrainingResult result =
        trainer.run(root ? static_cast<core::TrainingObserver&>(progress) : silent, control);
    if (!root)
        return kExitOk; // rank 0 saves and reports
    core::saveModel(outPath, result.model, &result.final);
    // The per-star rules as evaluate reports them (defect_report.h): the rule counts are
    // the trainer's own (same rules, same label normalisation), and the reddening rows
    // (clip at 0, variance floor) are those of the posterior under the saved model, which
    // the run's last update computed. One re-fit pass: ~20 ms per 10,000 stars.
    const core::CatalogFit fit = core::refitCatalogReddening(result.model, catalog);

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
    const double noValue = std::numeric_limits<double>::quiet_NaN(); // null in JSON
    doc["train_loss"] = history.epochs.empty() ? noValue : history.epochs.back().trainLoss;
    doc["val_loss"] = history.epochs.empty() ? noValue : history.epochs.back().validationLoss;
    doc["test_chi2_dof_below5"] = history.iterations.empty() ? noValue : history.iterations.back().testChi2DofBelow5;
    doc["test_frac_above5"] = history.iterations.empty() ? noValue : history.iterations.back().testFracAbove5;
    doc["R_mean_theta"] = std::vector<double>(rMean.data(), rMean.data() + rMean.size());
    doc["mean_theta"] = {meanTheta[0], meanTheta[1], meanTheta[2]};
    doc["wall_seconds"] = result.final.elapsedSeconds;
    doc["epoch_stars_per_second"] = tp.empty() ? 0.0 : tp[tp.size() / 2];
    doc["iterations_completed"] = result.final.completedIterations;
    doc["ranks"] = ranks.size();
    doc["update_seconds"] = progress.updateSeconds;
    // The schedule the run chose (the config's "auto") or was given.
    doc["schedule"] = {{"iterations", result.final.config.iterations},
                       {"epochs_per_iteration", result.schedule.epochsPerIteration},
                       {"automatic", result.schedule.automatic},
                       {"training_stars", result.schedule.trainingStars},
                       {"steps_per_epoch", result.schedule.stepsPerEpoch}};
    doc["faults"] = history.faults;
    doc["messages"] = progress.messages;
    doc["defects"] = defectsJson(fit);
    if (!notes.empty())
        doc["notes"] = notes;
    if (args.flag("json")) {
        writeJson(out, doc); // paths are bytes: invalid UTF-8 must not end the run with exit 1
    } else {
        out << "wrote " << outPath << " after " << result.final.completedIterations << " iterations ("
            << doc["wall_seconds"].get<double>() << " s)\n"
            << "train loss " << valueText(doc["train_loss"].get<double>()) << ", validation loss "
            << valueText(doc["val_loss"].get<double>()) << "\ntest <chi2/dof> below 5: "
            << valueText(doc["test_chi2_dof_below5"].get<double>()) << ", fraction above 5: "
            << valueText(doc["test_frac_above5"].get<double>()) << '\n'
            << "schedule: " << result.final.config.iterations << " iterations, "
            << core::scheduleText(result.schedule, result.final.config.batchSize) << '\n';
        for (const std::string& text : progress.messages)
            if (text.rfind("only ", 0) == 0) // the advice, also when stderr is not a terminal
                out << "note: " << text << '\n';
        for (const std::string& text : notes)
            out << "note: " << text << '\n';
        printDefects(out, fit);
    }
    return kExitOk;
}

} // namespace

} // namespace starlocus::cli
