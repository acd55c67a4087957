// The whitening of Eq. 10 (Wᵀ W = C⁻¹ on kept entries, zero rows and columns elsewhere)
// and χ² against a direct solve with an explicit inverse.
#include "core/likelihood/chi_square.h"
#include "core/likelihood/star_covariance.h"
#include "core/likelihood/whitening.h"
#include "tests/core/io/catalog_fixtures.h"
#include "tests/support/toy_model.h"

#include <Eigen/LU>
#include <QTest>

#include <cmath>

using namespace starlocus::core;

class TestWhiteningAndChiSquare : public QObject {
    Q_OBJECT

    struct Setup {
        StarObservation obs;
        Mat13 cov;
        Vec13 prediction;
    };
    Setup setup(bool dropSome) {
        Catalog cat = starlocus::test::makeCleanCatalog(1);
        cat.thetaCov[0] = {120.0 * 120.0, 2.0, 0.3, 2.0, 0.1 * 0.1, 0.002, 0.3, 0.002, 0.07 * 0.07};
        for (std::size_t b = 0; b < 13; ++b)
            cat.mag[0][b] += 0.03 * std::sin(double(b) * 1.7); // residuals of a few σ
        if (dropSome) {
            cat.mag[0][3] = std::nan("");
            cat.magErr[0][9] = 0.5;
            cat.parallaxMas[0] = 0.1; // S/N 2: c₀ dropped
        }
        const StellarModel model = starlocus::test::toyModel(starlocus::test::toySunMagnitudes(),
                                                             starlocus::test::toyExtinction(), 0.2);
        Setup s{observeStar(cat, 0, model.normalization()), Mat13::Zero(), Vec13::Zero()};
        const ModelEvaluation eval = model.evaluateNormalized(s.obs.x, true);
        s.cov = colorSpaceCovariance(s.obs, eval, 0.1, 0.05 * 0.05);
        s.prediction = eval.colorPrediction(0.1);
        return s;
    }

private slots:
    void whiteningInvertsTheCovariance_data() {
        QTest::addColumn<bool>("dropSome");
        QTest::newRow("all entries kept") << false;
        QTest::newRow("three entries dropped") << true;
    }
    void whiteningInvertsTheCovariance() {
        QFETCH(bool, dropSome);
        const Setup s = setup(dropSome);
        const auto w = whiteningMatrix(s.obs, s.cov);
        QVERIFY(w.has_value());
        // W C Wᵀ = identity on kept entries, zero elsewhere.
        Mat13 expectedIdentity = Mat13::Zero();
        for (int b = 0; b < 13; ++b)
            if (s.obs.kept[std::size_t(b)])
                expectedIdentity(b, b) = 1.0;
        const Mat13 wcw = *w * s.cov * w->transpose();
        QVERIFY((wcw - expectedIdentity).cwiseAbs().maxCoeff() < 1e-9);
        for (int b = 0; b < 13; ++b)
            if (!s.obs.kept[std::size_t(b)]) {
                QCOMPARE(w->row(b).cwiseAbs().sum(), 0.0);
                QCOMPARE(w->col(b).cwiseAbs().sum(), 0.0);
            }
        QVERIFY(w->isLowerTriangular());

        // χ² three ways: triangular solve, |W Δ|², and an explicit inverse of the kept block.
        const auto chi2 = chiSquare(s.obs, s.prediction, s.cov);
        QVERIFY(chi2.has_value());
        const double viaW = (*w * (s.prediction - s.obs.target)).squaredNorm();
        const KeptMatrix block = keptBlock(s.obs, s.cov);
        const KeptVector d = keptEntries(s.obs, s.prediction - s.obs.target);
        const double viaInverse = d.dot(block.inverse() * d);
        QVERIFY(std::abs(*chi2 - viaInverse) < 1e-9 * viaInverse);
        QVERIFY(std::abs(viaW - viaInverse) < 1e-9 * viaInverse);
        QVERIFY(*chi2 > 0.0);
    }

    void packedTriangleRoundTrip() {
        const Setup s = setup(true);
        const Mat13 w = *whiteningMatrix(s.obs, s.cov);
        const Mat13 back = unpackLowerTriangle(packLowerTriangle(w));
        QVERIFY((back - w).cwiseAbs().maxCoeff() <= 1e-6 * w.cwiseAbs().maxCoeff());
        QCOMPARE(kPackedTriangleSize, std::size_t(91));
    }

    void singularCovarianceIsReportedNotNaN() {
        Setup s = setup(false);
        s.cov.setZero(); // a singular covariance
        QVERIFY(!chiSquare(s.obs, s.prediction, s.cov).has_value());
        QVERIFY(!whiteningMatrix(s.obs, s.cov).has_value());
    }
};

QTEST_GUILESS_MAIN(TestWhiteningAndChiSquare)
#include "test_whitening_and_chi_square.moc"
