// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/inference/star_input.h"

#include "core/likelihood/star_observation.h"

#include <cmath>

namespace starlocus::core::inference {
namespace {

// Five unknowns (θ, μ, E): fewer measurements cannot constrain them.
constexpr int kMinMeasurements = 5;

} // namespace

void setParallax(StarInput& in, double parallaxMas, double parallaxErrMas) {
    in.parallax = true;
    in.parallaxMas = parallaxMas;
    in.parallaxVarInv = 1.0 / (parallaxErrMas * parallaxErrMas);
    // μ(ϖ) = 10 − 5 log10 ϖ; below ϖ = 0 the interval has no upper end.
    auto muOf = [](double varpi) { return varpi > 0.0 ? 10.0 - 5.0 * std::log10(varpi) : kInf; };
    for (std::size_t i = 0; i < kParallaxBoundLevels.size(); ++i) {
        const double reach = std::sqrt(kParallaxBoundLevels[i]) * parallaxErrMas;
        in.parallaxMuLo[i] = muOf(parallaxMas + reach);
        in.parallaxMuHi[i] = muOf(parallaxMas - reach);
    }
}

PosteriorStatus prepareStarInput(const PhotometricStar& star, const PosteriorSettings& settings, StarInput& in,
                                 StarPosterior& out) {
    // The measurements, by the catalog's rules (star_observation.h): a band is used when its
    // magnitude and error are finite, the error in [10⁻⁴, 0.2] mag and the magnitude in range.
    for (std::size_t b = 0; b < kBandCount; ++b) {
        const double m = star.mag[b], s = star.magErr[b];
        if (!std::isfinite(m) || !std::isfinite(s) || s < kMinMagnitudeError || s > kMaxMagnitudeError ||
            m < kBrightestMagnitude || m > kFaintestMagnitude)
            continue;
        in.band[std::size_t(in.bands)] = std::uint8_t(b);
        in.mag[std::size_t(in.bands)] = m;
        in.weight[std::size_t(in.bands)] = 1.0 / (s * s);
        in.s0 += 1.0 / (s * s);
        ++in.bands;
        if (b > 0)
            in.channels[std::size_t(in.channelCount++)] = std::uint8_t(b);
    }
    out.bandsUsed = in.bands;
    if (in.bands == 0 || in.band[0] != 0) {
        return PosteriorStatus::MissingG;
    }
    const double pm = star.parallaxMas, ps = star.parallaxErrMas;
    if (std::isfinite(pm) && std::isfinite(ps) && pm > 0.0 && pm <= kMaxParallaxMas && ps >= kMinParallaxErrorMas) {
        setParallax(in, pm, ps);
        in.channels[std::size_t(in.channelCount++)] = std::uint8_t(kParallaxChannel);
    } else if (std::isfinite(pm) || std::isfinite(ps)) {
        out.flags |= kParallaxIgnored;
    }
    out.parallaxUsed = in.parallax;
    const int measurements = in.bands + (in.parallax ? 1 : 0);
    out.dof = measurements - kMinMeasurements;
    if (measurements < kMinMeasurements) {
        return PosteriorStatus::TooFewMeasurements;
    }
    if (settings.distance == DistancePrior::Galactic) {
        if (!std::isfinite(star.galacticLDeg) || !std::isfinite(star.galacticBDeg) || std::abs(star.galacticBDeg) > 90.0) {
            return PosteriorStatus::NoGalacticPosition;
        }
        in.galactic = true;
        in.l = star.galacticLDeg;
        in.b = star.galacticBDeg;
    }
    if (settings.reddening == ReddeningPrior::Catalog) {
        if (!std::isfinite(star.priorE) || !std::isfinite(star.priorSigmaE) || !(star.priorSigmaE > 0.0) ||
            std::abs(star.priorE) > kMaxAbsReddeningPrior) {
            return PosteriorStatus::BadReddeningPrior;
        }
        in.ePrior = true;
        in.ePriorMean = star.priorE;
        in.ePriorPrecision = 1.0 / (star.priorSigmaE * star.priorSigmaE);
    }
    return PosteriorStatus::Fitted;
}

} // namespace starlocus::core::inference
