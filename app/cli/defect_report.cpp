// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/cli/defect_report.h"

#include "core/bands/band_registry.h"

#include <utility>
#include <vector>

namespace starlocus::cli {
namespace {

using Row = std::pair<const char*, std::size_t>;

std::vector<Row> exclusionRows(const core::StarDefectCounts& d) {
    return {
        {"excluded_missing_G", d.missingG},
        {"excluded_defective_G", d.defectiveG},
        {"excluded_bad_labels", d.badLabels},
        {"excluded_labels_out_of_range", d.labelsOutOfRange},
        {"excluded_bad_label_covariance", d.badLabelCovariance},
        {"excluded_bad_reddening_prior", d.badReddeningPrior},
        {"excluded_negative_reddening_prior_error", d.negativeReddeningPriorError},
        {"excluded_reddening_prior_out_of_range", d.reddeningPriorOutOfRange},
        {"excluded_covariance_not_positive_definite", d.covarianceNotPositiveDefinite},
    };
}

std::vector<Row> rows(const core::StarDefectCounts& d) {
    std::vector<Row> out = exclusionRows(d);
    out.insert(out.end(), {
                              {"parallax_dropped_not_finite", d.parallaxNotFinite},
                              {"parallax_dropped_negative_error", d.parallaxNegativeError},
                              {"parallax_dropped_error_below_1uas", d.parallaxErrorBelowFloor},
                              {"parallax_dropped_out_of_range", d.parallaxOutOfRange},
                              {"parallax_dropped_nonpositive", d.parallaxNonPositive},
                              {"parallax_dropped_low_snr", d.parallaxLowSnr},
                              {"band_values_unobserved", d.bandValuesUnobserved},
                              {"band_values_error_above_0.2", d.bandValuesAboveErrorCut},
                              {"band_values_negative_error", d.bandNegativeError.total()},
                              {"band_values_error_below_1e-4", d.bandErrorBelowFloor.total()},
                              {"band_values_magnitude_out_of_range", d.bandMagnitudeOutOfRange.total()},
                              {"stars_without_dof", d.noDegreesOfFreedom},
                          });
    return out;
}

// The per-band kinds, keyed like their totals.
std::vector<std::pair<const char*, const core::BandValueCounts*>> bandRows(const core::StarDefectCounts& d) {
    return {{"band_values_negative_error", &d.bandNegativeError},
            {"band_values_error_below_1e-4", &d.bandErrorBelowFloor},
            {"band_values_magnitude_out_of_range", &d.bandMagnitudeOutOfRange}};
}

std::vector<Row> fitRows(const core::CatalogFit& fit) {
    return {{"reddening_clipped_at_0", fit.reddeningClipped}, {"reddening_variance_floored", fit.reddeningFloored}};
}

// "G 1, W1 2" for the bands with a nonzero count.
std::string perBandText(const core::BandValueCounts& counts) {
    std::string text;
    for (std::size_t b = 0; b < core::kBandCount; ++b)
        if (counts.perBand[b] > 0)
            text += (text.empty() ? "" : ", ") + std::string(core::bands()[b].name) + ' ' +
                    std::to_string(counts.perBand[b]);
    return text;
}

void printRows(std::ostream& out, const core::StarDefectCounts& d, const std::vector<Row>& extra) {
    out << "per-star rules (stars, or star-band values for band_*):\n";
    for (const auto& [name, count] : rows(d)) {
        out << "  " << name << ": " << count;
        for (const auto& [bandName, counts] : bandRows(d))
            if (std::string(bandName) == name && count > 0)
                out << " (" << perBandText(*counts) << ')';
        out << '\n';
    }
    for (const auto& [name, count] : extra)
        out << "  " << name << ": " << count << '\n';
    out << "  excluded_total: " << d.excludedStars() << '\n';
}

} // namespace

nlohmann::json defectsJson(const core::StarDefectCounts& d) {
    nlohmann::json doc = nlohmann::json::object();
    for (const auto& [name, count] : rows(d))
        doc[name] = count;
    for (const auto& [name, counts] : bandRows(d)) {
        nlohmann::json perBand = nlohmann::json::object();
        for (std::size_t b = 0; b < core::kBandCount; ++b)
            if (counts->perBand[b] > 0)
                perBand[std::string(core::bands()[b].name)] = counts->perBand[b];
        doc[std::string(name) + "_by_band"] = perBand;
    }
    doc["excluded_total"] = d.excludedStars();
    return doc;
}

nlohmann::json defectsJson(const core::CatalogFit& fit) {
    nlohmann::json doc = defectsJson(fit.defects);
    for (const auto& [name, count] : fitRows(fit))
        doc[name] = count;
    return doc;
}

void printDefects(std::ostream& out, const core::StarDefectCounts& defects) { printRows(out, defects, {}); }

void printDefects(std::ostream& out, const core::CatalogFit& fit) { printRows(out, fit.defects, fitRows(fit)); }

std::string noUsableStarReason(std::size_t stars, const core::StarDefectCounts& defects) {
    if (stars == 0)
        return "no usable star: the catalog has no stars";
    std::string counts;
    for (const auto& [name, count] : exclusionRows(defects))
        if (count > 0)
            counts += (counts.empty() ? "" : ", ") + std::string(name).substr(std::string("excluded_").size()) + ' ' +
                      std::to_string(count);
    return "no usable star: " + std::to_string(stars) + " stars, all excluded (" + counts + ")";
}

} // namespace starlocus::cli
