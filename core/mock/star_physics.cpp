// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/mock/star_physics.h"

#include "core/physics/passband_facts.h"

#include <algorithm>
#include <cmath>

namespace starlocus::core {
namespace {

constexpr double kSolarTeffK = 5772.0; // IAU 2015 B3 nominal

// −5 log10(R☉ / 10 pc): the magnitude of a one-solar-radius surface seen from 10 pc.
const double kRadiusTermSun = -5.0 * std::log10(kSolarRadiusM / (10.0 * kParsecM));

std::array<double, kBandCount> blanketingSlopes() {
    std::array<double, kBandCount> slope{};
    for (std::size_t b = 0; b < kBandCount; ++b) {
        const double ratio = 4000.0 / passbandFact(bands()[b].name).pivotA;
        slope[b] = 0.3 * ratio * ratio * ratio;
    }
    return slope;
}

} // namespace

double mainSequenceLogg(double teffK) {
    const double x = (teffK - 4000.0) / 3500.0;
    return 4.6 - 0.4 * x * x;
}

double stellarMassMsun(double teffK, double logg) {
    const double dwarfMass = std::pow(teffK / kSolarTeffK, 1.6);
    const double dwarfWeight = 1.0 / (1.0 + std::exp(-(logg - 3.7) / 0.12));
    return dwarfWeight * dwarfMass + (1.0 - dwarfWeight) * 1.2;
}

double stellarRadiusRsun(double teffK, double logg) {
    return std::sqrt(stellarMassMsun(teffK, logg) / std::pow(10.0, logg - kSolarLogg));
}

double lineBlanketingMag(std::size_t band, double teffK, double feh) {
    static const std::array<double, kBandCount> slope = blanketingSlopes();
    return slope[band] * (5800.0 / teffK) * feh;
}

std::array<double, kBandCount> absoluteMagnitudes(const PassbandTable& table, const std::array<double, 3>& theta) {
    const double radiusTerm = kRadiusTermSun - 5.0 * std::log10(stellarRadiusRsun(theta[0], theta[1]));
    std::array<double, kBandCount> m{};
    for (std::size_t b = 0; b < kBandCount; ++b)
        m[b] = table.surfaceMagnitude(b, theta[0]) + radiusTerm + lineBlanketingMag(b, theta[0], theta[2]);
    return m;
}

std::array<double, kBandCount> combinedLight(const std::array<double, kBandCount>& a,
                                             const std::array<double, kBandCount>& b) {
    std::array<double, kBandCount> m{};
    for (std::size_t k = 0; k < kBandCount; ++k)
        m[k] = -2.5 * std::log10(std::pow(10.0, -0.4 * a[k]) + std::pow(10.0, -0.4 * b[k]));
    return m;
}

} // namespace starlocus::core
