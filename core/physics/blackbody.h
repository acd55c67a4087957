// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Planck's law, the source spectrum of the theory curves (paper §6 / Fig. 10 and App. B).
// Wavelengths are in Ångström throughout physics/ (the unit of the passband files).
namespace starlocus::core {

// SI 2019 exact constants (CODATA 2018).
inline constexpr double kPlanckConstantJs = 6.62607015e-34;
inline constexpr double kSpeedOfLightMPerS = 299792458.0;
inline constexpr double kBoltzmannConstantJPerK = 1.380649e-23;
// Second radiation constant c2 = hc/k in m·K (1.438776877e-2).
inline constexpr double kSecondRadiationConstantMK =
    kPlanckConstantJs * kSpeedOfLightMPerS / kBoltzmannConstantJPerK;
// Stefan–Boltzmann σ = 2π⁵k⁴/(15h³c²) in W m⁻² K⁻⁴ (5.670374419e-8).
inline constexpr double kStefanBoltzmannWPerM2K4 = 5.670374419e-8;
// Wien's displacement constant b = λ_max·T in m·K (2.897771955e-3).
inline constexpr double kWienDisplacementMK = 2.897771955e-3;

// Spectral radiance per unit wavelength B_λ(T) = 2hc²/λ⁵ / (exp(hc/λkT) − 1),
// in W m⁻² sr⁻¹ per metre of wavelength. Throws InputError("", "wavelength_A" or
// "teff_K", …) for non-positive or non-finite arguments. Far on the Wien side it
// underflows gracefully to 0, never to NaN or inf.
double planckLambda(double wavelengthA, double teffK);

} // namespace starlocus::core
