// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/physics/natural_cubic_spline.h"

#include "core/common/input_error.h"

#include <algorithm>
#include <cmath>

namespace starlocus::core {

NaturalCubicSpline::NaturalCubicSpline(std::vector<double> x, std::vector<double> y)
    : x_(std::move(x)), y_(std::move(y)) {
    const std::size_t n = x_.size();
    if (n < 3 || y_.size() != n)
        throw InputError("", "knots", "a natural cubic spline needs at least 3 (x, y) pairs");
    for (std::size_t i = 0; i + 1 < n; ++i)
        if (!(x_[i + 1] > x_[i]) || !std::isfinite(x_[i]) || !std::isfinite(y_[i]))
            throw InputError("", "knots", "spline knots must be finite and strictly increasing");

    // Standard tridiagonal system for the second derivatives M_i (Numerical Recipes §3.3)
    // with M_0 = M_{n-1} = 0, solved by the Thomas algorithm.
    std::vector<double> sub(n, 0.0), diag(n, 1.0), sup(n, 0.0), rhs(n, 0.0);
    for (std::size_t i = 1; i + 1 < n; ++i) {
        const double hPrev = x_[i] - x_[i - 1];
        const double hNext = x_[i + 1] - x_[i];
        sub[i] = hPrev / 6.0;
        diag[i] = (hPrev + hNext) / 3.0;
        sup[i] = hNext / 6.0;
        rhs[i] = (y_[i + 1] - y_[i]) / hNext - (y_[i] - y_[i - 1]) / hPrev;
    }
    for (std::size_t i = 1; i < n; ++i) {
        const double w = sub[i] / diag[i - 1];
        diag[i] -= w * sup[i - 1];
        rhs[i] -= w * rhs[i - 1];
    }
    secondDerivative_.assign(n, 0.0);
    secondDerivative_[n - 1] = rhs[n - 1] / diag[n - 1];
    for (std::size_t i = n - 1; i-- > 0;)
        secondDerivative_[i] = (rhs[i] - sup[i] * secondDerivative_[i + 1]) / diag[i];
}

double NaturalCubicSpline::operator()(double t) const {
    const std::size_t n = x_.size();
    // Interval [lo, lo+1] containing t, clamped to the end intervals for extrapolation.
    const auto it = std::upper_bound(x_.begin(), x_.end(), t);
    std::size_t hi = static_cast<std::size_t>(it - x_.begin());
    hi = std::clamp<std::size_t>(hi, 1, n - 1);
    const std::size_t lo = hi - 1;
    const double h = x_[hi] - x_[lo];
    const double a = (x_[hi] - t) / h;
    const double b = (t - x_[lo]) / h;
    return a * y_[lo] + b * y_[hi] +
           ((a * a * a - a) * secondDerivative_[lo] + (b * b * b - b) * secondDerivative_[hi]) * h * h / 6.0;
}

} // namespace starlocus::core
