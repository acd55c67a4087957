// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Photon-counting synthetic photometry (paper App. B, Eqs. B18–B19). A detector counts
// photons, so a band signal is N ∝ ∫ S(λ) F_λ(λ) λ/(hc) dλ: the source is weighted by
// S·λ, not S (that would be an energy-counting detector). We drop the constant 1/hc, which
// cancels in every magnitude and every band average. Integrals use the trapezoid rule on
// the passband's own grid (core/physics/trapezoid.h).
#include "core/physics/passband.h"

#include <functional>
#include <span>
#include <vector>

namespace starlocus::core {

// A source spectrum F_λ(λ), λ in Å; its unit is the caller's (ratios do not care).
using Spectrum = std::function<double(double wavelengthA)>;

// The spectrum sampled on the passband's grid.
std::vector<double> sampleOnGrid(const Passband& band, const Spectrum& fLambda);

// Blackbody B_λ(T) sampled on the passband's grid (W m⁻² sr⁻¹ m⁻¹).
std::vector<double> blackbodyOnGrid(const Passband& band, double teffK);

// ∫ S λ F_λ dλ with F_λ given on the passband's grid (Å · the unit of F_λ).
double photonFlux(const Passband& band, std::span<const double> fLambdaOnGrid);
double photonFlux(const Passband& band, const Spectrum& fLambda);

// Photon-weighted band average of g(λ): ∫ S λ F g dλ / ∫ S λ F dλ, both on the grid.
// With g = A_λ/E(B−V) this is the linear-limit band reddening R_b (see band_extinction.h).
double photonWeightedMean(const Passband& band, std::span<const double> fLambdaOnGrid,
                          std::span<const double> gOnGrid);

// AB magnitude (Eq. B18 in wavelength form): m = −2.5 log10(∫SλF_λ dλ / ∫Sλ F_λ^AB dλ) with
// F_λ^AB = 3631 Jy · c/λ². `fLambdaCgs` in erg s⁻¹ cm⁻² Å⁻¹.
double abMagnitude(const Passband& band, const Spectrum& fLambdaCgs);

} // namespace starlocus::core
