// SPDX-License-Identifier: GPL-3.0-or-later
// starlocus-cli refit-reddening: the reddening posterior of Eqs. 8–9 for every star.
#include "app/cli/cli.h"
#include "app/cli/defect_report.h"
#include "app/cli/output_files.h"
#include "app/cli/json_output.h"
#include "app/cli/model_option.h"
#include "core/common/input_error.h"
#include "core/io/atomic_file_write.h"
#include "core/io/green2020_catalog.h"
#include "core/io/hdf5_handle.h"

#include <ostream>

namespace starlocus::cli {

int runRefitReddening(const std::vector<std::string>& argv, std::ostream& out) {
    std::set<std::string> valued = kModelOptions;
    valued.insert({"catalog", "out"});
    const CliArguments args(argv, valued, {"json"});
    const std::string catalogPath = args.required("catalog");
    const std::string outPath = args.required("out");
    // `--catalog sky.h5 --out sky.h5` replaced the catalog with the fit: the output is
    // checked against the inputs, and locked, before any work.
    std::vector<NamedFile> inputs{namedFile("catalog", catalogPath), namedFile("model", args.required("model"))};
    if (auto normalization = args.value("normalization"))
        inputs.push_back(namedFile("normalization", *normalization));
    const std::vector<NamedFile> outputs{namedFile("out", outPath)};
    checkOutputs(outputs, inputs);
    const auto locks = lockOutputs("refit-reddening", outputs);
    const core::StellarModel model = loadModelOption(args);
    const core::Catalog catalog = core::readGreen2020Catalog(catalogPath);
    const core::CatalogFit fit = core::refitCatalogReddening(model, catalog);

    // Excluded stars have no posterior: NaN there, and star_status says why (0 = fitted).
    // With none fitted the file would hold nothing but NaN: exit 2 naming the catalog, and
    // write nothing.
    const std::size_t n = catalog.size();
    std::size_t fitted = 0;
    for (auto ex : fit.exclusion)
        fitted += ex == core::StarExclusion::None ? 1 : 0;
    if (fitted == 0)
        throw core::InputError(catalogPath, "data", noUsableStarReason(n, fit.defects));
    std::vector<double> status(n);
    std::string legend;
    for (int code = 0; code <= int(core::kLastStarExclusion); ++code)
        legend += (legend.empty() ? "" : ", ") + std::to_string(code) + "=" +
                  std::string(core::exclusionName(core::StarExclusion(code)));
    for (std::size_t i = 0; i < n; ++i)
        status[i] = double(fit.exclusion[i]);
    {
        const auto lock = core::hdf5::libraryLock();
        core::hdf5::AtomicFileWrite file(outPath);
        core::hdf5::writeDoubles(file.file(), outPath, "r_fit", {n}, fit.reddening.data());
        core::hdf5::writeDoubles(file.file(), outPath, "r_var", {n}, fit.reddeningVar.data());
        core::hdf5::writeDoubles(file.file(), outPath, "star_status", {n}, status.data(), H5T_STD_U8LE);
        core::hdf5::writeStringAttribute(file.file(), outPath, "star_status_codes", legend);
        core::hdf5::writeStringAttribute(file.file(), outPath, "model", model.provenance().sourceFile);
        core::hdf5::writeStringAttribute(file.file(), outPath, "catalog", catalogPath);
        file.commit();
    }
    if (args.flag("json")) {
        nlohmann::json doc{{"out", outPath}, {"stars", n}, {"fitted", fitted}, {"defects", defectsJson(fit)}};
        if (!model.provenance().notes.empty())
            doc["notes"] = model.provenance().notes;
        writeJson(out, doc);
    } else {
        out << "wrote " << outPath << ": r_fit, r_var for " << fitted << " of " << n << " stars\n";
        printNotes(out, model.provenance().notes);
        printDefects(out, fit);
    }
    return kExitOk;
}

} // namespace starlocus::cli
