// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/physics/analytic_passband.h"

#include "core/common/input_error.h"
#include "core/physics/number_text.h"
#include "core/physics/passband_facts.h"

#include <algorithm>
#include <cmath>
#include <numbers>
#include <vector>

namespace starlocus::core {
namespace {

Passband tukeyWindow(const std::string& name, double centreA, double extentA, double taper, int samples) {
    std::vector<double> w(static_cast<std::size_t>(samples)), s(w.size());
    const double half = 0.5 * extentA;
    for (std::size_t i = 0; i < w.size(); ++i) {
        w[i] = centreA - half + extentA * static_cast<double>(i) / static_cast<double>(samples - 1);
        const double u = std::abs(w[i] - centreA) / half; // 0 at the centre, 1 at the edges
        const double flat = 1.0 - taper;
        s[i] = u <= flat ? 1.0 : 0.5 * (1.0 + std::cos(std::numbers::pi * (u - flat) / taper));
    }
    return Passband(name, std::move(w), std::move(s), "built-in");
}

} // namespace

Passband analyticPassband(std::string name, double pivotA, double widthA, double taper, int samples) {
    if (!std::isfinite(pivotA) || pivotA <= 0.0)
        throw InputError("", "pivot_A", "must be a positive wavelength, got " + numberText(pivotA));
    if (!std::isfinite(taper) || taper <= 0.0 || taper > 1.0)
        throw InputError("", "taper_fraction", "must be in (0, 1], got " + numberText(taper));
    if (!std::isfinite(widthA) || widthA <= 0.0)
        throw InputError("", "width_A", "must be a positive width, got " + numberText(widthA));
    if (samples < 3)
        throw InputError("", "samples", "need at least 3 samples, got " + std::to_string(samples));
    const double extent = widthA / (1.0 - 0.5 * taper);

    // The pivot rises monotonically with the centre; bisect the centre until it matches.
    // The window must stay at positive wavelengths, which bounds the centre from below.
    double lo = std::max(pivotA - 0.5 * extent, 0.5 * extent * (1.0 + 1e-6));
    double hi = pivotA + 0.5 * extent;
    if (!(lo < hi) || tukeyWindow(name, lo, extent, taper, samples).pivotWavelengthA() > pivotA)
        throw InputError("", "width_A",
                         "a window " + numberText(widthA) + " Angstrom wide cannot have its pivot at " +
                             numberText(pivotA) + " Angstrom without reaching zero wavelength");
    for (int it = 0; it < 80; ++it) {
        const double mid = 0.5 * (lo + hi);
        if (tukeyWindow(name, mid, extent, taper, samples).pivotWavelengthA() < pivotA)
            lo = mid;
        else
            hi = mid;
    }
    return tukeyWindow(name, 0.5 * (lo + hi), extent, taper, samples);
}

Passband analyticPassband(std::string_view band) {
    const PassbandFact& fact = passbandFact(band);
    return analyticPassband(fact.band, fact.pivotA, fact.widthA);
}

} // namespace starlocus::core
