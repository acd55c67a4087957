// SPDX-License-Identifier: GPL-3.0-or-later
// Per-star rules of METHOD.md §3 and the c-space covariance against the paper's Eq. 4
// assembled in magnitude space and transformed with an explicit B (Eq. 6).
#include "core/likelihood/catalog_fit.h"
#include "core/likelihood/star_covariance.h"
#include "core/likelihood/star_observation.h"
#include "tests/core/io/catalog_fixtures.h"
#include "tests/support/toy_model.h"

#include <Eigen/LU>
#include <QTest>

#include <cmath>

using namespace starlocus::core;
using starlocus::test::makeCleanCatalog;

class TestStarObservation : public QObject {
    Q_OBJECT
    LabelNormalization norm_{{5780.0, 4.44, 0.0}, {1000.0, 1.0, 0.5}};

private slots:
    void cleanStarKeepsEverything() {
        const Catalog cat = makeCleanCatalog(1);
        StarDefectCounts counts;
        const StarObservation obs = observeStar(cat, 0, norm_, &counts);
        QVERIFY(obs.usable());
        QCOMPARE(obs.keptCount, 13);
        QCOMPARE(obs.dof(), 12);
        // c₀ = G − μ with μ = 10 − 5 log10(1 mas) = 10.
        QCOMPARE(obs.target[0], 4.67);
        QVERIFY(std::abs(obs.target[1] - (5.0 - 4.67)) < 1e-12);
        QCOMPARE(counts.excludedStars(), std::size_t(0));
    }

    // Eq. 4 in magnitude space (the distance term is common to all bands), then B·C_m·Bᵀ.
    void covarianceEqualsEq4ThroughB() {
        Catalog cat = makeCleanCatalog(1);
        cat.thetaCov[0] = {150.0 * 150.0, 3.0, 0.5, 3.0, 0.08 * 0.08, 0.001, 0.5, 0.001, 0.06 * 0.06};
        for (std::size_t b = 0; b < 13; ++b)
            cat.magErr[0][b] = 0.02 + 0.005 * double(b);
        cat.parallaxErrMas[0] = 0.12;
        const StellarModel model = starlocus::test::toyModel(starlocus::test::toySunMagnitudes(),
                                                             starlocus::test::toyExtinction(), 0.3);
        const StarObservation obs = observeStar(cat, 0, model.normalization(), nullptr);
        const ModelEvaluation eval = model.evaluateNormalized(obs.x, true);
        const double e = 0.4, varE = 0.03 * 0.03;
        const Mat13 cc = colorSpaceCovariance(obs, eval, e, varE);

        const Mat13 b = colorTransformMatrix();
        const Mat13 bInv = b.inverse();
        const Eigen::Matrix<double, 13, 3> jm = bInv * eval.colorPredictionJacobianX(e); // ∂(M+ÊR)/∂x
        const Vec13 r = eval.extinction;
        const double sigmaMu = 5.0 / std::log(10.0) * 0.12 / 1.0;
        Mat13 cm = jm * obs.labelCovX * jm.transpose() + varE * r * r.transpose() +
                   sigmaMu * sigmaMu * Mat13::Ones();
        for (int i = 0; i < 13; ++i)
            cm(i, i) += std::pow(cat.magErr[0][std::size_t(i)], 2);
        const Mat13 expected = b * cm * b.transpose();
        QVERIFY2((cc - expected).cwiseAbs().maxCoeff() < 1e-12,
                 qPrintable(QString::number((cc - expected).cwiseAbs().maxCoeff())));
    }

