// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Fitzpatrick (1999, PASP 111, 63) extinction law for any R_V, in the FM_UNRED form: the
// optical/IR curve is a natural cubic spline through anchors whose R_V dependence comes
// from E. Fitzpatrick's updated fits (as in the IDL astrolib FM_UNRED and the Python
// `extinction` package's `fitzpatrick99`, which made our fixtures), and the UV below
// 2700 Å is the Fitzpatrick & Massa (1990) form with F99's R_V-dependent c1, c2.
//
// Normalisation: A(λ)/A_V is the law's own scale, A_V ≡ R_V·E(B−V). Its optical anchors
// make A/A_V = 0.978 at 5500 Å, not exactly 1; we keep that (it is what the published
// theory curves and our fixtures use). E(B−V) everywhere in physics/ is this E.
#include "core/physics/natural_cubic_spline.h"

#include <span>
#include <vector>

namespace starlocus::core {

class Fitzpatrick99 {
public:
    // The form is defined from 910 Å to 6 µm (the `extinction` package's documented range;
    // F99 claims validity down to 1150 Å). Outside it we refuse rather than extrapolate.
    static constexpr double kMinWavelengthA = 910.0;
    static constexpr double kMaxWavelengthA = 60000.0;
    // F99 fits sight lines with 2.2 ≲ R_V ≲ 5.5 (its Fig. 7); the R_V-dependent anchors are
    // polynomial fits over that span, so we accept a slightly padded range and no more.
    static constexpr double kMinRv = 2.0;
    static constexpr double kMaxRv = 6.0;

    // Throws InputError("", "R_V", …) outside [kMinRv, kMaxRv] or for a non-finite value.
    explicit Fitzpatrick99(double rV = 3.1);

    double rV() const { return rV_; }

    // A(λ)/A_V. Throws InputError("", "wavelength_A", …) outside [kMinWavelengthA, kMaxWavelengthA].
    double aOverAv(double wavelengthA) const;

    // A(λ)/E(B−V) = R_V · A(λ)/A_V: the per-wavelength "k" of synthetic reddening (Eq. B19).
    double aOverEbv(double wavelengthA) const { return rV_ * aOverAv(wavelengthA); }

    std::vector<double> aOverEbv(std::span<const double> wavelengthsA) const;

private:
    // k(x) = E(λ−V)/E(B−V) on the FM90 UV form, x in µm⁻¹.
    double uvK(double xInvMicron) const;

    // Declared in initialisation order: c1 depends on c2 (F99 Eq. in §3).
    double rV_;
    double c2_;
    double c1_;
    NaturalCubicSpline optical_; // k(x) in the optical/IR, x = 1/λ in µm⁻¹
};

} // namespace starlocus::core
