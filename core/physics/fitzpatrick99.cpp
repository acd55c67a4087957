// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/physics/fitzpatrick99.h"

#include "core/common/input_error.h"
#include "core/physics/number_text.h"

#include <cmath>
#include <iterator>
#include <string>

namespace starlocus::core {
namespace {

// FM90 UV bump and far-UV curvature as fixed by Fitzpatrick (1999) §3 for the average
// Galactic curve: x0, γ, c3, c4 and the start of the far-UV rise (µm⁻¹).
constexpr double kBumpX0 = 4.596;
constexpr double kBumpGamma = 0.99;
constexpr double kC3 = 3.23;
constexpr double kC4 = 0.41;
constexpr double kFarUvStart = 5.9;

// Below 2700 Å (x > 1e4/2700 µm⁻¹) the UV form replaces the spline, as in FM_UNRED.
constexpr double kUvStartInvMicron = 1.0e4 / 2700.0;

// Spline anchors in µm⁻¹: 0 (λ → ∞), 26500, 12200, 6000, 5470, 4670, 4110 Å (optical/IR)
// and 2700, 2600 Å (taken from the UV form so that the two join smoothly).
constexpr double kAnchorsInvMicron[9] = {0.0,           1.0e4 / 26500.0, 1.0e4 / 12200.0,
                                         1.0e4 / 6000.0, 1.0e4 / 5470.0,  1.0e4 / 4670.0,
                                         1.0e4 / 4110.0, 1.0e4 / 2700.0,  1.0e4 / 2600.0};

double checkedRv(double rV) {
    if (!std::isfinite(rV) || rV < Fitzpatrick99::kMinRv || rV > Fitzpatrick99::kMaxRv)
        throw InputError("", "R_V",
                         "Fitzpatrick (1999) is defined for " + numberText(Fitzpatrick99::kMinRv) +
                             " <= R_V <= " + numberText(Fitzpatrick99::kMaxRv) + ", got " + numberText(rV));
    return rV;
}

} // namespace

Fitzpatrick99::Fitzpatrick99(double rV)
    : rV_(checkedRv(rV)), c2_(-0.824 + 4.717 / rV_), c1_(2.030 - 3.007 * c2_),
      optical_([this] {
          // F99 Table 3 / FM_UNRED: the IR anchors scale with R_V; the optical ones are
          // E. Fitzpatrick's polynomial fits in R_V. All are k = E(λ−V)/E(B−V) = A/E − R_V.
          const double r = rV_, r2 = r * r;
          std::vector<double> k = {
              -r,
              0.26469 * r / 3.1 - r,
              0.82925 * r / 3.1 - r,
              -0.422809 + 1.00270 * r + 2.13572e-04 * r2 - r,
              -5.13540e-02 + 1.00216 * r - 7.35778e-05 * r2 - r,
              0.700127 + 1.00184 * r - 3.32598e-05 * r2 - r,
              1.19456 + 1.01707 * r - 5.46959e-03 * r2 + 7.97809e-04 * r2 * r - 4.45636e-05 * r2 * r2 - r,
              uvK(kAnchorsInvMicron[7]),
              uvK(kAnchorsInvMicron[8]),
          };
          return NaturalCubicSpline(std::vector<double>(std::begin(kAnchorsInvMicron),
                                                        std::end(kAnchorsInvMicron)),
                                    std::move(k));
      }()) {}

double Fitzpatrick99::uvK(double x) const {
    // FM90: k = c1 + c2 x + c3 D(x; x0, γ) + c4 F(x), F only shortward of 5.9 µm⁻¹.
    const double x2 = x * x;
    const double y = x2 - kBumpX0 * kBumpX0;
    const double drude = x2 / (y * y + x2 * kBumpGamma * kBumpGamma);
    double k = c1_ + c2_ * x + kC3 * drude;
    if (x >= kFarUvStart) {
        const double d = x - kFarUvStart;
        k += kC4 * (0.5392 * d * d + 0.05644 * d * d * d);
    }
    return k;
}

double Fitzpatrick99::aOverAv(double wavelengthA) const {
    if (!std::isfinite(wavelengthA) || wavelengthA < kMinWavelengthA || wavelengthA > kMaxWavelengthA)
        throw InputError("", "wavelength_A",
                         "Fitzpatrick (1999) is defined from " + numberText(kMinWavelengthA) + " to " +
                             numberText(kMaxWavelengthA) + " Angstrom, got " + numberText(wavelengthA));
    const double x = 1.0e4 / wavelengthA;
    const double k = x < kUvStartInvMicron ? optical_(x) : uvK(x);
    // A/E(B−V) = k + R_V, so A/A_V = 1 + k/R_V.
    return 1.0 + k / rV_;
}

std::vector<double> Fitzpatrick99::aOverEbv(std::span<const double> wavelengthsA) const {
    std::vector<double> out;
    out.reserve(wavelengthsA.size());
    for (const double w : wavelengthsA)
        out.push_back(aOverEbv(w));
    return out;
}

} // namespace starlocus::core
