// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/catalog/catalog.h"

#include <limits>

namespace starlocus::core {

void Catalog::resize(std::size_t n) {
    constexpr double nan = std::numeric_limits<double>::quiet_NaN();
    std::array<double, kBandCount> unobserved;
    unobserved.fill(nan);
    theta.resize(n, {nan, nan, nan});
    thetaCov.resize(n, {0, 0, 0, 0, 0, 0, 0, 0, 0});
    mag.resize(n, unobserved);
    magErr.resize(n, unobserved);
    reddening.resize(n, 0.0);
    reddeningErr.resize(n, 0.0);
    parallaxMas.resize(n, nan);
    parallaxErrMas.resize(n, nan);
    atmSource.resize(n);
    rSource.resize(n);
}

} // namespace starlocus::core
