// SPDX-License-Identifier: GPL-3.0-or-later
// The photometric fit (Eq. 19): the closed-form (μ, E) step and the node weights against
// brute-force numerical integration of the exact integrand (Gaussian photometry, Gaussian
// parallax in ϖ, E ≥ 0); a star with a band removed has a wider posterior; bad stars get a
// status instead of numbers; the Galactic prior against Jurić et al. (2008)'s closed form.
#include "core/inference/galactic_prior.h"
#include "core/inference/node_fit.h"
#include "core/inference/star_posterior.h"
#include "core/mock/passband_table.h"
#include "core/mock/star_physics.h"

#include <QTest>

#include <cmath>
#include <numbers>
#include <random>
#include <vector>

using namespace starlocus::core;

namespace {

// R of a ~5000 K star in the 13 bands (magnitude space), close to the published model's.
const std::array<double, kBandCount> kR{2.30, 2.95, 1.65, 3.55, 2.60, 1.95, 1.50, 1.25, 0.78, 0.50, 0.33, 0.19, 0.13};
const std::array<double, kBandCount> kM{4.80, 5.25, 4.20, 5.60, 4.95, 4.65, 4.50, 4.42, 3.55, 3.05, 2.95, 2.90, 2.92};

// A grid of `teffNodes` nodes along Teff (100 K apart) whose absolute magnitudes shift by
// `shiftPerNode` per node; log g and [Fe/H] have one node each.
LabelGrid lineGrid(std::size_t teffNodes, double shiftPerNode) {
    LabelGridSettings s;
    s.axes = {LabelGridAxis{5000.0, 100.0, teffNodes}, LabelGridAxis{4.5, 0.05, 1}, LabelGridAxis{0.0, 0.05, 1}};
    s.coarseStride = {1, 1, 1};
    s.prior = LabelPrior::Box;
    return buildLabelGrid(
        [&](const Eigen::Vector3d& theta, Vec13& m, Vec13& r) {
            const double k = (theta[0] - 5000.0) / 100.0;
            for (std::size_t b = 0; b < kBandCount; ++b) {
                // The shift grows with wavelength so that nodes differ in colour, not only in μ.
                m[Eigen::Index(b)] = kM[b] + shiftPerNode * k * (1.0 + 0.1 * double(b));
                r[Eigen::Index(b)] = kR[b];
            }
        },
        s, nullptr);
}

PhotometricStar starAt(double mu, double e, double sigma, double parallax, double parallaxErr, int bands = 13) {
    PhotometricStar star;
    for (int b = 0; b < bands; ++b) {
        // Deterministic "noise": residuals of ±0.6σ so the fit is not exact.
        const double noise = (b % 3 == 0 ? 0.6 : (b % 3 == 1 ? -0.4 : 0.2)) * sigma;
        star.mag[std::size_t(b)] = kM[std::size_t(b)] + mu + e * kR[std::size_t(b)] + noise;
        star.magErr[std::size_t(b)] = sigma;
    }
    star.parallaxMas = parallax;
    star.parallaxErrMas = parallaxErr;
    return star;
}

// Brute force over (node, μ, E): the exact integrand on a fine grid; marginal quantiles of μ
// and E, and the mass of each node.
struct BruteForce {
    std::vector<double> nodeMass;
    PosteriorInterval mu, e;
};

BruteForce integrate(const LabelGrid& grid, const PhotometricStar& star, double muLo, double muHi, double eHi) {
    constexpr int kMu = 1500, kE = 1500;
    const double dMu = (muHi - muLo) / kMu, dE = eHi / kE;
    std::vector<double> muMass(kMu, 0.0), eMass(kE, 0.0);
    BruteForce out;
    out.nodeMass.assign(grid.size(), 0.0);
    double total = 0.0;
    std::vector<double> logs(std::size_t(kMu) * kE * grid.size());
    double best = -1e300;
    std::size_t idx = 0;
    for (std::size_t node = 0; node < grid.size(); ++node)
        for (int i = 0; i < kMu; ++i)
            for (int j = 0; j < kE; ++j) {
                const double mu = muLo + (i + 0.5) * dMu, e = (j + 0.5) * dE;
                double chi2 = 0.0;
                for (std::size_t b = 0; b < kBandCount; ++b) {
                    if (!std::isfinite(star.mag[b]))
                        continue;
                    const double r = (star.mag[b] - grid.absMag(b, node) - mu - e * grid.extinction(b, node)) /
                                     star.magErr[b];
                    chi2 += r * r;
                }
                if (std::isfinite(star.parallaxMas) && star.parallaxMas > 0) {
                    const double d = (star.parallaxMas - std::pow(10.0, 2.0 - mu / 5.0)) / star.parallaxErrMas;
                    chi2 += d * d;
                }
                logs[idx++] = -0.5 * chi2;
                best = std::max(best, -0.5 * chi2);
            }
    idx = 0;
    for (std::size_t node = 0; node < grid.size(); ++node)
        for (int i = 0; i < kMu; ++i)
            for (int j = 0; j < kE; ++j) {
                const double w = std::exp(logs[idx++] - best);
                muMass[std::size_t(i)] += w;
                eMass[std::size_t(j)] += w;
                out.nodeMass[node] += w;
                total += w;
            }
    for (double& m : out.nodeMass)
        m /= total;
    auto quantile = [&](const std::vector<double>& mass, double lo, double step, double p) {
        double below = 0.0;
        for (std::size_t k = 0; k < mass.size(); ++k) {
            const double m = mass[k] / total;
            if (below + m >= p)
                return lo + step * (double(k) + (p - below) / m);
            below += m;
        }
        return lo + step * double(mass.size());
    };
    out.mu = {quantile(muMass, muLo, dMu, 0.5), quantile(muMass, muLo, dMu, 0.16), quantile(muMass, muLo, dMu, 0.84)};
    out.e = {quantile(eMass, 0.0, dE, 0.5), quantile(eMass, 0.0, dE, 0.16), quantile(eMass, 0.0, dE, 0.84)};
    return out;
}

void compareInterval(const char* what, const PosteriorInterval& got, const PosteriorInterval& want, double tolerance) {
    const double sigma = want.sigma();
    for (auto [g, w, q] : {std::tuple{got.lower, want.lower, "16 %"}, std::tuple{got.median, want.median, "median"},
                           std::tuple{got.upper, want.upper, "84 %"}})
        QVERIFY2(std::abs(g - w) <= tolerance * sigma,
                 qPrintable(QString("%1 %2: fit %3, integration %4 (σ %5)").arg(what, q).arg(g).arg(w).arg(sigma)));
}

} // namespace

