// SPDX-License-Identifier: GPL-3.0-or-later
// starlocus-cli fit-stars: θ, distance and extinction of every star of a catalog from its
// photometry and parallax (Eq. 19, issue 16), written one row per star to a posterior file
// (core/io/posterior_file.h) and optionally a CSV. The model is evaluated once on a label
// grid (core/inference/label_grid.h) whose θ prior needs the model's training density: the
// authors' density grid (--density) or the KDE of a training catalog (--density-from-catalog),
// unless the flat box prior is asked for.
#include "app/cli/cli.h"
#include "app/cli/cli_arguments.h"
#include "app/cli/json_output.h"
#include "app/cli/model_option.h"
#include "app/cli/output_files.h"
#include "core/common/input_error.h"
#include "core/common/parallel_for.h"
#include "core/diagnostics/density_grid_file.h"
#include "core/diagnostics/training_density.h"
#include "core/inference/fit_catalog.h"
#include "core/inference/label_grid.h"
#include "core/io/green2020_catalog.h"
#include "core/io/posterior_csv.h"
#include "core/io/posterior_file.h"

#include <nlohmann/json.hpp>

#include <charconv>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <optional>
#include <ostream>
#include <unistd.h>

#ifndef STARLOCUS_VERSION
#define STARLOCUS_VERSION "unknown"
#endif

