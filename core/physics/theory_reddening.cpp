// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/physics/theory_reddening.h"

#include "core/common/input_error.h"
#include "core/physics/number_text.h"

#include <cmath>

namespace starlocus::core {

TheoryReddening theoryReddening(const BandExtinction& band, std::span<const double> teffK,
                                double referenceTeffK, double ebv) {
    TheoryReddening out;
    out.referenceTeffK = referenceTeffK;
    out.ebv = ebv;
    out.referenceR = band.finiteReddeningCoefficient(referenceTeffK, ebv);
    out.teffK.assign(teffK.begin(), teffK.end());
    out.r.reserve(teffK.size());
    out.deltaROverR.reserve(teffK.size());
    for (const double t : teffK) {
        const double r = band.finiteReddeningCoefficient(t, ebv);
        out.r.push_back(r);
        out.deltaROverR.push_back(r / out.referenceR - 1.0);
    }
    return out;
}

double rebaseDeltaROverR(double deltaROverR, double x0) {
    if (!std::isfinite(x0) || !(1.0 + x0 > 0.0))
        throw InputError("", "dRR_at_new_reference",
                         "1 + ΔR/R at the new reference must be positive, got ΔR/R = " + numberText(x0));
    return (1.0 + deltaROverR) / (1.0 + x0) - 1.0;
}

std::vector<double> rebaseDeltaROverR(std::span<const double> deltaROverR, double x0) {
    std::vector<double> out;
    out.reserve(deltaROverR.size());
    for (const double x : deltaROverR)
        out.push_back(rebaseDeltaROverR(x, x0));
    return out;
}

std::vector<double> deltaROverRRelativeTo(const TheoryReddening& curve, double r0) {
    if (!std::isfinite(r0) || r0 == 0.0)
        throw InputError("", "R0", "the new reference R must be finite and non-zero, got " + numberText(r0));
    std::vector<double> out;
    out.reserve(curve.r.size());
    for (const double r : curve.r)
        out.push_back(r / r0 - 1.0);
    return out;
}

} // namespace starlocus::core
