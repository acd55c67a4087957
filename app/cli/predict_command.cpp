// SPDX-License-Identifier: GPL-3.0-or-later
// starlocus-cli predict: M(θ), R(θ) and B(M + E·R) for one set of labels.
#include "app/cli/cli.h"
#include "app/cli/json_output.h"
#include "app/cli/model_option.h"

#include <nlohmann/json.hpp>

#include <iomanip>
#include <ostream>

namespace starlocus::cli {

int runPredict(const std::vector<std::string>& argv, std::ostream& out) {
    std::set<std::string> valued = kModelOptions;
    valued.insert({"teff", "logg", "feh", "E"});
    const CliArguments args(argv, valued, {"json"});
    const double teff = args.requiredNumber("teff");
    const double logg = args.requiredNumber("logg");
    const double feh = args.requiredNumber("feh");
    const double e = args.number("E").value_or(0.0);
    if (!(teff > 0.0))
        throw UsageError("option --teff: must be a positive temperature in K");
    if (e < 0.0)
        throw UsageError("option --E: reddening must be ≥ 0 mag");
    const core::StellarModel model = loadModelOption(args);

    const core::ModelEvaluation eval = model.evaluate({teff, logg, feh}, false);
    const core::Vec13 magColor = eval.colorPrediction(e);          // B(M + E·R)
    const core::Vec13 absMag = core::fromColorSpace(magColor);     // M + E·R
    const core::Vec13& r = eval.extinction;

    if (args.flag("json")) {
        nlohmann::json doc;
        doc["model"] = model.provenance().sourceFile;
        if (!model.provenance().trainedOn.empty())
            doc["trained_on"] = model.provenance().trainedOn;
        if (!model.provenance().notes.empty())
            doc["notes"] = model.provenance().notes;
        doc["theta"] = {teff, logg, feh};
        doc["E"] = e;
        for (const auto& band : core::bands())
            doc["bands"].push_back(std::string(band.name));
        doc["mag_color"] = std::vector<double>(magColor.data(), magColor.data() + magColor.size());
        doc["abs_mag"] = std::vector<double>(absMag.data(), absMag.data() + absMag.size());
        doc["R"] = std::vector<double>(r.data(), r.data() + r.size());
        writeJson(out, doc);
        return kExitOk;
    }
    out << "Teff " << teff << " K, log g " << logg << " dex, [Fe/H] " << feh << " dex, E " << e << " mag\n";
    // The file the model was read from; a model StarLocus trained also names its catalog.
    out << "model: " << model.provenance().sourceFile << '\n';
    if (!model.provenance().trainedOn.empty())
        out << "trained on: " << model.provenance().trainedOn << '\n';
    printNotes(out, model.provenance().notes);
    out << std::left << std::setw(11) << "band" << std::right << std::setw(12) << "M+E*R" << std::setw(13)
        << "B(M+E*R)" << std::setw(10) << "R" << '\n';
    out << std::fixed;
    for (std::size_t b = 0; b < core::kBandCount; ++b) {
        const auto i = Eigen::Index(b);
        out << std::left << std::setw(11) << core::bands()[b].displayName << std::right << std::setprecision(4)
            << std::setw(12) << absMag[i] << std::setw(13) << magColor[i] << std::setw(10) << r[i] << '\n';
    }
    out << "(B(M+E*R): entry 0 is the G magnitude, entry i the colour band_i - G)\n";
    return kExitOk;
}

} // namespace starlocus::cli
