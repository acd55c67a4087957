// Eqs. 8–9 against their scalar closed form, the clip at 0 and the variance floor.
#include "core/likelihood/reddening_update.h"
#include "tests/core/io/catalog_fixtures.h"
#include "tests/support/toy_model.h"

#include <QTest>

#include <cmath>

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

private slots:
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
