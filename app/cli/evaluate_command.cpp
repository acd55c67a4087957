// SPDX-License-Identifier: GPL-3.0-or-later
// starlocus-cli evaluate: χ² and χ²/dof of a catalog under a model, per group of stars.
#include "app/cli/cli.h"
#include "app/cli/defect_report.h"
#include "app/cli/model_option.h"
#include "core/diagnostics/fit_summary.h"
#include "core/io/green2020_catalog.h"

#include <iomanip>
#include <ostream>

namespace starlocus::cli {

int runEvaluate(const std::vector<std::string>& argv, std::ostream& out) {
    std::set<std::string> valued = kModelOptions;
    valued.insert({"catalog", "reddening"});
    const CliArguments args(argv, valued, {"json"});
    const std::string reddening = args.choice("reddening", {"catalog", "refit"}, "catalog");
    const std::string catalogPath = args.required("catalog");
    const core::StellarModel model = loadModelOption(args);
    const core::Catalog catalog = core::readGreen2020Catalog(catalogPath);

    const core::CatalogFit fit = core::evaluateCatalog(
        model, catalog, reddening == "refit" ? core::ReddeningChoice::Refit : core::ReddeningChoice::Catalog);
    const auto groups = core::summarizeFitByGroup(catalog, fit, 5.0);

    if (args.flag("json")) {
        nlohmann::json doc;
        doc["model"] = model.provenance().sourceFile;
        doc["catalog"] = catalogPath;
        doc["reddening"] = reddening;
        doc["chi2_dof_threshold"] = 5.0;
        for (const auto& [name, s] : groups)
            doc["groups"][name] = {{"n", s.stars},
                                   {"n_used", s.used},
                                   {"n_with_dof", s.withDof},
                                   {"chi2_per_band", s.chi2PerBand},
                                   {"chi2_dof", s.chi2Dof},
                                   {"chi2_dof_below5", s.chi2DofBelow},
                                   {"frac_above5", s.fracAbove}};
        doc["defects"] = defectsJson(fit);
        out << std::setprecision(10) << doc.dump(2) << '\n';
        return kExitOk;
    }
    out << "model:     " << model.provenance().sourceFile << '\n'
        << "catalog:   " << catalogPath << " (" << catalog.size() << " stars)\n"
        << "reddening: " << (reddening == "refit" ? "re-fitted (Eqs. 8-9)" : "catalog prior") << "\n\n";
    out << std::left << std::setw(22) << "group" << std::right << std::setw(8) << "n" << std::setw(8) << "used"
        << std::setw(8) << "dof>0" << std::setw(11) << "<chi2/13>" << std::setw(12) << "<chi2/dof>"
        << std::setw(15) << "<chi2/dof|<5>" << std::setw(9) << "frac>=5" << '\n';
    out << std::fixed;
    for (const auto& [name, s] : groups)
        out << std::left << std::setw(22) << name << std::right << std::setw(8) << s.stars << std::setw(8) << s.used
            << std::setw(8) << s.withDof << std::setprecision(4) << std::setw(11) << s.chi2PerBand << std::setw(12)
            << s.chi2Dof << std::setw(15) << s.chi2DofBelow << std::setw(9) << s.fracAbove << '\n';
    out << '\n';
    printDefects(out, fit);
    return kExitOk;
}

} // namespace starlocus::cli
