// SPDX-License-Identifier: GPL-3.0-or-later
// Eqs. 8–9 against their scalar closed form, the clip at 0 and the variance floor, and the
// closed-form inverse (Sherman–Morrison + Woodbury) against a dense Cholesky solve of the
// explicit C_pred on stars with every pattern of dropped entries.
#include "core/likelihood/reddening_update.h"
#include "core/likelihood/star_covariance.h"
#include "tests/core/io/catalog_fixtures.h"
#include "tests/support/toy_model.h"

#include <QTest>

#include <Eigen/Cholesky>

#include <cmath>
#include <random>

using namespace starlocus::core;

class TestReddeningUpdate : public QObject {
    Q_OBJECT

    // A star with only G and BP observed and no usable parallax: one kept entry, the
    // colour BP − G, so Eq. 8 reduces to a scalar Gaussian product.
    Catalog oneColourStar(double observedColourExcess, double priorE, double sigmaE) {
        Catalog cat = starlocus::test::makeCleanCatalog(1);
        for (std::size_t b = 2; b < 13; ++b)
            cat.mag[0][b] = std::nan("");
        cat.parallaxMas[0] = -1.0;
        cat.magErr[0][0] = 0.02;
        cat.magErr[0][1] = 0.03;
        const Vec13 m = starlocus::test::toySunMagnitudes();
        cat.mag[0][0] = m[0] + 10.0;
        cat.mag[0][1] = m[1] + 10.0 + observedColourExcess;
        cat.reddening[0] = priorE;
        cat.reddeningErr[0] = sigmaE;
        return cat;
    }

    // A linear stellar sector whose colours move with all three labels (so C_pred's label
    // term has rank three) and a label-dependent R.
    static StellarModel tiltedModel() {
        std::mt19937 rng(7);
        std::uniform_real_distribution<double> u(-0.4, 0.4);
        const Vec13 bm = toColorSpace(starlocus::test::toySunMagnitudes());
        const Vec13 r = starlocus::test::toyExtinction();
        DenseLayer out{"BM", 3, 13, WeightVector(39), WeightVector(13), Activation::Linear};
        DenseLayer ext{"R", 3, 13, WeightVector(39), WeightVector(13), Activation::Exponential};
        for (std::size_t b = 0; b < 13; ++b) {
            out.bias[b] = bm[Eigen::Index(b)];
            ext.bias[b] = std::log(r[Eigen::Index(b)]);
            for (std::size_t k = 0; k < 3; ++k) {
                out.kernel[k * 13 + b] = u(rng);
                ext.kernel[k * 13 + b] = 0.1 * u(rng);
            }
        }
        LabelNormalization norm;
        norm.median = {5780.0, 4.44, 0.0};
        norm.stddev = {1000.0, 1.0, 0.5};
        return StellarModel(norm, {}, out, ext, {"test", "tilted", "", ""});
    }

private slots:
    void closedFormInverseMatchesDenseSolve() {
        const StellarModel model = tiltedModel();
        Catalog cat = starlocus::test::makeCleanCatalog(6);
        std::mt19937 rng(11);
        std::normal_distribution<double> noise(0.0, 0.05);
        for (std::size_t i = 0; i < cat.size(); ++i) {
            cat.theta[i] = {5200.0 + 150.0 * double(i), 4.0 + 0.05 * double(i), -0.3 + 0.1 * double(i)};
            // Correlated labels, as spectroscopic pipelines report them.
            cat.thetaCov[i] = {150.0 * 150.0, 0.6 * 150.0 * 0.2, -0.3 * 150.0 * 0.1, 0.6 * 150.0 * 0.2, 0.2 * 0.2,
                               0.2 * 0.2 * 0.1, -0.3 * 150.0 * 0.1, 0.2 * 0.2 * 0.1, 0.1 * 0.1};
            for (std::size_t b = 0; b < 13; ++b) {
                cat.mag[i][b] += 0.3 * starlocus::test::toyExtinction()[Eigen::Index(b)] + noise(rng);
                cat.magErr[i][b] = 0.02 + 0.01 * double((b + i) % 4);
            }
            cat.reddening[i] = 0.25;
            cat.reddeningErr[i] = 0.1;
        }
        cat.parallaxMas[1] = -0.3;                   // c₀ dropped
        cat.mag[2][4] = cat.mag[2][9] = std::nan(""); // two colours dropped
        cat.parallaxMas[3] = 0.1;                    // c₀ dropped (S/N 2) and
        for (std::size_t b = 8; b < 13; ++b)         // no 2MASS, no unWISE
            cat.mag[3][b] = std::nan("");
        cat.magErr[4][12] = 0.5;                     // W2 above the error cut
        for (std::size_t b = 2; b < 13; ++b)         // only G and BP, no parallax
            cat.mag[5][b] = std::nan("");
        cat.parallaxMas[5] = std::nan("");
        for (std::size_t i = 0; i < cat.size(); ++i) {
            const StarObservation obs = observeStar(cat, i, model.normalization());
            QVERIFY(obs.usable());
            const ModelEvaluation eval = model.evaluateNormalized(obs.x, true);
            // Reference: the kept block of C_pred (Eq. 4, Ê = σ_E = 0) built term by term and
            // solved by Eigen's Cholesky.
            const KeptMatrix cPred = keptBlock(obs, colorSpaceCovariance(obs, eval, 0.0, 0.0));
            const Eigen::LLT<KeptMatrix> llt(cPred);
            QCOMPARE(llt.info(), Eigen::Success);
            const KeptVector br = keptEntries(obs, toColorSpace(eval.extinction));
            const KeptVector dc = keptEntries(obs, obs.target - eval.colorMagnitudes);
            const double a = br.dot(llt.solve(br)), b = br.dot(llt.solve(dc));
            const double prior = 1.0 / (0.1 * 0.1);
            const double mean = (0.25 * prior + b) / (a + prior), variance = 1.0 / (a + prior);
            const auto post = refitReddening(obs, eval, ReddeningUpdateSettings{0.0, 0.0}); // no floor
            QVERIFY(post.has_value());
            QVERIFY2(mean > 0.0, "the comparison needs an unclipped posterior");
            QVERIFY2(std::abs(post->mean - mean) < 1e-11 * std::max(1.0, std::abs(mean)),
                     qPrintable(QString("star %1: %2 vs dense %3").arg(i).arg(post->mean, 0, 'g', 17).arg(mean, 0, 'g', 17)));
            QVERIFY(std::abs(post->variance - variance) < 1e-11 * variance);
        }
    }

