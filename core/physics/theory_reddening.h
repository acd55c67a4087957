// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The theory curve of Fig. 10: how a band's reddening coefficient changes with the source
// temperature, for a blackbody seen through the passband and the Fitzpatrick (1999) law.
//     ΔR/R(T) = R_b(T) / R_b(T_ref) − 1.
// The published-figure convention (and our fixtures) is R_V = 3.1, T_ref = 5400 K, linear
// limit E → 0. The learned ΔR/R of METHOD §6 is relative to R at the mean labels instead,
// so before comparing, put both on one R₀ with rebaseDeltaROverR (METHOD §7 note).
#include "core/physics/band_extinction.h"

#include <span>
#include <vector>

namespace starlocus::core {

struct TheoryReddening {
    double referenceTeffK = 0.0;
    double referenceR = 0.0;          // R_b(T_ref) (per unit E(B−V))
    double ebv = 0.0;                 // 0: linear limit; otherwise the finite E of Eq. B19
    std::vector<double> teffK;
    std::vector<double> r;            // R_b(T), or A_b(E)/E at finite E
    std::vector<double> deltaROverR;  // r / referenceR − 1
};

// R_b(T) and ΔR/R(T) on the given temperatures. ebv = 0 gives the linear limit; ebv ≠ 0
// uses A_b(E)/E from Eq. B19 at that E (the `dRR_EBV1` fixture column is ebv = 1).
// Throws InputError("", "teff_K", …) for a non-positive temperature.
TheoryReddening theoryReddening(const BandExtinction& band, std::span<const double> teffK,
                                double referenceTeffK = 5400.0, double ebv = 0.0);

// Re-express ΔR/R given relative to one reference so that it is relative to another:
// if x = R/R_ref − 1 and x₀ is the value of x at the new reference (R₀ = (1 + x₀)·R_ref),
// then R/R₀ − 1 = (1 + x)/(1 + x₀) − 1. Throws InputError("", "dRR_at_new_reference", …)
// when 1 + x₀ ≤ 0 (not a reddening coefficient).
double rebaseDeltaROverR(double deltaROverR, double deltaROverRAtNewReference);
std::vector<double> rebaseDeltaROverR(std::span<const double> deltaROverR, double deltaROverRAtNewReference);

// ΔR/R of a theory curve relative to an arbitrary R₀ (e.g. the model's R at the mean
// labels, once both are on the same scale): R(T)/R₀ − 1.
std::vector<double> deltaROverRRelativeTo(const TheoryReddening& curve, double r0);

} // namespace starlocus::core
