// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The distance prior of a star seen towards (l, b): the number of stars per unit μ along the
// line of sight, ∝ ρ(R, z) · d³ (d² from the volume element, one more d from dd/dμ), with the
// stellar number density of Jurić et al. (2008, ApJ 673, 864; their Table 10 bias-corrected
// values): thin disk (H = 300 pc, L = 2600 pc), thick disk (H = 900 pc, L = 3600 pc, 12 % of
// the thin disk's density at the Sun), and an oblate power-law halo (n = 2.77, q = 0.64,
// 0.51 % of the disk's local density); the Sun at R = 8000 pc, z = +25 pc.
namespace starlocus::core {

// ln of the unnormalised prior at distance modulus mu towards (lDeg, bDeg).
double galacticLogDistancePrior(double mu, double lDeg, double bDeg);

// ρ(R, z) relative to the thin disk at the Sun; z is the height above the plane [pc].
double galacticStellarDensity(double rPc, double zPc);

} // namespace starlocus::core