    void scalarClosedForm() {
        const Vec13 r = starlocus::test::toyExtinction();
        const StellarModel model = starlocus::test::toyModel(starlocus::test::toySunMagnitudes(), r);
        const double excess = 0.25, e0 = 0.1, s0 = 0.08;
        const Catalog cat = oneColourStar(excess, e0, s0);
        const StarObservation obs = observeStar(cat, 0, model.normalization());
        QCOMPARE(obs.keptCount, 1);
        const auto post = refitReddening(obs, model.evaluateNormalized(obs.x, true));
        QVERIFY(post.has_value());
        const double br = r[1] - r[0];                        // E(BP − G) per unit E
        const double var = 0.02 * 0.02 + 0.03 * 0.03;        // colour variance (J = 0 here)
        const double precision = br * br / var + 1.0 / (s0 * s0);
        const double mean = (e0 / (s0 * s0) + br * excess / var) / precision;
        QVERIFY(std::abs(post->mean - mean) < 1e-12);
        QVERIFY(std::abs(post->variance - std::max(1.0 / precision, 0.02 * 0.02 + 0.01 * mean * mean)) < 1e-15);
        QVERIFY(!post->clipped);
    }

    void negativeMeanIsClippedAndVarianceFloored() {
        const StellarModel model = starlocus::test::toyModel(starlocus::test::toySunMagnitudes(),
                                                             starlocus::test::toyExtinction());
        const Catalog cat = oneColourStar(-0.5, 0.0, 0.3); // bluer than the model: E′ < 0
        const StarObservation obs = observeStar(cat, 0, model.normalization());
        const auto post = refitReddening(obs, model.evaluateNormalized(obs.x, true));
        QVERIFY(post->clipped);
        QCOMPARE(post->mean, 0.0);
        QVERIFY(post->variance >= 0.02 * 0.02);
    }

    void precisePhotometryHitsTheFloor() {
        const StellarModel model = starlocus::test::toyModel(starlocus::test::toySunMagnitudes(),
                                                             starlocus::test::toyExtinction());
        Catalog cat = starlocus::test::makeCleanCatalog(1); // 13 bands at 0.03 mag
        for (std::size_t b = 0; b < 13; ++b)
            cat.mag[0][b] += 1.5 * starlocus::test::toyExtinction()[Eigen::Index(b)];
        cat.reddening[0] = 1.5; // prior and data agree: the posterior mean is 1.5
        cat.reddeningErr[0] = 0.3;
        const StarObservation obs = observeStar(cat, 0, model.normalization());
        const auto post = refitReddening(obs, model.evaluateNormalized(obs.x, true));
        QVERIFY(std::abs(post->mean - 1.5) < 1e-9);
        QVERIFY(post->floored);
        QVERIFY(std::abs(post->variance - (0.02 * 0.02 + std::pow(0.1 * post->mean, 2))) < 1e-15);
    }
};

QTEST_GUILESS_MAIN(TestReddeningUpdate)
#include "test_reddening_update.moc"