namespace starlocus::cli {
namespace {

using Clock = std::chrono::steady_clock;

double secondsSince(Clock::time_point start) {
    return std::chrono::duration<double>(Clock::now() - start).count();
}

// 1 … 256 like train --threads (there 0 means all cores: here leave the option out).
std::optional<int> threadsOption(const CliArguments& args) {
    const auto text = args.value("threads");
    if (!text)
        return std::nullopt;
    int value = 0;
    const auto [ptr, ec] = std::from_chars(text->data(), text->data() + text->size(), value);
    if (ec != std::errc() || ptr != text->data() + text->size() || value < 1 || value > 256)
        throw UsageError("option --threads: '" + *text + "' is not a whole number 1 … 256");
    return value;
}

// The progress line on a terminal, as `train` prints it (rewritten in place).
class FitProgressLine {
public:
    explicit FitProgressLine(bool terminal) : terminal_(terminal), start_(Clock::now()) {}
    bool operator()(std::size_t done, std::size_t total) const {
        if (!terminal_)
            return true;
        const double elapsed = secondsSince(start_);
        const double rate = elapsed > 0.0 ? double(done) / elapsed : 0.0;
        const double eta = rate > 0.0 ? double(total - done) / rate : 0.0;
        std::fprintf(stderr, "\rfitting stars: %zu / %zu (%.0f %%)  %.0f stars/s  ETA %.0f s   ", done, total,
                     total > 0 ? 100.0 * double(done) / double(total) : 100.0, rate, eta);
        if (done == total)
            std::fprintf(stderr, "\n");
        return true;
    }

private:
    bool terminal_;
    Clock::time_point start_;
};

// The density the θ prior needs, with the text naming where it came from.
struct DensityChoice {
    std::optional<core::DensityGrid> grid;
    std::string source;  // for the file's density_source attribute and the summary
    std::string inputPath; // the file read (for messages), "" without one
};

DensityChoice loadDensity(const CliArguments& args) {
    DensityChoice choice;
    if (auto path = args.value("density")) {
        choice.grid = core::readDensityGrid(*path);
        choice.source = *path;
        choice.inputPath = *path;
    } else if (auto training = args.value("density-from-catalog")) {
        choice.grid = core::trainingDensity(core::readGreen2020Catalog(*training));
        choice.source = "catalog KDE of " + *training;
        choice.inputPath = *training;
    }
    return choice;
}

} // namespace

int runFitStars(const std::vector<std::string>& argv, std::ostream& out) {
    std::set<std::string> valued = kModelOptions;
    valued.insert({"catalog", "out", "csv", "density", "density-from-catalog", "theta-prior", "distance-prior",
                   "reddening-prior", "threads"});
    const CliArguments args(argv, valued, {"json"});
    const std::string catalogPath = args.required("catalog");
    const std::string outPath = args.required("out");
    const std::string modelPath = args.required("model");

    core::LabelGridSettings gridSettings;
    gridSettings.prior = core::parseLabelPrior(args.choice("theta-prior", {"valid", "density", "box"}, "valid"));
    core::PosteriorSettings settings;
    settings.distance = core::parseDistancePrior(args.choice("distance-prior", {"flat", "galactic"}, "flat"));
    settings.reddening = core::parseReddeningPrior(args.choice("reddening-prior", {"flat", "catalog"}, "flat"));
    if (args.value("density") && args.value("density-from-catalog"))
        throw UsageError("give at most one of --density FILE and --density-from-catalog FILE");
    const bool haveDensity = args.value("density") || args.value("density-from-catalog");
    if (!haveDensity && gridSettings.prior != core::LabelPrior::Box)
        throw UsageError("option --theta-prior " + std::string(core::labelPriorName(gridSettings.prior)) +
                         " needs the model's training density: give --density FILE (the authors' "
                         "green2020_input_density.h5 layout) or --density-from-catalog TRAINING.h5, or use "
                         "--theta-prior box (flat over the whole grid)");
    const std::optional<int> threads = threadsOption(args);

    // The outputs: checked against the inputs, and locked, before any work.
    std::vector<NamedFile> inputs{namedFile("catalog", catalogPath), namedFile("model", modelPath)};
    for (const char* option : {"normalization", "density", "density-from-catalog"})
        if (auto path = args.value(option))
            inputs.push_back(namedFile(option, *path));
    std::vector<NamedFile> outputs{namedFile("out", outPath)};
    if (auto csv = args.value("csv"))
        outputs.push_back(namedFile("csv", *csv));
    checkOutputs(outputs, inputs);
    const auto locks = lockOutputs("fit-stars", outputs);

    // --threads T: the density estimate, the grid build and the fits (results do not depend on
    // it: fixed chunking).
    const core::ThreadCountScope threadCount(threads ? unsigned(*threads) : 0u);
    const core::StellarModel model = loadModelOption(args);
    const core::Catalog catalog = core::readGreen2020Catalog(catalogPath);
    const DensityChoice density = loadDensity(args);

    const auto gridStart = Clock::now();
    core::LabelGrid grid;
    try {
        grid = core::buildLabelGrid(model, gridSettings, density.grid ? &*density.grid : nullptr);
    } catch (const core::InputError& e) {
        if (!e.file().empty())
            throw;
        // The grid has no file of its own: a prior without support lies in the density's file.
        throw core::InputError(density.inputPath.empty() ? modelPath : density.inputPath, e.field(), e.reason());
    }
    const double gridSeconds = secondsSince(gridStart);

    const auto fitStart = Clock::now();
    const FitProgressLine progress(isatty(2) != 0);
    const std::vector<core::StarPosterior> posteriors = core::fitCatalog(grid, settings, catalog, std::cref(progress));
    const double fitSeconds = secondsSince(fitStart);

    core::PosteriorFileMetadata metadata;
    metadata.grid = gridSettings;
    metadata.settings = settings;
    metadata.modelFile = model.provenance().sourceFile;
    metadata.catalogFile = catalogPath;
    metadata.densitySource = density.source;
    metadata.starlocusVersion = STARLOCUS_VERSION;
    core::writePosteriorFile(outPath, posteriors, metadata);
    if (auto csv = args.value("csv"))
        core::writePosteriorCsv(*csv, posteriors);

    // The summary: stars per status, flags among the fitted, what it cost.
    const core::FitCatalogSummary summary = core::summarize(posteriors);
    const std::size_t fitted = summary.perStatus[std::size_t(core::PosteriorStatus::Fitted)];
    std::vector<std::string> notes = model.provenance().notes;
    if (settings.distance == core::DistancePrior::Galactic && !(catalog.galacticL && catalog.galacticB))
        notes.push_back("the catalog has no Galactic l, b (members l, b of data): the Galactic distance prior "
                        "cannot be used, every star has status no_galactic_position; use --distance-prior flat");
    else if (const std::size_t unplaced = summary.perStatus[std::size_t(core::PosteriorStatus::NoGalacticPosition)])
        notes.push_back(std::to_string(unplaced) + " star(s) have no finite l, b: status no_galactic_position");
    if (fitted == 0 && catalog.size() > 0)
        notes.push_back("no star was fitted: " + outPath + " holds only each star's status");
    const double starsPerSecond = fitSeconds > 0.0 ? double(catalog.size()) / fitSeconds : 0.0;

    nlohmann::ordered_json doc;
    doc["out"] = outPath;
    if (auto csv = args.value("csv"))
        doc["csv"] = *csv;
    doc["model"] = model.provenance().sourceFile;
    doc["catalog"] = catalogPath;
    doc["density_source"] = density.source;
    doc["theta_prior"] = std::string(core::labelPriorName(gridSettings.prior));
    doc["distance_prior"] = std::string(core::distancePriorName(settings.distance));
    doc["reddening_prior"] = std::string(core::reddeningPriorName(settings.reddening));
    doc["stars"] = catalog.size();
    for (int code = 0; code <= int(core::kLastPosteriorStatus); ++code)
        doc["status"][std::string(core::posteriorStatusName(core::PosteriorStatus(code)))] = summary.perStatus[code];
    doc["flags"] = {{std::string(core::posteriorFlagName(core::kPoorFit)), summary.poorFit},
                    {std::string(core::posteriorFlagName(core::kOutsideTraining)), summary.outsideTraining},
                    {std::string(core::posteriorFlagName(core::kParallaxIgnored)), summary.parallaxIgnored},
                    {std::string(core::posteriorFlagName(core::kAtGridEdge)), summary.atGridEdge}};
    doc["grid_nodes"] = grid.size();
    doc["grid_seconds"] = gridSeconds;
    doc["fit_seconds"] = fitSeconds;
    doc["stars_per_second"] = starsPerSecond;
    if (!notes.empty())
        doc["notes"] = notes;
    if (args.flag("json")) {
        writeJson(out, doc);
        return kExitOk;
    }
    out << "wrote " << outPath << ": posteriors of " << fitted << " of " << catalog.size() << " stars\n";
    if (auto csv = args.value("csv"))
        out << "wrote " << *csv << " (the same rows as CSV)\n";
    out << "priors: theta " << core::labelPriorName(gridSettings.prior) << ", distance "
        << core::distancePriorName(settings.distance) << ", reddening " << core::reddeningPriorName(settings.reddening)
        << (density.source.empty() ? std::string() : "; training density: " + density.source) << '\n';
    out << "stars per status:";
    for (int code = 0; code <= int(core::kLastPosteriorStatus); ++code)
        out << ' ' << core::posteriorStatusName(core::PosteriorStatus(code)) << ' ' << summary.perStatus[code]
            << (code < int(core::kLastPosteriorStatus) ? "," : "\n");
    out << "flags among the fitted: " << core::posteriorFlagName(core::kPoorFit) << ' ' << summary.poorFit << ", "
        << core::posteriorFlagName(core::kOutsideTraining) << ' ' << summary.outsideTraining << ", "
        << core::posteriorFlagName(core::kParallaxIgnored) << ' ' << summary.parallaxIgnored << ", "
        << core::posteriorFlagName(core::kAtGridEdge) << ' ' << summary.atGridEdge << '\n';
    char timing[160];
    std::snprintf(timing, sizeof timing, "grid: %zu nodes in %.2f s; fits: %.2f s (%.0f stars/s)\n", grid.size(),
                  gridSeconds, fitSeconds, starsPerSecond);
    out << timing;
    printNotes(out, notes);
    return kExitOk;
}

} // namespace starlocus::cli
