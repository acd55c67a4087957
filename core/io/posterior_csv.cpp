// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/io/posterior_csv.h"

#include "core/common/input_error.h"
#include "core/io/output_path.h"
#include "core/io/save_temporary.h"

#include <charconv>
#include <cmath>
#include <filesystem>
#include <fstream>

namespace starlocus::core {
namespace {

// The shortest text that reads back as the same double; empty for NaN.
void putNumber(std::ofstream& out, double v) {
    if (std::isnan(v))
        return;
    char text[32];
    const auto end = std::to_chars(text, text + sizeof text, v).ptr;
    out.write(text, end - text);
}

void putInterval(std::ofstream& out, const PosteriorInterval& interval) {
    out << ',';
    putNumber(out, interval.median);
    out << ',';
    putNumber(out, interval.lower);
    out << ',';
    putNumber(out, interval.upper);
}

} // namespace

void writePosteriorCsv(const std::string& path, const std::vector<StarPosterior>& posteriors) {
    checkReplaceableTarget(path);
    removeStaleTemporaries(path);
    const std::string tmp = temporaryPathFor(path);
    {
        std::ofstream out(tmp);
        out << "status,status_name,flags";
        for (const char* name : {"teff", "logg", "feh", "mu", "distance_pc", "E"})
            out << ',' << name << "_median," << name << "_p16," << name << "_p84";
        out << ",map_teff,map_logg,map_feh,map_mu,map_E,chi2,dof,bands_used,parallax_used,low_density_fraction";
        for (const Band& band : bands())
            out << ",residual_" << band.name;
        out << ",nodes_evaluated\n";
        for (const StarPosterior& p : posteriors) {
            out << int(p.status) << ',' << posteriorStatusName(p.status) << ',' << p.flags;
            for (const PosteriorInterval* interval : {&p.teff, &p.logg, &p.feh, &p.mu, &p.distancePc, &p.reddening})
                putInterval(out, *interval);
            for (double v : {p.mapTheta[0], p.mapTheta[1], p.mapTheta[2], p.mapMu, p.mapE, p.chi2}) {
                out << ',';
                putNumber(out, v);
            }
            out << ',' << p.dof << ',' << p.bandsUsed << ',' << (p.parallaxUsed ? 1 : 0) << ',';
            putNumber(out, p.lowDensityFraction);
            for (double r : p.residualAtMap) {
                out << ',';
                putNumber(out, r);
            }
            out << ',' << p.nodesEvaluated << '\n';
        }
        out.close();
        if (!out) {
            std::error_code ec;
            std::filesystem::remove(tmp, ec);
            throw InputError(path, "", "cannot write the CSV file");
        }
    }
    replaceWithTemporary(tmp, path);
}

} // namespace starlocus::core
