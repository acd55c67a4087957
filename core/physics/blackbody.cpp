// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/physics/blackbody.h"

#include "core/common/input_error.h"
#include "core/physics/number_text.h"

#include <cmath>

namespace starlocus::core {

double planckLambda(double wavelengthA, double teffK) {
    if (!std::isfinite(wavelengthA) || wavelengthA <= 0.0)
        throw InputError("", "wavelength_A", "must be a positive wavelength, got " + numberText(wavelengthA));
    if (!std::isfinite(teffK) || teffK <= 0.0)
        throw InputError("", "teff_K", "must be a positive temperature, got " + numberText(teffK));
    const double lambdaM = wavelengthA * 1.0e-10;
    const double x = kSecondRadiationConstantMK / (lambdaM * teffK);
    // expm1 keeps the Rayleigh–Jeans side exact (x ≪ 1). Far on the Wien side
    // 1/(eˣ − 1) = e⁻ˣ to double precision (x > 40), and writing it so cannot overflow.
    const double occupation = x > 40.0 ? std::exp(-x) : 1.0 / std::expm1(x);
    const double lambda5 = lambdaM * lambdaM * lambdaM * lambdaM * lambdaM;
    return 2.0 * kPlanckConstantJs * kSpeedOfLightMPerS * kSpeedOfLightMPerS / lambda5 * occupation;
}

} // namespace starlocus::core
