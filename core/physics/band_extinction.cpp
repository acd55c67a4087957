// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/physics/band_extinction.h"

#include "core/common/input_error.h"
#include "core/physics/number_text.h"
#include "core/physics/trapezoid.h"

#include <cmath>

namespace starlocus::core {
namespace {

double checkedEbv(double ebv) {
    if (!std::isfinite(ebv))
        throw InputError("", "E(B-V)", "must be a finite reddening, got " + numberText(ebv));
    return ebv;
}

} // namespace

BandExtinction::BandExtinction(const Passband& band, const Fitzpatrick99& law)
    : band_(band), rV_(law.rV()), k_([&] {
          try {
              return law.aOverEbv(band.wavelengthsA());
          } catch (const InputError& e) {
              // Say which passband left the law's domain, and keep the field name.
              throw InputError(band.source(), e.field(), "passband '" + band.name() + "': " + e.reason());
          }
      }()) {}

double BandExtinction::reddeningCoefficient(double teffK) const {
    const std::vector<double> f = blackbodyOnGrid(band_, teffK);
    return reddeningCoefficient(std::span<const double>(f));
}

double BandExtinction::reddeningCoefficient(std::span<const double> f) const {
    return photonWeightedMean(band_, f, k_);
}

double BandExtinction::extinctionMag(double teffK, double ebv) const {
    const std::vector<double> f = blackbodyOnGrid(band_, teffK);
    return extinctionMag(std::span<const double>(f), ebv);
}

double BandExtinction::extinctionMag(std::span<const double> f, double ebv) const {
    checkedEbv(ebv);
    // Eq. B19: the attenuation factor 10^(−0.4 E k) inside the photon-weighted average.
    std::vector<double> attenuation(k_.size());
    for (std::size_t i = 0; i < k_.size(); ++i)
        attenuation[i] = std::pow(10.0, -0.4 * ebv * k_[i]);
    return -2.5 * std::log10(photonWeightedMean(band_, f, attenuation));
}

double BandExtinction::finiteReddeningCoefficient(double teffK, double ebv) const {
    if (checkedEbv(ebv) == 0.0)
        return reddeningCoefficient(teffK);
    return extinctionMag(teffK, ebv) / ebv;
}

} // namespace starlocus::core