class TestStarPosterior : public QObject {
    Q_OBJECT
private slots:
    void closedFormMatchesIntegration_data() {
        QTest::addColumn<double>("e");
        QTest::addColumn<double>("sigma");
        QTest::addColumn<double>("parallax");
        QTest::addColumn<double>("parallaxErr");
        QTest::addColumn<int>("bands");
        QTest::addColumn<double>("tolerance");
        // μ = 10 (1 kpc, ϖ = 1 mas).
        QTest::newRow("13 bands, parallax S/N 10") << 0.30 << 0.03 << 1.0 << 0.1 << 13 << 0.02;
        // Where E's posterior touches 0, μ's marginal within a node is skewed; the fit matches
        // its first two moments (star_posterior.cpp): 6 % of σ is that approximation's size.
        QTest::newRow("13 bands, E near 0 (truncated)") << 0.01 << 0.03 << 1.0 << 0.1 << 13 << 0.06;
        QTest::newRow("5 bands, parallax S/N 3") << 0.30 << 0.05 << 1.0 << 0.33 << 5 << 0.03;
        QTest::newRow("5 bands, no parallax") << 0.30 << 0.05 << std::nan("") << std::nan("") << 5 << 0.02;
    }
    void closedFormMatchesIntegration() {
        QFETCH(double, e);
        QFETCH(double, sigma);
        QFETCH(double, parallax);
        QFETCH(double, parallaxErr);
        QFETCH(int, bands);
        QFETCH(double, tolerance);
        const LabelGrid grid = lineGrid(1, 0.0);
        const PhotometricStar star = starAt(10.0, e, sigma, parallax, parallaxErr, bands);
        PosteriorWorkspace ws;
        const StarPosterior fit = fitStar(grid, PosteriorSettings{}, star, ws);
        QCOMPARE(fit.status, PosteriorStatus::Fitted);
        const BruteForce bf = integrate(grid, star, 9.0, 11.0, 1.2);
        compareInterval("μ", fit.mu, bf.mu, tolerance);
        compareInterval("E", fit.reddening, bf.e, tolerance);
        // The drawn marginals integrate to 1 and peak near the medians.
        PosteriorMarginals marginals;
        (void)fitStar(grid, PosteriorSettings{}, star, ws, &marginals, 200);
        for (const PosteriorMarginals::Axis* axis : {&marginals.mu, &marginals.reddening}) {
            double integral = 0.0;
            for (double d : axis->density)
                integral += d * (axis->max - axis->min) / double(axis->density.size());
            QVERIFY2(std::abs(integral - 1.0) < 0.01, qPrintable(QString("marginal integrates to %1").arg(integral)));
        }
        double joint = 0.0;
        const auto& map = marginals.muReddening;
        for (double d : map.density)
            joint += d * (map.x.max - map.x.min) * (map.y.max - map.y.min) / double(map.density.size());
        QVERIFY2(std::abs(joint - 1.0) < 0.02, qPrintable(QString("joint (μ, E) integrates to %1").arg(joint)));
        // Distance is μ's monotone transform.
        QVERIFY(std::abs(fit.distancePc.median - std::pow(10.0, fit.mu.median / 5.0 + 1.0)) < 1e-6 * fit.distancePc.median);
    }