    void unobservedBandsAreDropped() {
        Catalog cat = makeCleanCatalog(1);
        cat.mag[0][5] = std::nan("");       // NaN magnitude
        cat.magErr[0][8] = std::nan("");    // NaN error
        cat.magErr[0][11] = 0.25;           // above the 0.2 mag cut
        StarDefectCounts counts;
        const StarObservation obs = observeStar(cat, 0, norm_, &counts);
        QVERIFY(obs.usable());
        QVERIFY(!obs.kept[5] && !obs.kept[8] && !obs.kept[11]);
        QCOMPARE(obs.keptCount, 10);
        QCOMPARE(counts.bandValuesUnobserved, std::size_t(2));
        QCOMPARE(counts.bandValuesAboveErrorCut, std::size_t(1));
        QCOMPARE(obs.target[5], 0.0); // never NaN
        QCOMPARE(photometricCovariance(obs).row(5).cwiseAbs().sum(), 0.0);
        QCOMPARE(photometricCovariance(obs).col(5).cwiseAbs().sum(), 0.0);
    }

    void parallaxRulesDropC0() {
        Catalog cat = makeCleanCatalog(5);
        cat.parallaxMas[0] = -0.3;                // negative
        cat.parallaxMas[1] = 0.0;                 // zero
        cat.parallaxMas[2] = std::nan("");        // NaN
        cat.parallaxMas[3] = 0.2;                 // S/N = 4
        cat.parallaxErrMas[4] = -0.01;            // nonsense error
        StarDefectCounts counts;
        for (std::size_t i = 0; i < 5; ++i) {
            const StarObservation obs = observeStar(cat, i, norm_, &counts);
            QVERIFY(obs.usable());
            QVERIFY(!obs.kept[0]);
            QCOMPARE(obs.dof(), 11);
            QVERIFY(obs.target.allFinite());
        }
        QCOMPARE(counts.parallaxNonPositive, std::size_t(2));
        QCOMPARE(counts.parallaxNotFinite, std::size_t(2));
        QCOMPARE(counts.parallaxLowSnr, std::size_t(1));
    }

    // Each exclusion rule on its own star; the fit reports the counts and never a NaN
    // for a used star.
    void exclusionsAreCountedAndNeverNaN() {
        Catalog cat = makeCleanCatalog(8);
        cat.mag[0][0] = std::nan("");                       // no G
        cat.theta[1][0] = std::numeric_limits<double>::infinity(); // bad label
        cat.thetaCov[2] = {1, 0, 0, 0, -1, 0, 0, 0, 1};      // not positive definite
        cat.thetaCov[3][4] = std::nan("");                   // NaN covariance
        cat.reddening[4] = std::nan("");                     // NaN Ê
        cat.reddeningErr[5] = 0.0;                           // σ_E = 0
        for (std::size_t b = 1; b < 13; ++b)                 // only G, no parallax: dof ≤ 0
            cat.mag[6][b] = std::nan("");
        cat.parallaxMas[6] = -1.0;
        const StellarModel model = starlocus::test::toyModel(starlocus::test::toySunMagnitudes(),
                                                             starlocus::test::toyExtinction());
        for (auto choice : {ReddeningChoice::Catalog, ReddeningChoice::Refit}) {
            const CatalogFit fit = evaluateCatalog(model, cat, choice);
            QCOMPARE(fit.defects.missingG, std::size_t(1));
            QCOMPARE(fit.defects.badLabels, std::size_t(1));
            QCOMPARE(fit.defects.badLabelCovariance, std::size_t(2));
            QCOMPARE(fit.defects.badReddeningPrior, std::size_t(2));
            QCOMPARE(fit.defects.excludedStars(), std::size_t(6));
            QCOMPARE(fit.defects.noDegreesOfFreedom, std::size_t(1));
            QCOMPARE(fit.exclusion[0], StarExclusion::MissingG);
            QCOMPARE(fit.exclusion[2], StarExclusion::BadLabelCovariance);
            QCOMPARE(fit.exclusion[5], StarExclusion::BadReddeningPrior);
            for (std::size_t i : {6u, 7u}) {
                QCOMPARE(fit.exclusion[i], StarExclusion::None);
                QVERIFY(std::isfinite(fit.chi2[i]) && std::isfinite(fit.reddening[i]));
            }
            QVERIFY(!fit.hasChi2PerDof(6)); // dof = 0: reported, never averaged
            QVERIFY(fit.hasChi2PerDof(7));
        }
    }
};

QTEST_GUILESS_MAIN(TestStarObservation)
#include "test_star_observation.moc"
