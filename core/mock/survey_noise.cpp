// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/mock/survey_noise.h"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace starlocus::core {
namespace {

// Per band: calibration floor σ_cal and 5σ depth m₅ in the catalog's system.
//  Gaia DR2 (Evans et al. 2018): G ≈ 0.001 mag at 17, ≈ 0.02 at 20; BP/RP ≈ 0.005–0.01 at 17.
//  PS1 mean photometry (Chambers et al. 2016; single-epoch 5σ 22.0/21.8/21.5/20.9/19.7,
//  deeper by ~1 mag for the mean of ~10 epochs); calibration 0.005 (Magnier et al. 2020).
//  2MASS (Skrutskie et al. 2006): 10σ at J 15.8, H 15.1, Ks 14.3 (Vega) → 5σ ≈ 0.75 mag fainter.
//  unWISE (Schlafly et al. 2019): 5σ ≈ 17.9 (W1) and 16.7 (W2) Vega, +2.699/+3.339 to AB.
struct BandNoise {
    double calibrationMag;
    double depth5SigmaMag;
};
constexpr std::array<BandNoise, kBandCount> kBandNoise = {{
    {0.001, 22.5}, {0.003, 21.0}, {0.003, 20.5},                                 // G BP RP
    {0.005, 23.0}, {0.005, 22.8}, {0.005, 22.6}, {0.005, 22.0}, {0.005, 21.0},   // g r i z y
    {0.015, 16.55}, {0.015, 15.85}, {0.015, 15.05},                              // J H Ks
    {0.005, 20.6}, {0.005, 20.05}}};                                             // W1 W2

struct LabelNoise {
    std::array<double, 3> sigma; // typical σ of Teff [K], log g, [Fe/H]
    double rhoTeffLogg, rhoTeffFeh, rhoLoggFeh;
};
// Typical published uncertainties (plus the §3.1 inflation) and the usual positive
// correlations of spectroscopic labels (a hotter fit wants a higher log g and [Fe/H]):
// LAMOST DR5 (Xiang et al. 2019), APOGEE DR16 (Jönsson et al. 2020), GALAH DR2 (Buder et al. 2018).
constexpr LabelNoise kLamost{{110.0, 0.18, 0.10}, 0.5, 0.3, 0.4};
constexpr LabelNoise kApogee{{75.0, 0.09, 0.05}, 0.3, 0.2, 0.2};
constexpr LabelNoise kGalah{{95.0, 0.22, 0.09}, 0.4, 0.3, 0.3};

} // namespace

double photometricErrorMag(std::size_t band, double mag) {
    const BandNoise& n = kBandNoise[band];
    // 10^{0.4 Δm} = e^{0.4 ln10 Δm}: σ ∝ 1/flux for a background-limited source.
    const double background = 1.0857 / 5.0 * std::exp(0.4 * std::numbers::ln10 * (mag - n.depth5SigmaMag));
    const double sigma = std::sqrt(n.calibrationMag * n.calibrationMag + background * background +
                                   kPhotometricFloorMag * kPhotometricFloorMag);
    return std::min(sigma, kMaxWrittenMagError);
}

double parallaxErrorMas(double gMag) {
    const double faint = 0.095 * std::exp(0.29 * std::numbers::ln10 * (gMag - 17.0));
    return std::sqrt(0.035 * 0.035 + faint * faint);
}

std::string_view drawAtmSource(double apogeeFraction, double galahFraction, CounterRandom& random) {
    const double u = random.uniform();
    if (u < apogeeFraction)
        return "apogee";
    if (u < apogeeFraction + galahFraction)
        return "galah";
    return "lamost";
}

Footprint surveyFootprint(std::string_view atmSource) {
    static const Footprint lamost = Footprint::declinations(-10.0, 90.0);
    static const Footprint galah = Footprint::declinations(-90.0, 10.0);
    if (atmSource == "lamost")
        return lamost;
    if (atmSource == "galah")
        return galah;
    return {};
}

std::array<double, 9> drawLabelCovariance(std::string_view atmSource, CounterRandom& random) {
    const LabelNoise& n = atmSource == "apogee" ? kApogee : atmSource == "galah" ? kGalah : kLamost;
    // One log-normal factor per star (its spectrum's S/N) scales all three σ together.
    const double snrFactor = std::exp(0.3 * random.normal());
    constexpr std::array<double, 3> inflation = {10.0, 0.05, 0.03}, cut = {200.0, 0.5, 0.5};
    std::array<double, 3> s{};
    for (int k = 0; k < 3; ++k) {
        const double raw = n.sigma[k] * snrFactor;
        s[k] = std::min(std::sqrt(raw * raw + inflation[k] * inflation[k]), 0.95 * cut[k]);
    }
    const double rTg = n.rhoTeffLogg * s[0] * s[1], rTf = n.rhoTeffFeh * s[0] * s[2], rGf = n.rhoLoggFeh * s[1] * s[2];
    return {s[0] * s[0], rTg, rTf, rTg, s[1] * s[1], rGf, rTf, rGf, s[2] * s[2]};
}

std::array<double, 3> drawCorrelated(const std::array<double, 3>& mean, const std::array<double, 9>& c,
                                     CounterRandom& random) {
    // 3×3 Cholesky, written out: C = L Lᵀ.
    const double l00 = std::sqrt(c[0]);
    const double l10 = c[3] / l00, l20 = c[6] / l00;
    const double l11 = std::sqrt(c[4] - l10 * l10);
    const double l21 = (c[7] - l20 * l10) / l11;
    const double l22 = std::sqrt(c[8] - l20 * l20 - l21 * l21);
    const double n0 = random.normal(), n1 = random.normal(), n2 = random.normal();
    return {mean[0] + l00 * n0, mean[1] + l10 * n0 + l11 * n1, mean[2] + l20 * n0 + l21 * n1 + l22 * n2};
}

} // namespace starlocus::core
