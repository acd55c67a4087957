// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Extinction of a source through a passband (paper App. B).
//
// At finite reddening E (= E(B−V) on the Fitzpatrick 1999 scale, A_V = R_V·E) the band
// extinction is Eq. B19 written for a photon-counting band in wavelength:
//     A_b(E) = −2.5 log10( ∫ S λ F_λ 10^(−0.4 E k(λ)) dλ / ∫ S λ F_λ dλ ),  k = A_λ/E(B−V).
// It is exact and not linear in E: the extinguished spectrum weights the band towards its
// less-extinguished (redder) side, so A_b(E)/E falls as E grows (App. B, Eqs. B27–B29).
// Its slope at E → 0 is the band reddening coefficient
//     R_b = dA_b/dE |₀ = ∫ S λ F_λ k dλ / ∫ S λ F_λ dλ,
// which depends on the source through F_λ: this is the Teff dependence of Fig. 10.
#include "core/physics/fitzpatrick99.h"
#include "core/physics/passband.h"
#include "core/physics/synthetic_photometry.h"

#include <span>
#include <vector>

namespace starlocus::core {

class BandExtinction {
public:
    // Evaluates k(λ) on the passband's grid once. Throws InputError if the passband reaches
    // outside the law's wavelength domain (field "wavelength_A").
    BandExtinction(const Passband& band, const Fitzpatrick99& law);

    const Passband& passband() const { return band_; }
    double rV() const { return rV_; }
    // k(λ) = A_λ/E(B−V) on the passband's grid.
    const std::vector<double>& aOverEbvOnGrid() const { return k_; }

    // Linear-limit R_b for a blackbody of temperature teffK, or for any source sampled on
    // the passband's grid.
    double reddeningCoefficient(double teffK) const;
    double reddeningCoefficient(std::span<const double> fLambdaOnGrid) const;

    // A_b(E) in magnitudes (Eq. B19), blackbody or sampled source.
    double extinctionMag(double teffK, double ebv) const;
    double extinctionMag(std::span<const double> fLambdaOnGrid, double ebv) const;

    // A_b(E)/E: the finite-E analogue of R_b; equals reddeningCoefficient at E = 0.
    double finiteReddeningCoefficient(double teffK, double ebv) const;

private:
    Passband band_;
    double rV_;
    std::vector<double> k_;
};

} // namespace starlocus::core
