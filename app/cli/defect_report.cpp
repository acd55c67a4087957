// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/cli/defect_report.h"

#include <utility>
#include <vector>

namespace starlocus::cli {
namespace {

std::vector<std::pair<const char*, std::size_t>> rows(const core::CatalogFit& fit) {
    const auto& d = fit.defects;
    return {
        {"excluded_missing_G", d.missingG},
        {"excluded_bad_labels", d.badLabels},
        {"excluded_bad_label_covariance", d.badLabelCovariance},
        {"excluded_bad_reddening_prior", d.badReddeningPrior},
        {"excluded_covariance_not_positive_definite", d.covarianceNotPositiveDefinite},
        {"parallax_dropped_nonpositive", d.parallaxNonPositive},
        {"parallax_dropped_not_finite", d.parallaxNotFinite},
        {"parallax_dropped_low_snr", d.parallaxLowSnr},
        {"band_values_unobserved", d.bandValuesUnobserved},
        {"band_values_error_above_0.2", d.bandValuesAboveErrorCut},
        {"stars_without_dof", d.noDegreesOfFreedom},
        {"reddening_clipped_at_0", fit.reddeningClipped},
        {"reddening_variance_floored", fit.reddeningFloored},
    };
}

} // namespace

nlohmann::json defectsJson(const core::CatalogFit& fit) {
    nlohmann::json doc = nlohmann::json::object();
    for (const auto& [name, count] : rows(fit))
        doc[name] = count;
    doc["excluded_total"] = fit.defects.excludedStars();
    return doc;
}

void printDefects(std::ostream& out, const core::CatalogFit& fit) {
    out << "per-star rules (stars, or star-band values for band_*):\n";
    for (const auto& [name, count] : rows(fit))
        out << "  " << name << ": " << count << '\n';
    out << "  excluded_total: " << fit.defects.excludedStars() << '\n';
}

} // namespace starlocus::cli
