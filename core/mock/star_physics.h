// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The true absolute magnitudes of a mock star, from physics rather than from a fit
// (issue 4): radius from log g and a mass relation, a blackbody through each passband
// (PassbandTable), and a smooth metallicity term for line blanketing. M(θ) is a smooth,
// deterministic function of θ = (Teff, log g, [Fe/H]) alone, so a model of the paper's form
// can represent it exactly.
#include "core/bands/band_registry.h"
#include "core/mock/passband_table.h"

#include <array>

namespace starlocus::core {

// IAU 2015 Resolution B3 nominal Sun: log g☉ = log10(GM☉/R☉²) in cgs.
inline constexpr double kSolarLogg = 4.438;
// Nominal R☉ and one parsec in metres (IAU 2015 B3, IAU 2012 B2): the radius term at 10 pc.
inline constexpr double kSolarRadiusM = 6.957e8;
inline constexpr double kParsecM = 3.0856775814913673e16;

// Zero-age-ish main-sequence log g at a temperature: 4.6 at 4000 K, 4.50 at the Sun's
// 5772 K, 4.2 at 7500 K — a smooth fit to solar-metallicity isochrones (e.g. MIST, Choi
// et al. 2016) over 4000–7500 K, good to ~0.1 dex, which is all the mock needs.
double mainSequenceLogg(double teffK);

// Mass in M☉: a main-sequence mass–temperature relation M ∝ (Teff/5772 K)^1.6 (0.56 M☉ at
// 4000 K, 1.5 M☉ at 7500 K, cf. Eker et al. 2018) for dwarfs, 1.2 M☉ for evolved stars
// (the typical mass of LAMOST/APOKASC giants), blended smoothly across log g ≈ 3.7 so that
// M(θ) has no kink.
double stellarMassMsun(double teffK, double logg);

// R/R☉ = sqrt((M/M☉) / 10^(log g − log g☉)), from g = GM/R².
double stellarRadiusRsun(double teffK, double logg);

// Line blanketing: metals absorb in the blue, so metal-rich stars are fainter there. A
// smooth term ΔM_b = 0.3·(4000 Å/λ_b)³·(5800 K/Teff)·[Fe/H] mag: 0.17 mag/dex in g, 0.08 in
// r, < 0.01 redward of J at 5800 K, stronger for cooler stars; g − r reddens by ~0.09
// mag/dex, the size of the trend of Ivezić et al. (2008, their Fig. 2) and of the paper's
// Figs. 7 and 9. Bolometric flux is not conserved (no back-warming): a mock, not a model
// atmosphere.
double lineBlanketingMag(std::size_t band, double teffK, double feh);

// M_b(θ) = S_b(Teff) − 5 log10(R / 10 pc) + ΔM_b(Teff, [Fe/H]) in the catalog's systems.
std::array<double, kBandCount> absoluteMagnitudes(const PassbandTable& table, const std::array<double, 3>& theta);

// Combined light of two unresolved stars, band by band.
std::array<double, kBandCount> combinedLight(const std::array<double, kBandCount>& a,
                                             const std::array<double, kBandCount>& b);

} // namespace starlocus::core
