// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/inference/photometric_star.h"

namespace starlocus::core {

PhotometricStar photometricStarOf(const Catalog& catalog, std::size_t i) {
    PhotometricStar star;
    star.mag = catalog.mag[i];
    star.magErr = catalog.magErr[i];
    star.parallaxMas = catalog.parallaxMas[i];
    star.parallaxErrMas = catalog.parallaxErrMas[i];
    star.priorE = catalog.reddening[i];
    star.priorSigmaE = catalog.reddeningErr[i];
    if (catalog.galacticL && catalog.galacticB) {
        star.galacticLDeg = (*catalog.galacticL)[i];
        star.galacticBDeg = (*catalog.galacticB)[i];
    }
    return star;
}

} // namespace starlocus::core
