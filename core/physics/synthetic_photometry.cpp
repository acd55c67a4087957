// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/physics/synthetic_photometry.h"

#include "core/common/input_error.h"
#include "core/physics/blackbody.h"
#include "core/physics/trapezoid.h"

#include <cmath>

namespace starlocus::core {
namespace {

void checkGrid(const Passband& band, std::size_t n, const char* field) {
    if (n != band.size())
        throw InputError(band.source(), field,
                         "has " + std::to_string(n) + " samples but passband '" + band.name() + "' has " +
                             std::to_string(band.size()));
}

} // namespace

std::vector<double> sampleOnGrid(const Passband& band, const Spectrum& fLambda) {
    std::vector<double> out;
    out.reserve(band.size());
    for (const double w : band.wavelengthsA())
        out.push_back(fLambda(w));
    return out;
}

std::vector<double> blackbodyOnGrid(const Passband& band, double teffK) {
    return sampleOnGrid(band, [teffK](double w) { return planckLambda(w, teffK); });
}

double photonFlux(const Passband& band, std::span<const double> f) {
    checkGrid(band, f.size(), "spectrum");
    const auto& w = band.wavelengthsA();
    const auto& s = band.response();
    return trapezoid(w, [&](std::size_t i) { return s[i] * w[i] * f[i]; });
}

double photonFlux(const Passband& band, const Spectrum& fLambda) {
    const std::vector<double> f = sampleOnGrid(band, fLambda);
    return photonFlux(band, std::span<const double>(f));
}

double photonWeightedMean(const Passband& band, std::span<const double> f, std::span<const double> g) {
    checkGrid(band, f.size(), "spectrum");
    checkGrid(band, g.size(), "weighted quantity");
    const auto& w = band.wavelengthsA();
    const auto& s = band.response();
    const double num = trapezoid(w, [&](std::size_t i) { return s[i] * w[i] * f[i] * g[i]; });
    const double den = trapezoid(w, [&](std::size_t i) { return s[i] * w[i] * f[i]; });
    return num / den;
}

double abMagnitude(const Passband& band, const Spectrum& fLambdaCgs) {
    // 3631 Jy = 3.631e-20 erg s⁻¹ cm⁻² Hz⁻¹; F_λ = F_ν c/λ² with c in Å/s.
    constexpr double kAbFnuCgs = 3631.0e-23;
    constexpr double kSpeedOfLightAPerS = 2.99792458e18;
    const double source = photonFlux(band, fLambdaCgs);
    if (!(source > 0.0))
        throw InputError(band.source(), "spectrum",
                         "gives no photons in passband '" + band.name() + "', so it has no magnitude");
    const double reference =
        photonFlux(band, [](double w) { return kAbFnuCgs * kSpeedOfLightAPerS / (w * w); });
    return -2.5 * std::log10(source / reference);
}

} // namespace starlocus::core
