// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/mock/mock_sky.h"

#include "core/catalog/label_statistics.h"

#include "core/common/input_error.h"
#include "core/common/parallel_for.h"
#include "core/common/counter_random.h"
#include "core/mock/galactic_disk.h"
#include "core/mock/reddening_prior.h"
#include "core/mock/star_physics.h"
#include "core/mock/stellar_population.h"
#include "core/mock/survey_noise.h"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace starlocus::core {
namespace {

constexpr std::size_t kChunkStars = 2048;      // parallelFor chunk (fixed: results do not depend on it)
constexpr std::size_t kProgressStars = 65536;  // stars between progress calls

// A star whose catalog labels belong elsewhere: Teff off by 400–900 K, log g by 0.4–1.0
// dex and [Fe/H] by 0.2–0.5 dex, each in a random direction (a mis-matched spectrum).
std::array<double, 3> wrongLabels(const std::array<double, 3>& theta, CounterRandom& random) {
    auto shift = [&](double lo, double hi) { return (random.uniform() < 0.5 ? -1.0 : 1.0) * random.uniform(lo, hi); };
    return {theta[0] + shift(400.0, 900.0), theta[1] + shift(0.4, 1.0), theta[2] + shift(0.2, 0.5)};
}

} // namespace

void MockTruth::resize(std::size_t n) {
    theta.resize(n);
    reddening.resize(n);
    distanceModulus.resize(n);
    absMag.resize(n);
    reddeningVector.resize(n);
    extinction.resize(n);
    outlier.resize(n, MockOutlier::None);
    branch.resize(n);
}

MockSky::MockSky(const MockSkyConfig& config, std::uint64_t seed, const Progress& progress)
    : config_(config), seed_(seed) {
    config_.validate();
    const std::size_t n = config_.starCount;
    const PassbandTable table(config_.extinction == ExtinctionMode::Exact, config_.maxReddening);
    catalog_.resize(n);
    // Each star's sight line, so a written mock carries l, b (the Galactic distance prior).
    catalog_.galacticL.emplace(n, 0.0);
    catalog_.galacticB.emplace(n, 0.0);
    catalog_.sourceFile = "mock sky (seed " + std::to_string(seed) + ")";
    truth_.resize(n);
    for (std::size_t begin = 0; begin < n; begin += kProgressStars) {
        const std::size_t end = std::min(n, begin + kProgressStars);
        parallelFor(end - begin, kChunkStars, [&](std::size_t b, std::size_t e) { generate(table, begin + b, begin + e); });
        if (progress && !progress(end, n))
            throw MockSkyCancelled();
    }
    normalization_ = labelNormalizationOf(catalog_);
    catalog_.labelMedian = normalization_.median;
    catalog_.labelStd = normalization_.stddev;
}

