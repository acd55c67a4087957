// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/inference/galactic_prior.h"

#include <cmath>
#include <numbers>

namespace starlocus::core {
namespace {

// Jurić et al. (2008), Table 10 (bias-corrected), in pc.
constexpr double kSunR = 8000.0, kSunZ = 25.0;
constexpr double kThinH = 300.0, kThinL = 2600.0;
constexpr double kThickH = 900.0, kThickL = 3600.0, kThickFraction = 0.12;
constexpr double kHaloFraction = 0.0051, kHaloQ = 0.64, kHaloN = 2.77;

// Jurić et al.'s Eq. 22 with z the height above the plane: 1 at the Sun for the thin disk.
double disk(double r, double z, double h, double l) {
    return std::exp(-(r - kSunR) / l - (std::abs(z) - kSunZ) / h);
}

} // namespace

double galacticStellarDensity(double rPc, double zPc) {
    const double thin = disk(rPc, zPc, kThinH, kThinL);
    const double thick = kThickFraction * disk(rPc, zPc, kThickH, kThickL);
    // The halo's power law diverges at the centre; a star within 1 pc of it is no concern here.
    const double rh = std::max(1.0, std::sqrt(rPc * rPc + (zPc / kHaloQ) * (zPc / kHaloQ)));
    const double halo = kHaloFraction * std::pow(kSunR / rh, kHaloN);
    return thin + thick + halo;
}

double galacticLogDistancePrior(double mu, double lDeg, double bDeg) {
    const double d = std::pow(10.0, mu / 5.0 + 1.0); // pc
    const double l = lDeg * std::numbers::pi / 180.0, b = bDeg * std::numbers::pi / 180.0;
    // Heliocentric → Galactocentric cylinder: the Sun at x = R☉, z☉ = 25 pc above the plane.
    const double x = kSunR - d * std::cos(b) * std::cos(l);
    const double y = -d * std::cos(b) * std::sin(l);
    const double z = kSunZ + d * std::sin(b);
    const double r = std::sqrt(x * x + y * y);
    return std::log(galacticStellarDensity(r, z)) + 3.0 * std::log(d);
}

} // namespace starlocus::core
