// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/mock/stellar_population.h"

#include "core/mock/star_physics.h"

#include <algorithm>
#include <cmath>

namespace starlocus::core {
namespace {

// A normal deviate redrawn until it lands in [lo, hi] (clamped after 64 tries, which the
// default ranges never reach).
double truncatedNormal(CounterRandom& random, double mean, double sigma, double lo, double hi) {
    double x = mean;
    for (int attempt = 0; attempt < 64; ++attempt) {
        x = mean + sigma * random.normal();
        if (x >= lo && x <= hi)
            return x;
    }
    return std::clamp(x, lo, hi);
}

Branch drawBranch(const MockSkyConfig& c, double u) {
    if (u < c.dwarfFraction)
        return Branch::Dwarf;
    if (u < c.dwarfFraction + c.subgiantFraction)
        return Branch::Subgiant;
    if (u < c.dwarfFraction + c.subgiantFraction + c.redGiantFraction)
        return Branch::RedGiant;
    return Branch::RedClump;
}

} // namespace

StellarLabels drawStellarLabels(const MockSkyConfig& c, CounterRandom& random) {
    StellarLabels s;
    s.component = random.uniform() < c.thickDiskFraction ? DiskComponent::Thick : DiskComponent::Thin;
    const double feh = s.component == DiskComponent::Thin ? truncatedNormal(random, -0.15, 0.25, -2.0, 0.5)
                                                          : truncatedNormal(random, -0.55, 0.30, -2.0, 0.5);
    s.branch = drawBranch(c, random.uniform());
    const double giantMin = c.giantTeffMinK;
    double teff = 0.0, logg = 0.0;
    switch (s.branch) {
    case Branch::Dwarf:
        teff = truncatedNormal(random, 5900.0, 750.0, c.teffMinK, c.teffMaxK);
        logg = mainSequenceLogg(teff) - 0.3 * random.uniform();
        break;
    case Branch::Subgiant: {
        const double lo = std::clamp(5000.0, c.teffMinK, c.teffMaxK), hi = std::clamp(6500.0, c.teffMinK, c.teffMaxK);
        teff = lo < hi ? random.uniform(lo, hi) : lo;
        logg = 3.55 + 0.45 * (teff - 5000.0) / 1500.0 + 0.08 * random.normal();
        break;
    }
    case Branch::RedGiant:
        logg = 3.5 - 2.5 * std::pow(random.uniform(), 1.5);
        teff = truncatedNormal(random, 3950.0 + 400.0 * (logg - 1.0) - 250.0 * feh, 70.0, giantMin, c.teffMaxK);
        break;
    case Branch::RedClump:
        logg = 2.45 + 0.08 * random.normal();
        teff = truncatedNormal(random, 4700.0 - 300.0 * feh, 80.0, giantMin, c.teffMaxK);
        break;
    }
    s.theta = {teff, logg, feh};
    return s;
}

} // namespace starlocus::core