    // Three nodes that explain the star differently well: their posterior masses (which the
    // Teff marginal shows cell by cell) against the integrated masses.
    void nodeWeightsMatchIntegration() {
        const LabelGrid grid = lineGrid(3, 0.02);
        const PhotometricStar star = starAt(10.0, 0.3, 0.03, 1.0, 0.1);
        PosteriorWorkspace ws;
        const StarPosterior fit = fitStar(grid, PosteriorSettings{}, star, ws);
        QCOMPARE(fit.status, PosteriorStatus::Fitted);
        const BruteForce bf = integrate(grid, star, 9.0, 11.0, 1.2);
        // The cell-uniform quantiles of three cells [4950, 5050), [5050, 5150), [5150, 5250).
        auto quantile = [&](double p) {
            double below = 0.0;
            for (std::size_t k = 0; k < 3; ++k) {
                if (below + bf.nodeMass[k] >= p)
                    return 4950.0 + 100.0 * (double(k) + (p - below) / bf.nodeMass[k]);
                below += bf.nodeMass[k];
            }
            return 5250.0;
        };
        QVERIFY2(bf.nodeMass[0] > 0.05 && bf.nodeMass[1] > 0.05, "the test needs more than one node with mass");
        for (auto [got, p] : {std::pair{fit.teff.lower, 0.16}, std::pair{fit.teff.median, 0.5}, std::pair{fit.teff.upper, 0.84}})
            QVERIFY2(std::abs(got - quantile(p)) < 2.0,
                     qPrintable(QString("Teff %1 %: fit %2 K, integration %3 K").arg(p * 100).arg(got).arg(quantile(p))));
    }

    // The search skips nodes by an upper bound of their ln-weight that needs no exp or log
    // per node, the parallax included through precomputed μ intervals. It must never lie below
    // the full fit's ln-weight (else nodes that matter are skipped), whatever the parallax's
    // S/N and its agreement with the photometry; where the parallax contradicts the
    // photometry it must also be tight enough to skip.
    void weightBoundNeverBelowTheFit() {
        const LabelGrid grid = lineGrid(40, 0.05);
        std::mt19937_64 rng(16);
        std::uniform_real_distribution<double> uniform(0.0, 1.0);
        std::size_t compared = 0, costly = 0, tight = 0;
        for (int trial = 0; trial < 400; ++trial) {
            const double mu = 6.0 + 10.0 * uniform(rng), e = 0.8 * uniform(rng), sigma = 0.01 + 0.09 * uniform(rng);
            // The parallax: true, or off by up to ±30 σ; S/N from 0.5 to 200.
            const double snr = std::exp(std::log(0.5) + uniform(rng) * std::log(400.0));
            const double truePi = std::pow(10.0, 2.0 - mu / 5.0), err = truePi / snr;
            const double parallax = truePi + (uniform(rng) - 0.5) * 60.0 * err;
            const PhotometricStar star = starAt(mu, e, sigma, parallax, err);
            inference::StarInput in;
            for (std::size_t b = 0; b < kBandCount; ++b) {
                in.band[b] = std::uint8_t(b);
                in.mag[b] = star.mag[b];
                in.weight[b] = 1.0 / (sigma * sigma);
                in.s0 += in.weight[b];
            }
            in.bands = int(kBandCount);
            if (parallax > 0.0)
                inference::setParallax(in, parallax, err);
            for (std::size_t node = 0; node < grid.size(); ++node) {
                const inference::NodeSums sums = inference::nodeSums(grid, in, node);
                const double bound = inference::weightBound(in, sums, grid.logPrior[node], DistancePrior::FlatMu);
                const inference::NodeFit fit = inference::fitNode(grid, PosteriorSettings{}, in, node, sums);
                if (!std::isfinite(fit.logWeight))
                    continue;
                ++compared;
                QVERIFY2(bound >= fit.logWeight - 1e-9 * std::abs(fit.logWeight),
                         qPrintable(QString("trial %1 node %2: bound %3 below the fit's ln-weight %4 (ϖ %5 ± %6)")
                                        .arg(trial).arg(node).arg(bound).arg(fit.logWeight).arg(parallax).arg(err)));
                if (in.parallax) {
                    // Where the parallax costs the node 10–40 in ln p (χ² 20–80, within the
                    // bound's levels), the bound must see at least half of it for most nodes (it
                    // leaves out the parallax's share of ln det and rounds χ² down to a level).
                    inference::StarInput photometryOnly = in;
                    photometryOnly.parallax = false;
                    const double loose = inference::weightBound(photometryOnly, sums, grid.logPrior[node], DistancePrior::FlatMu);
                    if (loose - fit.logWeight > 10.0 && loose - fit.logWeight < 40.0) {
                        ++costly;
                        tight += bound - fit.logWeight < 0.5 * (loose - fit.logWeight);
                    }
                }
            }
        }
        QVERIFY(compared > 10000);
        QVERIFY(costly > 1000);
        QVERIFY2(3 * tight > 2 * costly,
                 qPrintable(QString("%1 of %2 nodes that the parallax costs 10–40 had a tight bound").arg(tight).arg(costly)));
    }

