// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/mock/raw_equatorial.h"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace starlocus::core {
namespace {

constexpr double kDegree = std::numbers::pi / 180.0;
constexpr double kPoleRaDeg = 192.85948, kPoleDecDeg = 27.12825, kCelestialPoleLDeg = 122.93192;

} // namespace

EquatorialDeg equatorialFromGalactic(double lDeg, double bDeg) {
    // The spherical triangle (north celestial pole, north Galactic pole, star).
    const double sinB = std::sin(bDeg * kDegree), cosB = std::cos(bDeg * kDegree);
    const double dl = (kCelestialPoleLDeg - lDeg) * kDegree;
    const double sinPole = std::sin(kPoleDecDeg * kDegree), cosPole = std::cos(kPoleDecDeg * kDegree);
    const double sinDec = sinPole * sinB + cosPole * cosB * std::cos(dl);
    const double y = cosB * std::sin(dl);                              // cos δ sin(α − α_P)
    const double x = cosPole * sinB - sinPole * cosB * std::cos(dl); // cos δ cos(α − α_P)
    double ra = kPoleRaDeg + std::atan2(y, x) / kDegree;
    ra = std::fmod(ra, 360.0);
    if (ra < 0.0)
        ra += 360.0;
    return {ra, std::asin(std::clamp(sinDec, -1.0, 1.0)) / kDegree};
}

} // namespace starlocus::core
