// SPDX-License-Identifier: GPL-3.0-or-later
// starlocus-cli evaluate: χ² and χ²/dof of a catalog under a model, per group of stars.
#include "app/cli/cli.h"
#include "app/cli/defect_report.h"
#include "app/cli/json_output.h"
#include "app/cli/model_option.h"
#include "core/common/input_error.h"
#include "core/diagnostics/fit_summary.h"
#include "core/io/green2020_catalog.h"

#include <cmath>
#include <iomanip>
#include <optional>
#include <ostream>

namespace starlocus::cli {
namespace {

// A group's means, each only when some star enters it: a mean over no star has no value
// (FitGroupSummary writes 0 there, which read like a perfect fit).
struct GroupMeans {
    std::optional<double> chi2PerBand, chi2Dof, chi2DofBelow, fracAbove;
};

GroupMeans meansOf(const core::FitGroupSummary& s) {
    GroupMeans m;
    if (s.used > 0)
        m.chi2PerBand = s.chi2PerBand;
    if (s.withDof > 0) {
        m.chi2Dof = s.chi2Dof;
        m.fracAbove = s.fracAbove;
        const auto above = std::size_t(std::llround(s.fracAbove * double(s.withDof)));
        if (above < s.withDof) // some star below the threshold
            m.chi2DofBelow = s.chi2DofBelow;
    }
    return m;
}

nlohmann::json orNull(const std::optional<double>& v) { return v ? nlohmann::json(*v) : nlohmann::json(nullptr); }

void printCell(std::ostream& out, int width, const std::optional<double>& v) {
    if (v)
        out << std::setw(width) << std::setprecision(4) << *v;
    else
        out << std::setw(width) << "-";
}

// Exit 2 naming the catalog when no star can be scored: every mean would be empty.
void requireSomeUsableStar(const std::string& catalogPath, std::size_t stars, const core::CatalogFit& fit,
                           std::size_t used) {
    if (used == 0)
        throw core::InputError(catalogPath, "data", noUsableStarReason(stars, fit.defects));
}

} // namespace

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
    const auto all = groups.find("all");
    requireSomeUsableStar(catalogPath, catalog.size(), fit, all == groups.end() ? 0 : all->second.used);

    if (args.flag("json")) {
        nlohmann::json doc;
        doc["model"] = model.provenance().sourceFile;
        if (!model.provenance().notes.empty())
            doc["notes"] = model.provenance().notes;
        doc["catalog"] = catalogPath;
        doc["reddening"] = reddening;
        doc["chi2_dof_threshold"] = 5.0;
        for (const auto& [name, s] : groups) {
            const GroupMeans m = meansOf(s);
            doc["groups"][name] = {{"n", s.stars},
                                   {"n_used", s.used},
                                   {"n_with_dof", s.withDof},
                                   {"chi2_per_band", orNull(m.chi2PerBand)},
                                   {"chi2_dof", orNull(m.chi2Dof)},
                                   {"chi2_dof_below5", orNull(m.chi2DofBelow)},
                                   {"frac_above5", orNull(m.fracAbove)}};
        }
        doc["defects"] = defectsJson(fit);
        writeJson(out, doc);
        return kExitOk;
    }
    out << "model:     " << model.provenance().sourceFile << '\n'
        << "catalog:   " << catalogPath << " (" << catalog.size() << " stars)\n"
        << "reddening: " << (reddening == "refit" ? "re-fitted (Eqs. 8-9)" : "catalog prior") << '\n';
    printNotes(out, model.provenance().notes);
    out << '\n';
    out << std::left << std::setw(22) << "group" << std::right << std::setw(8) << "n" << std::setw(8) << "used"
        << std::setw(8) << "dof>0" << std::setw(11) << "<chi2/13>" << std::setw(12) << "<chi2/dof>"
        << std::setw(15) << "<chi2/dof|<5>" << std::setw(9) << "frac>=5" << '\n';
    out << std::fixed;
    bool anyEmpty = false;
    for (const auto& [name, s] : groups) {
        const GroupMeans m = meansOf(s);
        anyEmpty = anyEmpty || !m.chi2PerBand || !m.chi2Dof || !m.chi2DofBelow;
        out << std::left << std::setw(22) << name << std::right << std::setw(8) << s.stars << std::setw(8) << s.used
            << std::setw(8) << s.withDof;
        printCell(out, 11, m.chi2PerBand);
        printCell(out, 12, m.chi2Dof);
        printCell(out, 15, m.chi2DofBelow);
        printCell(out, 9, m.fracAbove);
        out << '\n';
    }
    if (anyEmpty)
        out << "(-: no value, no star in the group enters that mean)\n";
    out << '\n';
    printDefects(out, fit);
    return kExitOk;
}

} // namespace starlocus::cli
