// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// What the photometric fit (Eq. 19) knows of one star: apparent magnitudes, a parallax, a
// reddening prior and a sky position — and nothing of its spectroscopic labels.
#include "core/bands/band_registry.h"
#include "core/catalog/catalog.h"

#include <array>
#include <cmath>
#include <cstddef>
#include <limits>

namespace starlocus::core {

struct PhotometricStar {
    static constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
    std::array<double, kBandCount> mag;    // apparent magnitudes, NaN = unobserved
    std::array<double, kBandCount> magErr; // σ_m [mag]
    double parallaxMas = kNaN;
    double parallaxErrMas = kNaN;
    double priorE = kNaN;      // Ê (catalog reddening prior), for ReddeningPrior::Catalog
    double priorSigmaE = kNaN; // σ_E
    double galacticLDeg = kNaN; // for DistancePrior::Galactic
    double galacticBDeg = kNaN;

    PhotometricStar() { mag.fill(kNaN); magErr.fill(kNaN); }
};

// Star i of a catalog: its photometry, parallax, Ê/σ_E and (when the catalog has them) l, b.
PhotometricStar photometricStarOf(const Catalog& catalog, std::size_t i);

} // namespace starlocus::core
