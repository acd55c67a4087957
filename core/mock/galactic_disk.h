// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Where the mock's stars are and how much dust lies in front of them: a plane-parallel,
// Sun-centred exponential disk of stars seen by a magnitude-limited survey, and dust in a
// thinner exponential layer along random sight lines.
//
// Dust (Parenago 1940; the cosecant law of e.g. Spitzer 1978 §7): with E(B−V) per kpc a₀ in
// the mid-plane and scale height h,
//     E(s) = f · a₀ · h/|sin b| · (1 − exp(−s |sin b| / h)),
// f a log-normal clumpiness factor per sight line, E capped at config.maxReddening. The
// limit s → ∞ plays the role of the SFD column (Schlegel et al. 1998) for the priors.
#include "core/common/counter_random.h"
#include "core/mock/mock_sky_config.h"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace starlocus::core {

struct SightLine {
    double lRad = 0.0;       // Galactic longitude
    double sinB = 0.0;       // sine of the Galactic latitude (kept as a sine: no asin per draw)
    double dustFactor = 1.0; // clumpiness f
    double sinAbsB() const { return std::abs(sinB); }
    // sin δ of the direction: J2000 north Galactic pole at δ = 27.12825°, longitude of the
    // north celestial pole l = 122.93192° (ESA 1997, Hipparcos vol. 1 §1.5.3).
    double sinDeclination() const;
    double declinationDeg() const;
};

struct DustColumn {
    double reddening = 0.0;    // E to the star (capped)
    double toInfinity = 0.0;   // E of the whole column ("SFD"), capped likewise
    double perKpc = 0.0;       // dE/ds at the star (0 where the cap holds): the prior's distance term
};

DustColumn dustColumn(const MockSkyConfig& config, const SightLine& line, double distanceKpc);

// The declination range a survey observes, kept as sines (compared without an asin).
struct Footprint {
    double sinMinDeclination = -1.0;
    double sinMaxDeclination = 1.0;
    static Footprint declinations(double minDeg, double maxDeg);
    bool contains(const SightLine& line) const {
        const double s = line.sinDeclination();
        return s >= sinMinDeclination && s <= sinMaxDeclination;
    }
};

struct StarPosition {
    SightLine line;
    double distanceKpc = 0.0;
    DustColumn dust;
    double apparentG = 0.0;
    bool selected = false; // false only if every attempt fell outside the survey's G range
};

// Draws a position for a star of absolute magnitude absoluteG (mag) in a disk component of
// vertical scale height scaleHeightKpc, selected by the survey's G range after extinction:
// a direction inside the footprint, weighted by (star counts)^starCountWeighting, and a
// distance from s² ρ(z) with ρ ∝ exp(−|z|/H) inside the distance window the G range allows,
// then rejected if extinction pushes the star beyond gFaintMag. extinctionG(E) gives A_G for
// this star at reddening E.
template <class ExtinctionG>
StarPosition drawStarPosition(const MockSkyConfig& config, double absoluteG, double scaleHeightKpc,
                              const Footprint& footprint, CounterRandom& random, ExtinctionG&& extinctionG);

// Non-template parts, exposed for tests.
double drawDustFactor(const MockSkyConfig& config, CounterRandom& random);
// ∫ s² exp(−s/L) ds over [sMin, sMax] divided by its value for L → ∞ (the in-plane direction).
double directionWeight(double sMin, double sMax, double lengthKpc);
// A distance from s² exp(−s/L) on [sMin, sMax].
double drawDistanceKpc(double sMin, double sMax, double lengthKpc, CounterRandom& random);

template <class ExtinctionG>
StarPosition drawStarPosition(const MockSkyConfig& config, double absoluteG, double scaleHeightKpc,
                              const Footprint& footprint, CounterRandom& random, ExtinctionG&& extinctionG) {
    // Distances (kpc) at which the star's unextinguished G is at the survey's limits.
    const double sMin = std::pow(10.0, (config.gBrightMag - absoluteG) / 5.0 - 2.0);
    const double sMax = std::pow(10.0, (config.gFaintMag - absoluteG) / 5.0 - 2.0);
    StarPosition p; // the last proposal placed at a distance (its line and distance belong together)
    for (int attempt = 0; attempt < 1000; ++attempt) {
        StarPosition q;
        // Latitude first: the star-count weight depends on |sin b| alone and rejects most
        // proposals, so the longitude and the footprint test are only paid for survivors.
        q.line.sinB = 2.0 * random.uniform() - 1.0; // isotropic: sin b uniform
        const double length = scaleHeightKpc / std::max(q.line.sinAbsB(), 1e-12);
        const double weight = directionWeight(sMin, sMax, length);
        if (weight < 1.0 && random.uniform() > std::exp(config.starCountWeighting * std::log(weight)))
            continue;
        q.line.lRad = 2.0 * std::numbers::pi * random.uniform();
        if (!footprint.contains(q.line))
            continue;
        q.line.dustFactor = drawDustFactor(config, random);
        q.distanceKpc = drawDistanceKpc(sMin, sMax, length, random);
        q.dust = dustColumn(config, q.line, q.distanceKpc);
        q.apparentG = absoluteG + 5.0 * std::log10(q.distanceKpc) + 10.0 + extinctionG(q.dust.reddening);
        q.selected = q.apparentG <= config.gFaintMag;
        p = q;
        if (p.selected)
            return p;
    }
    if (p.distanceKpc > 0.0)
        return p; // placed, if not selected: the last proposal
    // Every proposal fell to the direction weight (a star so luminous that the G range puts it
    // far beyond the disk's scale height everywhere): place it without the weight rather than
    // leave it at distance 0, whose magnitudes would be −∞ (2 stars of a 2.9 M-star sky were,
    // until the import counted them as invalid_magnitude, issue 15).
    for (int attempt = 0; attempt < 100000 && p.distanceKpc <= 0.0; ++attempt) {
        p.line.sinB = 2.0 * random.uniform() - 1.0;
        p.line.lRad = 2.0 * std::numbers::pi * random.uniform();
        if (!footprint.contains(p.line))
            continue;
        const double length = scaleHeightKpc / std::max(p.line.sinAbsB(), 1e-12);
        p.line.dustFactor = drawDustFactor(config, random);
        p.distanceKpc = drawDistanceKpc(sMin, sMax, length, random);
        p.dust = dustColumn(config, p.line, p.distanceKpc);
        p.apparentG = absoluteG + 5.0 * std::log10(p.distanceKpc) + 10.0 + extinctionG(p.dust.reddening);
        p.selected = p.apparentG <= config.gFaintMag;
    }
    return p;
}

} // namespace starlocus::core
