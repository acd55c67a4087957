// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/diagnostics/fit_summary.h"

namespace starlocus::core {
namespace {

struct Accumulator {
    std::size_t stars = 0, used = 0, withDof = 0, below = 0, above = 0;
    double sumChi2PerBand = 0.0, sumDof = 0.0, sumBelow = 0.0;

    void add(const CatalogFit& fit, std::size_t i, double threshold) {
        ++stars;
        if (fit.exclusion[i] != StarExclusion::None)
            return;
        ++used;
        sumChi2PerBand += fit.chi2[i] / double(kBandCount);
        if (!fit.hasChi2PerDof(i))
            return;
        ++withDof;
        const double v = fit.chi2PerDof(i);
        sumDof += v;
        if (v < threshold) {
            ++below;
            sumBelow += v;
        } else {
            ++above;
        }
    }
    FitGroupSummary summary() const {
        FitGroupSummary s;
        s.stars = stars;
        s.used = used;
        s.withDof = withDof;
        s.chi2PerBand = used ? sumChi2PerBand / double(used) : 0.0;
        s.chi2Dof = withDof ? sumDof / double(withDof) : 0.0;
        s.chi2DofBelow = below ? sumBelow / double(below) : 0.0;
        s.fracAbove = withDof ? double(above) / double(withDof) : 0.0;
        return s;
    }
};

} // namespace

std::map<std::string, FitGroupSummary> summarizeFitByGroup(const Catalog& catalog, const CatalogFit& fit,
                                                           double threshold) {
    std::map<std::string, Accumulator> acc;
    for (std::size_t i = 0; i < catalog.size(); ++i) {
        acc["all"].add(fit, i, threshold);
        acc["r_source:" + catalog.rSource[i]].add(fit, i, threshold);
        acc["atm_source:" + catalog.atmSource[i]].add(fit, i, threshold);
    }
    std::map<std::string, FitGroupSummary> out;
    for (const auto& [key, a] : acc)
        out[key] = a.summary();
    return out;
}

} // namespace starlocus::core
