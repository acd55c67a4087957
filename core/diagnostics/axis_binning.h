// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Uniform bins along one axis: `count` bins of equal width between `min` and `max`. The
// upper edge belongs to the last bin (as numpy.histogram does), so a value exactly at `max`
// is counted. Index look-up is O(1), which keeps a 10⁶-point map well under 100 ms.
#include <cmath>
#include <cstddef>
#include <vector>

namespace starlocus::core {

struct AxisBinning {
    double min = 0.0;
    double max = 1.0;
    std::size_t count = 1;

    bool valid() const { return count > 0 && std::isfinite(min) && std::isfinite(max) && max > min; }
    double width() const { return (max - min) / double(count); }
    double centre(std::size_t k) const { return min + (double(k) + 0.5) * width(); }
    std::vector<double> edges() const {
        std::vector<double> e(count + 1);
        for (std::size_t k = 0; k <= count; ++k)
            e[k] = k == count ? max : min + double(k) * width();
        return e;
    }
    std::vector<double> centres() const {
        std::vector<double> c(count);
        for (std::size_t k = 0; k < count; ++k)
            c[k] = centre(k);
        return c;
    }
    // Bin of v, or `count` when v is outside [min, max] or not finite.
    std::size_t index(double v) const {
        if (!(v >= min && v <= max)) // also false for NaN
            return count;
        const auto k = static_cast<std::size_t>((v - min) / (max - min) * double(count));
        return k < count ? k : count - 1;
    }
};

} // namespace starlocus::core
