// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Interpolating cubic spline with "natural" ends (zero second derivative at both end
// knots). Fitzpatrick (1999) builds its optical/IR curve this way; the FM_UNRED routine
// and the Python `extinction` package (kbarbary) both use natural boundary conditions,
// and our fixtures come from the latter, so the end conditions matter at the 1e-3 level.
#include <vector>

namespace starlocus::core {

class NaturalCubicSpline {
public:
    // Knots must be strictly increasing and at least 3; throws InputError otherwise.
    NaturalCubicSpline(std::vector<double> x, std::vector<double> y);

    // Value at t. Outside the knots the end cubic piece is extrapolated; callers that have
    // a domain (e.g. Fitzpatrick99) check it themselves.
    double operator()(double t) const;

    const std::vector<double>& knots() const { return x_; }

private:
    std::vector<double> x_;
    std::vector<double> y_;
    std::vector<double> secondDerivative_; // M_i at each knot
};

} // namespace starlocus::core
