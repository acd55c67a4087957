// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/mock/reddening_prior.h"

#include <cmath>

namespace starlocus::core {

std::string_view reddeningRegimeName(ReddeningRegime regime) {
    switch (regime) {
    case ReddeningRegime::Sfd:
        return "sfd";
    case ReddeningRegime::Bayestar19:
        return "b19";
    case ReddeningRegime::Default:
        break;
    }
    return "default";
}

ReddeningPrior drawReddeningPrior(const StarPosition& p, double parallaxMas, double parallaxErrMas,
                                  double sigmaScale, CounterRandom& random) {
    constexpr double kMidplaneKpc = 0.4, kFootprintDecDeg = -30.0, kMinParallaxSnr = 5.0, kFloor = 0.02;
    const double trueE = p.dust.reddening;
    // §3.3: the distance of the 5σ upper bound on parallax (the nearest plausible distance).
    const double upperParallax = parallaxMas + 5.0 * parallaxErrMas;
    const double nearestKpc = upperParallax > 0.0 ? 1.0 / upperParallax : INFINITY;
    ReddeningPrior prior;
    double sigma = 0.0;
    if (nearestKpc * p.line.sinAbsB() > kMidplaneKpc) {
        prior.regime = ReddeningRegime::Sfd;
        sigma = 0.1 * p.dust.toInfinity;
    } else if (p.line.declinationDeg() > kFootprintDecDeg && parallaxMas > kMinParallaxSnr * parallaxErrMas) {
        prior.regime = ReddeningRegime::Bayestar19;
        const double distanceErrKpc = p.distanceKpc * p.distanceKpc * parallaxErrMas;
        const double fromDistance = p.dust.perKpc * distanceErrKpc;
        sigma = std::sqrt(fromDistance * fromDistance + 0.01 * trueE * trueE);
    } else {
        prior.regime = ReddeningRegime::Default;
        sigma = p.dust.toInfinity;
    }
    prior.sigma = sigmaScale * std::sqrt(sigma * sigma + kFloor * kFloor);
    prior.mean = trueE + prior.sigma * random.normal();
    return prior;
}

} // namespace starlocus::core