    // Removing a band widens the posterior (on the synthetic sky's physics).
    void removingABandWidensThePosterior() {
        const PassbandTable table(false, 2.0);
        LabelGridSettings s;
        s.axes = {LabelGridAxis{4500.0, 25.0, 81}, LabelGridAxis{3.5, 0.05, 31}, LabelGridAxis{-1.0, 0.05, 31}};
        s.prior = LabelPrior::Box;
        const LabelGrid grid = buildLabelGrid(
            [&](const Eigen::Vector3d& theta, Vec13& m, Vec13& r) {
                const auto mag = absoluteMagnitudes(table, {theta[0], theta[1], theta[2]});
                for (std::size_t b = 0; b < kBandCount; ++b) {
                    m[Eigen::Index(b)] = mag[b];
                    r[Eigen::Index(b)] = table.reddeningCoefficient(b, theta[0]);
                }
            },
            s, nullptr);
        const std::array<double, 3> truth{5500.0, 4.4, -0.3};
        const auto mag = absoluteMagnitudes(table, truth);
        PhotometricStar star;
        for (std::size_t b = 0; b < kBandCount; ++b) {
            star.mag[b] = mag[b] + 10.0 + 0.2 * table.reddeningCoefficient(b, truth[0]);
            star.magErr[b] = 0.02;
        }
        star.parallaxMas = 1.0;
        star.parallaxErrMas = 0.05;
        PosteriorWorkspace ws;
        const StarPosterior all = fitStar(grid, PosteriorSettings{}, star, ws);
        QCOMPARE(all.status, PosteriorStatus::Fitted);
        // PS1 g carries most of the [Fe/H] signal (line blanketing in the blue).
        PhotometricStar fewer = star;
        fewer.mag[3] = std::nan("");
        const StarPosterior less = fitStar(grid, PosteriorSettings{}, fewer, ws);
        QCOMPARE(less.status, PosteriorStatus::Fitted);
        QCOMPARE(less.bandsUsed, all.bandsUsed - 1);
        QVERIFY2(less.feh.sigma() > 1.05 * all.feh.sigma(),
                 qPrintable(QString("[Fe/H] σ %1 without g, %2 with").arg(less.feh.sigma()).arg(all.feh.sigma())));
        for (auto [a, b] : {std::pair{all.teff.sigma(), less.teff.sigma()}, std::pair{all.logg.sigma(), less.logg.sigma()},
                            std::pair{all.reddening.sigma(), less.reddening.sigma()}})
            QVERIFY2(b >= 0.98 * a, qPrintable(QString("σ %1 without g, %2 with").arg(b).arg(a)));
        // And the truth lies inside ±3σ of the full fit.
        QVERIFY(std::abs(all.teff.median - truth[0]) < 3 * all.teff.sigma() + 25);
        QVERIFY(std::abs(all.feh.median - truth[2]) < 3 * all.feh.sigma() + 0.05);
    }

