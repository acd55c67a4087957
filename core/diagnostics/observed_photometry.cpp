// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/diagnostics/observed_photometry.h"

#include <cmath>
#include <limits>

namespace starlocus::core {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

bool usableParallax(const Catalog& catalog, std::size_t i, double minSnr) {
    if (i >= catalog.parallaxMas.size() || i >= catalog.parallaxErrMas.size())
        return false;
    const double p = catalog.parallaxMas[i], e = catalog.parallaxErrMas[i];
    return std::isfinite(p) && std::isfinite(e) && p > 0.0 && e > 0.0 && p >= minSnr * e;
}

} // namespace

std::vector<double> observedColor(const Catalog& catalog, std::size_t bandX, std::size_t bandY) {
    std::vector<double> out(catalog.size(), kNaN);
    for (std::size_t i = 0; i < catalog.size(); ++i)
        out[i] = catalog.mag[i][bandX] - catalog.mag[i][bandY]; // NaN propagates
    return out;
}

std::vector<double> observedAbsoluteMagnitude(const Catalog& catalog, std::size_t band, double minParallaxOverError) {
    std::vector<double> out(catalog.size(), kNaN);
    for (std::size_t i = 0; i < catalog.size(); ++i)
        if (usableParallax(catalog, i, minParallaxOverError))
            out[i] = catalog.mag[i][band] + 5.0 * std::log10(catalog.parallaxMas[i]) - 10.0;
    return out;
}

std::size_t starsWithUsableParallax(const Catalog& catalog, double minParallaxOverError) {
    std::size_t n = 0;
    for (std::size_t i = 0; i < catalog.size(); ++i)
        n += usableParallax(catalog, i, minParallaxOverError) ? 1 : 0;
    return n;
}

} // namespace starlocus::core
