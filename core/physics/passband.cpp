// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/physics/passband.h"

#include "core/common/input_error.h"
#include "core/physics/number_text.h"
#include "core/physics/trapezoid.h"

#include <algorithm>
#include <cmath>

namespace starlocus::core {

Passband::Passband(std::string name, std::vector<double> wavelengthsA, std::vector<double> response,
                   std::string source)
    : name_(std::move(name)), source_(std::move(source)), wavelengthsA_(std::move(wavelengthsA)),
      response_(std::move(response)) {
    const std::string where = source_;
    if (wavelengthsA_.size() != response_.size())
        throw InputError(where, "wavelength",
                         "has " + std::to_string(wavelengthsA_.size()) + " values but response has " +
                             std::to_string(response_.size()));
    if (wavelengthsA_.size() < 2)
        throw InputError(where, "wavelength",
                         "a passband needs at least 2 points, got " + std::to_string(wavelengthsA_.size()));
    double peak = 0.0;
    for (std::size_t i = 0; i < wavelengthsA_.size(); ++i) {
        const double w = wavelengthsA_[i];
        const double s = response_[i];
        const std::string at = " at point " + std::to_string(i + 1);
        if (!std::isfinite(w) || w <= 0.0)
            throw InputError(where, "wavelength", "not a positive finite number" + at);
        if (i > 0 && !(w > wavelengthsA_[i - 1]))
            throw InputError(where, "wavelength",
                             "not strictly increasing" + at + " (" + numberText(w) + " after " +
                                 numberText(wavelengthsA_[i - 1]) + ")");
        if (!std::isfinite(s))
            throw InputError(where, "response", "not a finite number" + at);
        if (s < 0.0)
            throw InputError(where, "response", "negative value " + numberText(s) + at);
        peak = std::max(peak, s);
    }
    if (!(peak > 0.0))
        throw InputError(where, "response", "is zero everywhere");
    for (double& s : response_)
        s /= peak;
}

double Passband::pivotWavelengthA() const {
    const double num = trapezoid(wavelengthsA_, [&](std::size_t i) { return response_[i] * wavelengthsA_[i]; });
    const double den = trapezoid(wavelengthsA_, [&](std::size_t i) { return response_[i] / wavelengthsA_[i]; });
    return std::sqrt(num / den);
}

double Passband::meanWavelengthA() const {
    const double num = trapezoid(wavelengthsA_, [&](std::size_t i) { return response_[i] * wavelengthsA_[i]; });
    return num / equivalentWidthA();
}

double Passband::equivalentWidthA() const {
    return trapezoid(wavelengthsA_, [&](std::size_t i) { return response_[i]; });
}

} // namespace starlocus::core