    void badStarsGetAStatusNotNumbers() {
        const LabelGrid grid = lineGrid(3, 0.02);
        PosteriorWorkspace ws;
        PhotometricStar noG = starAt(10.0, 0.3, 0.03, 1.0, 0.1);
        noG.mag[0] = std::nan("");
        StarPosterior p = fitStar(grid, PosteriorSettings{}, noG, ws);
        QCOMPARE(p.status, PosteriorStatus::MissingG);
        QVERIFY(std::isnan(p.teff.median) && std::isnan(p.mu.median));

        p = fitStar(grid, PosteriorSettings{}, starAt(10.0, 0.3, 0.03, 1.0, 0.1, 3), ws); // 3 bands + ϖ
        QCOMPARE(p.status, PosteriorStatus::TooFewMeasurements);
        p = fitStar(grid, PosteriorSettings{}, starAt(10.0, 0.3, 0.03, -1.0, 0.1, 4), ws); // 4 bands, ϖ < 0
        QCOMPARE(p.status, PosteriorStatus::TooFewMeasurements);
        QVERIFY(p.flags & kParallaxIgnored);

        p = fitStar(grid, PosteriorSettings{}, starAt(10.0, 0.3, 0.03, -0.5, 0.1), ws);
        QCOMPARE(p.status, PosteriorStatus::Fitted);
        QVERIFY(!p.parallaxUsed);
        QVERIFY(p.flags & kParallaxIgnored);
        p = fitStar(grid, PosteriorSettings{}, starAt(10.0, 0.3, 0.03, std::nan(""), std::nan("")), ws);
        QCOMPARE(p.status, PosteriorStatus::Fitted);
        QVERIFY(!(p.flags & kParallaxIgnored));

        PosteriorSettings galactic;
        galactic.distance = DistancePrior::Galactic;
        p = fitStar(grid, galactic, starAt(10.0, 0.3, 0.03, 1.0, 0.1), ws);
        QCOMPARE(p.status, PosteriorStatus::NoGalacticPosition);
        PosteriorSettings catalogE;
        catalogE.reddening = ReddeningPrior::Catalog;
        PhotometricStar zeroSigma = starAt(10.0, 0.3, 0.03, 1.0, 0.1);
        zeroSigma.priorE = 0.3;
        zeroSigma.priorSigmaE = 0.0;
        p = fitStar(grid, catalogE, zeroSigma, ws);
        QCOMPARE(p.status, PosteriorStatus::BadReddeningPrior);

        // Photometry no node can explain: fitted, but flagged, with the χ² reported.
        PhotometricStar odd = starAt(10.0, 0.3, 0.03, 1.0, 0.1);
        for (std::size_t b = 0; b < kBandCount; b += 2)
            odd.mag[b] += 0.5;
        p = fitStar(grid, PosteriorSettings{}, odd, ws);
        QCOMPARE(p.status, PosteriorStatus::Fitted);
        QVERIFY(p.flags & kPoorFit);
        QVERIFY(p.chi2 > 100.0);
        QCOMPARE(p.dof, 13 + 1 - 5);
    }

    // Jurić et al. (2008), Table 10: thin disk 1 at the Sun, thick disk 12 %, halo 0.51 %.
    void galacticDensityFollowsJuric2008() {
        const double halo = 0.0051 * std::pow(8000.0 / std::hypot(8000.0, 25.0 / 0.64), 2.77);
        QVERIFY(std::abs(galacticStellarDensity(8000.0, 25.0) - (1.0 + 0.12 + halo)) < 1e-12);
        // 300 pc higher: the thin disk falls by e, the thick disk by e^(1/3).
        const double h = 0.0051 * std::pow(8000.0 / std::hypot(8000.0, 325.0 / 0.64), 2.77);
        QVERIFY(std::abs(galacticStellarDensity(8000.0, 325.0) - (std::exp(-1.0) + 0.12 * std::exp(-1.0 / 3.0) + h)) < 1e-12);
        // Towards the north Galactic pole the prior per μ is ρ(z) d³: at 100 pc and 1 kpc.
        const double near = galacticLogDistancePrior(5.0, 0.0, 90.0), far = galacticLogDistancePrior(10.0, 0.0, 90.0);
        const double want = std::log(galacticStellarDensity(8000.0, 1025.0) / galacticStellarDensity(8000.0, 125.0)) +
                            3.0 * std::log(10.0);
        QVERIFY(std::abs((far - near) - want) < 1e-9);
    }
};

QTEST_APPLESS_MAIN(TestStarPosterior)
#include "test_star_posterior.moc"
