// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/mock/galactic_disk.h"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace starlocus::core {
namespace {

constexpr double kDegree = std::numbers::pi / 180.0;

// ∫ s² exp(−s/L) ds from 0 to s, without the constant: −L e^{−s/L}(s² + 2Ls + 2L²).
double gammaThreeIntegral(double s, double length) {
    return -length * std::exp(-s / length) * (s * s + 2.0 * length * s + 2.0 * length * length);
}

const double kSinPoleDeclination = std::sin(27.12825 * kDegree);
const double kCosPoleDeclination = std::cos(27.12825 * kDegree);
constexpr double kPoleLongitudeRad = 122.93192 * kDegree;

} // namespace

double SightLine::sinDeclination() const {
    const double cosB = std::sqrt(std::max(0.0, 1.0 - sinB * sinB));
    return kSinPoleDeclination * sinB + kCosPoleDeclination * cosB * std::cos(kPoleLongitudeRad - lRad);
}

double SightLine::declinationDeg() const { return std::asin(std::clamp(sinDeclination(), -1.0, 1.0)) / kDegree; }

Footprint Footprint::declinations(double minDeg, double maxDeg) {
    return {std::sin(minDeg * kDegree), std::sin(maxDeg * kDegree)};
}

double drawDustFactor(const MockSkyConfig& config, CounterRandom& random) {
    // Log-normal with mean 1: clumps scatter E around the smooth disk without biasing it.
    const double s = config.dustClumpiness;
    return std::exp(s * random.normal() - 0.5 * s * s);
}

DustColumn dustColumn(const MockSkyConfig& c, const SightLine& line, double s) {
    const double h = c.dustScaleHeightKpc, a0 = c.dustEPerKpc * line.dustFactor;
    const double sinB = line.sinAbsB();
    const double x = s * sinB / h;
    // (1 − e^{−x})/x → 1 in the plane: expm1 keeps it exact at b = 0.
    const double shape = x > 1e-12 ? -std::expm1(-x) / x : 1.0;
    DustColumn d;
    d.reddening = a0 * s * shape;
    d.toInfinity = sinB > 1e-12 ? a0 * h / sinB : c.maxReddening;
    d.perKpc = a0 * std::exp(-x);
    if (d.reddening >= c.maxReddening) {
        d.reddening = c.maxReddening;
        d.perKpc = 0.0;
    }
    d.toInfinity = std::min(d.toInfinity, c.maxReddening);
    return d;
}

double directionWeight(double sMin, double sMax, double length) {
    const double inPlane = (sMax * sMax * sMax - sMin * sMin * sMin) / 3.0;
    if (length > 1e3 * sMax) // the exponential is 1 over the window (and the closed form cancels)
        return 1.0;
    return (gammaThreeIntegral(sMax, length) - gammaThreeIntegral(sMin, length)) / inPlane;
}

double drawDistanceKpc(double sMin, double sMax, double length, CounterRandom& random) {
    const double cubeMin = sMin * sMin * sMin, cubeMax = sMax * sMax * sMax;
    for (int attempt = 0; attempt < 10000; ++attempt) {
        if (sMax <= 3.0 * length) {
            // Propose from s² (uniform in volume), accept with the exponential: rate ≥ e⁻³.
            const double s = std::cbrt(cubeMin + random.uniform() * (cubeMax - cubeMin));
            if (random.uniform() <= std::exp(-(s - sMin) / length))
                return s;
        } else {
            // Propose Gamma(3, L) (a sum of three exponentials), keep it inside the window.
            const double s = -length * (std::log(random.uniform()) + std::log(random.uniform()) + std::log(random.uniform()));
            if (s >= sMin && s <= sMax)
                return s;
        }
    }
    return std::clamp(3.0 * length, sMin, sMax);
}

} // namespace starlocus::core
