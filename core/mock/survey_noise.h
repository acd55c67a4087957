// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// How the surveys see a mock star: which bands it has (Table 1 of Green et al. 2020),
// photometric errors with the 0.02 mag floor (§3.2), Gaia-like parallax errors, and
// spectroscopic label covariances like LAMOST's, APOGEE's and GALAH's. Every σ written to
// the catalog is the σ the noise is drawn from.
#include "core/bands/band_registry.h"
#include "core/common/counter_random.h"
#include "core/mock/galactic_disk.h"

#include <array>
#include <cstddef>
#include <string_view>

namespace starlocus::core {

// Fraction of the 2,888,361 input stars with photometry in each band (Table 1).
inline constexpr std::array<double, kBandCount> kTable1BandCoverage = {
    1.0,                      // G
    2884921.0 / 2888361.0,    // BP
    2885425.0 / 2888361.0,    // RP
    2360242.0 / 2888361.0,    // g
    2032495.0 / 2888361.0,    // r
    1853962.0 / 2888361.0,    // i
    2121541.0 / 2888361.0,    // z
    2428790.0 / 2888361.0,    // y
    2742702.0 / 2888361.0,    // J
    2687149.0 / 2888361.0,    // H
    2576599.0 / 2888361.0,    // Ks
    839532.0 / 2888361.0,     // W1
    1857203.0 / 2888361.0};   // W2
// Stars with a Gaia parallax of ϖ̂/σ_ϖ ≥ 5 (Table 1: 2,442,856, 85 %).
inline constexpr double kTable1ParallaxCoverage = 2442856.0 / 2888361.0;

// Errors above this are "unobserved" (§3.2); written errors stay below it so that Table 1's
// coverage is what the mock's draws give.
inline constexpr double kMaxWrittenMagError = 0.19;
inline constexpr double kPhotometricFloorMag = 0.02;

// σ_m of band b at magnitude m: sqrt(σ_cal² + (1.0857/5 · 10^{0.4(m − m₅)})² + 0.02²), capped
// at kMaxWrittenMagError; m₅ is the survey's 5σ depth (docs/MOCK.md lists them).
double photometricErrorMag(std::size_t band, double mag);

// Gaia DR2-like σ_ϖ(G) in mas: 0.04 mas at G < 14, 0.1 at G = 17, 0.7 at G = 20
// (Lindegren et al. 2018, A&A 616, A2, §3 / Fig. 9).
double parallaxErrorMas(double gMag);

// The spectroscopic survey of a star: "lamost", "apogee" or "galah".
std::string_view drawAtmSource(double apogeeFraction, double galahFraction, CounterRandom& random);

// Where each survey looks: LAMOST δ > −10° (Zhao et al. 2012), GALAH δ < +10° (De Silva et
// al. 2015), APOGEE both hemispheres (APO and Las Campanas; Majewski et al. 2017).
Footprint surveyFootprint(std::string_view atmSource);

// A label covariance C_θ (row-major 3×3) for the survey, with a per-star scatter of the σ
// (log-normal, 0.3) and the survey's correlations; σ stay inside the §3.1 cuts (200 K,
// 0.5 dex, 0.5 dex) and include the importer's inflation (10 K, 0.05, 0.03).
std::array<double, 9> drawLabelCovariance(std::string_view atmSource, CounterRandom& random);

// θ̂ = θ + L·n with L the Cholesky factor of cov and n standard normal.
std::array<double, 3> drawCorrelated(const std::array<double, 3>& mean, const std::array<double, 9>& cov,
                                     CounterRandom& random);

} // namespace starlocus::core
