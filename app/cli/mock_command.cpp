// SPDX-License-Identifier: GPL-3.0-or-later
// starlocus-cli mock: the synthetic sky of core/mock written as a Green2020 catalog with its
// truth (docs/MOCK.md), and a summary: stars per reddening regime, band coverage, outliers.
// With --raw, --out is a prefix: the survey-native cross-match tables, their truth and the
// catalog they must import to.
#include "app/cli/cli.h"
#include "app/cli/output_files.h"
#include "app/cli/cli_arguments.h"
#include "app/cli/json_output.h"
#include "app/cli/mock_options.h"
#include "core/common/input_error.h"
#include "core/mock/mock_sky.h"
#include "core/mock/mock_sky_file.h"
#include "core/mock/mock_sky_summary.h"
#include "core/mock/raw_crossmatch_file.h"
#include "core/mock/raw_truth.h"

#include <nlohmann/json.hpp>

#include <charconv>
#include <cstdint>
#include <optional>
#include <ostream>

namespace starlocus::cli {
namespace {

// A whole number in [minimum, 2⁶⁴); UsageError naming the option otherwise.
std::uint64_t requiredInteger(const CliArguments& args, const std::string& name, std::uint64_t minimum) {
    const std::string text = args.required(name);
    std::uint64_t value = 0;
    const auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc() || ptr != text.data() + text.size() || value < minimum)
        throw UsageError("option --" + name + ": '" + text + "' is not a whole number ≥ " + std::to_string(minimum));
    return value;
}

// The raw cross-match of `sky`, InputErrors of its settings turned into the CLI's option names.
core::RawCrossMatch rawCrossMatchOf(const core::MockSky& sky, double defectRate) {
    try {
        return core::RawCrossMatch(sky, defectRate);
    } catch (const core::InputError& e) {
        const std::string option = mockOptionOfField(e.field());
        if (option.empty())
            throw;
        throw UsageError("option --" + option + ": " + e.reason());
    }
}

nlohmann::ordered_json rawJson(const core::RawCrossMatchPaths& paths, const core::RawTruth& truth,
                               const RawCrossMatchRequest& request) {
    nlohmann::ordered_json raw;
    raw["format"] = std::string(core::table::tableFormatName(request.format));
    raw["defect_rate"] = request.defectRate;
    raw["truth"] = paths.truth;
    nlohmann::ordered_json tables = nlohmann::ordered_json::object();
    for (std::size_t s = 0; s < core::kRawSurveys.size(); ++s)
        tables[std::string(core::kRawSurveys[s])] = {{"file", paths.tables[s]},
                                                      {"rows", truth.tables[s].rows},
                                                      {"stars_removed", truth.tables[s].removed}};
    raw["tables"] = tables;
    return raw;
}

} // namespace

int runMock(const std::vector<std::string>& argv, std::ostream& out) {
    const CliArguments args(argv, {"stars", "seed", "out", "extinction", "label-error-scale", "parallax-error-scale",
                             "prior-error-scale", "raw", "raw-defect-rate"},
                            {"json"});
    core::MockSkyConfig config;
    config.starCount = std::size_t(requiredInteger(args, "stars", 1));
    const std::uint64_t seed = requiredInteger(args, "seed", 0);
    const std::string outOption = args.required("out");
    config.extinction = core::parseExtinctionMode(args.choice("extinction", {"linear", "exact"}, "exact"));
    applyErrorScales(args, config);
    const std::optional<RawCrossMatchRequest> raw = rawCrossMatchRequest(args);
    // With --raw, --out is a prefix of five files.
    const std::optional<core::RawCrossMatchPaths> rawPaths =
        raw ? std::optional(core::rawCrossMatchPaths(outOption, raw->format)) : std::nullopt;
    const std::string path = rawPaths ? rawPaths->catalog : outOption;
    // The outputs are checked and locked before the sky is drawn (a large sky takes minutes).
    std::vector<NamedFile> outputs{namedFile("out", path)};
    if (rawPaths) {
        for (const std::string& table : rawPaths->tables)
            outputs.push_back(namedFile("out", table));
        outputs.push_back(namedFile("out", rawPaths->truth));
    }
    checkOutputs(outputs, {});
    const auto locks = lockOutputs("mock", outputs);

    const core::MockSky sky(config, seed);
    std::optional<core::RawCrossMatch> rawCrossMatch;
    if (raw) // checked before anything is written: error scales below 1 can make it impossible
        rawCrossMatch.emplace(rawCrossMatchOf(sky, raw->defectRate));
    core::writeMockSky(path, sky);
    std::optional<core::RawTruth> truth;
    if (rawCrossMatch) {
        core::writeRawCrossMatch(*rawCrossMatch, *rawPaths, raw->format);
        truth = core::rawTruthOf(*rawCrossMatch);
    }
    const core::MockSkySummary summary = core::summarizeMockSky(sky);

    if (args.flag("json")) {
        nlohmann::ordered_json doc;
        doc["file"] = path;
        doc["seed"] = seed;
        doc["extinction"] = std::string(core::extinctionModeName(config.extinction));
        doc["summary"] = nlohmann::ordered_json::parse(summary.toJson());
        if (truth)
            doc["raw"] = rawJson(*rawPaths, *truth, *raw);
        writeJson(out, doc);
        return kExitOk;
    }
    out << "wrote " << path << " (seed " << seed << ", " << core::extinctionModeName(config.extinction)
        << " extinction)\n";
    if (truth) {
        for (std::size_t s = 0; s < core::kRawSurveys.size(); ++s)
            out << "wrote " << rawPaths->tables[s] << " (" << truth->tables[s].rows << " rows, "
                << truth->tables[s].removed << " with a defect that removes the star)\n";
        out << "wrote " << rawPaths->truth << " (what each import rule must remove)\n";
    }
    out << summary.toText();
    return kExitOk;
}

} // namespace starlocus::cli
