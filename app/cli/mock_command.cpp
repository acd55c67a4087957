// SPDX-License-Identifier: GPL-3.0-or-later
// starlocus-cli mock: the synthetic sky of core/mock written as a Green2020 catalog with its
// truth (docs/MOCK.md), and a summary: stars per reddening regime, band coverage, outliers.
#include "app/cli/cli.h"
#include "app/cli/output_files.h"
#include "app/cli/cli_arguments.h"
#include "app/cli/json_output.h"
#include "app/cli/mock_options.h"
#include "core/mock/mock_sky.h"
#include "core/mock/mock_sky_file.h"
#include "core/mock/mock_sky_summary.h"

#include <nlohmann/json.hpp>

#include <charconv>
#include <cstdint>
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

} // namespace

int runMock(const std::vector<std::string>& argv, std::ostream& out) {
    const CliArguments args(argv, {"stars", "seed", "out", "extinction", "label-error-scale", "parallax-error-scale",
                             "prior-error-scale"},
                            {"json"});
    core::MockSkyConfig config;
    config.starCount = std::size_t(requiredInteger(args, "stars", 1));
    const std::uint64_t seed = requiredInteger(args, "seed", 0);
    const std::string path = args.required("out");
    config.extinction = core::parseExtinctionMode(args.choice("extinction", {"linear", "exact"}, "exact"));
    applyErrorScales(args, config);
    // The output is checked and locked before the sky is drawn (a large sky takes minutes).
    const auto outputs = std::vector<NamedFile>{namedFile("out", path)};
    checkOutputs(outputs, {});
    const auto locks = lockOutputs("mock", outputs);

    const core::MockSky sky(config, seed);
    core::writeMockSky(path, sky);
    const core::MockSkySummary summary = core::summarizeMockSky(sky);

    if (args.flag("json")) {
        nlohmann::ordered_json doc;
        doc["file"] = path;
        doc["seed"] = seed;
        doc["extinction"] = std::string(core::extinctionModeName(config.extinction));
        doc["summary"] = nlohmann::ordered_json::parse(summary.toJson());
        writeJson(out, doc);
        return kExitOk;
    }
    out << "wrote " << path << " (seed " << seed << ", " << core::extinctionModeName(config.extinction)
        << " extinction)\n"
        << summary.toText();
    return kExitOk;
}

} // namespace starlocus::cli
