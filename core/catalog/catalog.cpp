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
    // The optional columns follow the catalog's length when it has them.
    for (auto* column : {&reddeningFit, &reddeningFitVar, &galacticL, &galacticB})
        if (*column)
            (*column)->resize(n, nan);
}

void Catalog::copyStar(const Catalog& other, std::size_t from, std::size_t to) {
    theta[to] = other.theta[from];
    thetaCov[to] = other.thetaCov[from];
    mag[to] = other.mag[from];
    magErr[to] = other.magErr[from];
    reddening[to] = other.reddening[from];
    reddeningErr[to] = other.reddeningErr[from];
    parallaxMas[to] = other.parallaxMas[from];
    parallaxErrMas[to] = other.parallaxErrMas[from];
    atmSource[to] = other.atmSource[from];
    rSource[to] = other.rSource[from];
    if (reddeningFit && other.reddeningFit)
        (*reddeningFit)[to] = (*other.reddeningFit)[from];
    if (reddeningFitVar && other.reddeningFitVar)
        (*reddeningFitVar)[to] = (*other.reddeningFitVar)[from];
    if (galacticL && other.galacticL)
        (*galacticL)[to] = (*other.galacticL)[from];
    if (galacticB && other.galacticB)
        (*galacticB)[to] = (*other.galacticB)[from];
}

} // namespace starlocus::core
