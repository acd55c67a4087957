// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Built-in analytic stand-ins for the 13 passbands, from two published numbers per band
// (pivot wavelength and equivalent width, resources/tables/passband_facts.csv). They let the
// theory curves work without the third-party response curves, at a measured cost
// (docs/PHYSICS.md: ΔR/R within ~6 % for Gaia, worse for bands whose ΔR/R is tiny).
//
// Shape: a Tukey (tapered-cosine) window in wavelength, flat in the middle and falling as a
// half cosine over the outer taper fraction α of its full extent. Its equivalent width is
// L(1 − α/2) for full extent L. A top-hat (α = 0) under-weights the band wings and a Hann
// window (α = 1) over-weights them: for Gaia G, BP and RP they bracket the true ΔR/R(T)
// (−20 % and +20 %). α = 0.85 is where the Gaia errors are smallest; it is one number for
// all 13 bands, chosen once on G/BP/RP and then left alone.
#include "core/physics/passband.h"

#include <string>
#include <string_view>

namespace starlocus::core {

inline constexpr double kAnalyticTaperFraction = 0.85;

// Tukey window with the given pivot wavelength and equivalent width, sampled on `samples`
// points over its full extent; its centre is solved so that the pivot is exact. Throws
// InputError("", "pivot_A" / "width_A" / "taper_fraction", …) for nonsense arguments.
Passband analyticPassband(std::string name, double pivotA, double widthA,
                          double taperFraction = kAnalyticTaperFraction, int samples = 801);

// The built-in approximation of one of the 13 bands (facts from passbandFact(band)).
Passband analyticPassband(std::string_view band);

} // namespace starlocus::core
