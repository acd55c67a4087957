// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The passband integrals of the synthetic sky, tabulated once per run on a (Teff, E) grid
// (issue 4: integrating 13 bands per star would cost ~10⁴ flops each). For a blackbody
// source seen through the built-in analytic passbands (physics/analytic_passband.h) and the
// Fitzpatrick (1999) law at R_V = 3.1, per band b:
//   surface magnitude  S_b(T) = −2.5 log10(∫ s λ πB_λ(T) dλ / ∫ s λ F_λ^AB dλ) − ZP_b,
//     the magnitude of one unit of stellar surface at 10 pc before the radius term, in the
//     catalog's system (Vega for Gaia and 2MASS, AB for PS1 and unWISE: ZP_b = AB − Vega);
//   R_b(T)   = dA_b/dE at E → 0 (the linear limit, App. B);
//   A_b(T,E) = Eq. B19, exact in E (only tabulated for the `exact` extinction mode).
// Interpolation: cubic Lagrange (4 nodes) in Teff; A additionally linear in E. The error
// against direct integration is measured by test_passband_table and stated in docs/MOCK.md.
#include "core/bands/band_registry.h"

#include <array>
#include <vector>

namespace starlocus::core {

class PassbandTable {
public:
    static constexpr double kMinTeffK = 2200.0;
    static constexpr double kMaxTeffK = 9000.0;
    static constexpr double kTeffStepK = 50.0;
    static constexpr double kEStep = 0.02;
    static constexpr double kRv = 3.1;

    // Tabulates S and R, and A up to maxReddening when withExactExtinction.
    PassbandTable(bool withExactExtinction, double maxReddening);

    // Teff is clamped to [kMinTeffK, kMaxTeffK], E to [0, maxReddening].
    double surfaceMagnitude(std::size_t band, double teffK) const;
    double reddeningCoefficient(std::size_t band, double teffK) const;
    double extinctionMag(std::size_t band, double teffK, double ebv) const; // needs the exact table

    bool hasExactExtinction() const { return !extinction_.empty(); }
    double maxReddening() const { return maxReddening_; }

    // Direct integration (no table) of the same quantities, for tests and the docs' error.
    static double directSurfaceMagnitude(std::size_t band, double teffK);
    static double directReddeningCoefficient(std::size_t band, double teffK);
    static double directExtinctionMag(std::size_t band, double teffK, double ebv);

private:
    std::size_t teffNodes_ = 0;
    std::size_t eNodes_ = 0;
    double maxReddening_ = 0.0;
    // [band][teff node]
    std::array<std::vector<double>, kBandCount> surface_;
    std::array<std::vector<double>, kBandCount> reddening_;
    // [band][e node · teffNodes + teff node]
    std::array<std::vector<double>, kBandCount> extinction_;
};

} // namespace starlocus::core
