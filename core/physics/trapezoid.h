// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Trapezoid rule on a passband's own wavelength grid. Every band integral in physics/ uses
// it, on the curve's native samples and with no resampling: this is the convention of the
// reference calculation (shared reference/scripts/refcalc.py, numpy-style trapezoid), so the
// theory ΔR/R curves agree with the fixtures to ~1e-6 rather than to the quadrature error.
#include <cstddef>
#include <vector>

namespace starlocus::core {

// ∫ f dλ ≈ Σ ½ (f_i + f_{i+1}) (λ_{i+1} − λ_i), with f given by index.
template <class F> double trapezoid(const std::vector<double>& x, F&& valueAt) {
    double sum = 0.0;
    double previous = valueAt(std::size_t{0});
    for (std::size_t i = 1; i < x.size(); ++i) {
        const double current = valueAt(i);
        sum += 0.5 * (previous + current) * (x[i] - x[i - 1]);
        previous = current;
    }
    return sum;
}

} // namespace starlocus::core