void MockSky::generate(const PassbandTable& table, std::size_t begin, std::size_t end) {
    const MockSkyConfig& c = config_;
    const bool linear = c.extinction == ExtinctionMode::Linear;
    for (std::size_t i = begin; i < end; ++i) {
        CounterRandom random(seed_, i);
        const StellarLabels labels = drawStellarLabels(c, random);
        const std::array<double, 3>& theta = labels.theta;
        const double teff = theta[0];
        const std::array<double, kBandCount> absMag = absoluteMagnitudes(table, theta);

        // Outliers: binaries only among dwarfs and subgiants (a dwarf companion of a giant
        // adds almost no light); wrong labels among all stars.
        const bool canBeBinary = labels.branch == Branch::Dwarf || labels.branch == Branch::Subgiant;
        const double u = random.uniform();
        MockOutlier outlier = MockOutlier::None;
        if (canBeBinary && u < c.binaryFraction)
            outlier = MockOutlier::UnresolvedBinary;
        else if (u >= (canBeBinary ? c.binaryFraction : 0.0) &&
                 u < (canBeBinary ? c.binaryFraction : 0.0) + c.wrongLabelFraction)
            outlier = MockOutlier::WrongLabels;
        std::array<double, kBandCount> emitted = absMag;
        if (outlier == MockOutlier::UnresolvedBinary) {
            const double teff2 = teff * random.uniform(0.75, 1.0);
            emitted = combinedLight(absMag, absoluteMagnitudes(table, {teff2, mainSequenceLogg(teff2), theta[2]}));
        }

        std::array<double, kBandCount> r{};
        for (std::size_t b = 0; b < kBandCount; ++b)
            r[b] = table.reddeningCoefficient(b, teff);
        auto extinctionIn = [&](std::size_t b, double e) { return linear ? e * r[b] : table.extinctionMag(b, teff, e); };
        const double scaleHeight =
            labels.component == DiskComponent::Thin ? kThinDiskScaleHeightKpc : kThickDiskScaleHeightKpc;
        const std::string_view survey = drawAtmSource(c.apogeeFraction, c.galahFraction, random);
        const StarPosition pos = drawStarPosition(c, emitted[0], scaleHeight, surveyFootprint(survey), random,
                                                  [&](double e) { return extinctionIn(0, e); });
        const double mu = 5.0 * std::log10(pos.distanceKpc) + 10.0;
        (*catalog_.galacticL)[i] = pos.line.lRad * (180.0 / std::numbers::pi);
        (*catalog_.galacticB)[i] = std::asin(std::clamp(pos.line.sinB, -1.0, 1.0)) * (180.0 / std::numbers::pi);
        const double e = pos.dust.reddening;

        // Photometry: band coverage as in Table 1, then m̂ = m + σ·n with the written σ.
        std::array<double, kBandCount> extinction{};
        for (std::size_t b = 0; b < kBandCount; ++b) {
            extinction[b] = extinctionIn(b, e);
            const double mag = emitted[b] + mu + extinction[b];
            const bool observed = random.uniform() < kTable1BandCoverage[b];
            const double sigma = photometricErrorMag(b, mag);
            const double noisy = mag + sigma * random.normal();
            if (observed) {
                catalog_.mag[i][b] = noisy;
                catalog_.magErr[i][b] = sigma;
            }
        }

        // Parallax: Gaia-like σ at the star's true G; some S/N < 5, some negative.
        const double parallaxErr = c.parallaxErrorScale * parallaxErrorMas(emitted[0] + mu + extinction[0]);
        const double parallax = 1.0 / pos.distanceKpc + parallaxErr * random.normal();
        catalog_.parallaxMas[i] = parallax;
        catalog_.parallaxErrMas[i] = parallaxErr;

        // Labels: the survey's covariance, drawn around the true (or, for an outlier, the wrong) θ.
        std::array<double, 9> cov = drawLabelCovariance(survey, random);
        for (double& v : cov)
            v *= c.labelErrorScale * c.labelErrorScale;
        const std::array<double, 3> centre = outlier == MockOutlier::WrongLabels ? wrongLabels(theta, random) : theta;
        catalog_.theta[i] = drawCorrelated(centre, cov, random);
        catalog_.thetaCov[i] = cov;
        catalog_.atmSource[i] = std::string(survey);

        const ReddeningPrior prior =
            drawReddeningPrior(pos, parallax, parallaxErr, c.reddeningPriorErrorScale, random);
        catalog_.reddening[i] = prior.mean;
        catalog_.reddeningErr[i] = prior.sigma;
        catalog_.rSource[i] = std::string(reddeningRegimeName(prior.regime));

        truth_.theta[i] = theta;
        truth_.reddening[i] = e;
        truth_.distanceModulus[i] = mu;
        truth_.absMag[i] = absMag;
        truth_.reddeningVector[i] = r;
        truth_.extinction[i] = extinction;
        truth_.outlier[i] = outlier;
        truth_.branch[i] = std::uint8_t(labels.branch);
    }
}

} // namespace starlocus::core
