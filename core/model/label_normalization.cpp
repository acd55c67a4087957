// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/model/label_normalization.h"

#include "core/common/input_error.h"

#include <cmath>
#include <cstdio>

namespace starlocus::core {
namespace {

struct LabelRange {
    const char* name;
    double medianMin, medianMax; // open interval for Teff (> 0 K), closed otherwise
    double stddevMin, stddevMax;
};

// Medians: Teff > 0 K and below 10⁶ K (no star's photosphere is hotter); log g and [Fe/H]
// within ±100 dex, far outside anything physical but a bound on what is plainly a damaged
// number (1e308). σ floor: 10⁻⁶ of each label's natural scale (10³ K for Teff — a survey's
// Teff spread is ~10³ K — and 1 dex for log g and [Fe/H]). A narrower σ multiplies every
// label error by > 10⁶ in x = (θ − θ_med)/σ, so the sigmoids saturate and the normalised
// covariance D⁻¹C_θD⁻¹ gains factors > 10¹²; a subnormal σ (1e-320) makes 1/σ infinite.
// σ ceiling: the same as the medians' range.
constexpr LabelRange kRanges[3] = {
    {"Teff", 0.0, 1e6, 1e-3, 1e6},
    {"log g", -100.0, 100.0, 1e-6, 100.0},
    {"[Fe/H]", -100.0, 100.0, 1e-6, 100.0},
};

std::string number(double v) {
    char text[32];
    std::snprintf(text, sizeof text, "%.6g", v);
    return text;
}

} // namespace

void validateLabelNormalization(const LabelNormalization& n, const std::string& file, const std::string& medianField,
                                const std::string& stddevField) {
    for (std::size_t k = 0; k < 3; ++k) {
        const LabelRange& r = kRanges[k];
        const std::string entry = "entry " + std::to_string(k) + " (" + r.name + ") ";
        const double med = n.median[k], sd = n.stddev[k];
        const bool medianOk = std::isfinite(med) && (k == 0 ? med > r.medianMin : med >= r.medianMin) &&
                              (k == 0 ? med < r.medianMax : med <= r.medianMax);
        if (!medianOk)
            throw InputError(file, medianField,
                             entry + "is " + number(med) + ", expected a finite value " + (k == 0 ? "in (" : "in [") +
                                 number(r.medianMin) + ", " + number(r.medianMax) + (k == 0 ? ")" : "]"));
        if (!(sd > 0.0)) // NaN too
            throw InputError(file, stddevField, entry + "is " + number(sd) + ": must be > 0 (it divides the labels)");
        if (!(std::isfinite(sd) && sd >= r.stddevMin && sd <= r.stddevMax))
            throw InputError(file, stddevField,
                             entry + "is " + number(sd) + ", expected a finite σ in [" + number(r.stddevMin) + ", " +
                                 number(r.stddevMax) + "] (it divides the labels)");
    }
}

} // namespace starlocus::core
