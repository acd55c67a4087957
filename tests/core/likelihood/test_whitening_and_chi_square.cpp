// SPDX-License-Identifier: GPL-3.0-or-later
// The whitening of Eq. 10 (Wᵀ W = C⁻¹ on kept entries, zero rows and columns elsewhere)
// and χ² against a direct solve with an explicit inverse; the whitening of eight stars at once
// in vector lanes against the per-star one.
#include "core/likelihood/band_cholesky.h"
#include "core/likelihood/chi_square.h"
#include "core/likelihood/star_covariance.h"
#include "core/likelihood/whitening.h"
#include "core/likelihood/whitening_lanes.h"
#include "tests/core/io/catalog_fixtures.h"
#include "tests/support/toy_model.h"

#include <Eigen/LU>
#include <QTest>

#include <algorithm>
#include <cmath>
#include <vector>

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
    // The fixed-size factor against the closed forms it must satisfy: L·Lᵀ = A,
    // L⁻¹·L = I, and the solve against an LU inverse, on random covariances whose
    // variances span the range of real ones (1e-4 … 1 mag², correlated).
    void bandCholeskySatisfiesItsDefinitions() {
        std::srand(7);
        double worstProduct = 0.0, worstInverse = 0.0, worstSolve = 0.0;
        for (int trial = 0; trial < 200; ++trial) {
            const Mat13 g = Mat13::Random();
            Vec13 scale;
            for (Eigen::Index i = 0; i < 13; ++i)
                scale[i] = std::pow(10.0, -2.0 + 2.0 * (0.5 + 0.5 * Vec13::Random()[0]));
            const Mat13 a = scale.asDiagonal() * (g * g.transpose() + 0.05 * Mat13::Identity()) * scale.asDiagonal();
            BandCholesky cholesky;
            QVERIFY(cholesky.factor(a));
            const Mat13 l = cholesky.factorL();
            QVERIFY(l.isLowerTriangular(0.0));
            worstProduct = std::max(worstProduct, (l * l.transpose() - a).cwiseAbs().maxCoeff() / a.cwiseAbs().maxCoeff());
            const Mat13 w = cholesky.inverseFactor();
            QVERIFY(w.isLowerTriangular(0.0));
            worstInverse = std::max(worstInverse, (w * l - Mat13::Identity()).cwiseAbs().maxCoeff());
            const Vec13 b = Vec13::Random();
            Vec13 x = b;
            cholesky.solveInPlace(x); // x = L⁻¹ b ⇒ |x|² = bᵀ A⁻¹ b
            const double expected = b.dot(a.inverse() * b);
            worstSolve = std::max(worstSolve, std::abs(x.squaredNorm() / expected - 1.0));
        }
        qInfo("BandCholesky, 200 covariances: |LLt - A|/|A| %.2g, |W L - I| %.2g, b'A^-1 b rel %.2g", worstProduct,
              worstInverse, worstSolve);
        QVERIFY(worstProduct < 1e-14);
        QVERIFY(worstInverse < 1e-10);
        QVERIFY(worstSolve < 1e-9);
    }

    void bandCholeskyRejectsWhatIsNotPositiveDefinite() {
        Mat13 a = Mat13::Identity();
        a(5, 5) = -1e-3;
        BandCholesky cholesky;
        QVERIFY(!cholesky.factor(a));
        a(5, 5) = 1.0;
        a(4, 5) = a(5, 4) = 1.0; // rows 4 and 5 equal: singular
        QVERIFY(!cholesky.factor(a));
        a(4, 5) = a(5, 4) = 0.0;
        a(12, 12) = std::nan("");
        QVERIFY(!cholesky.factor(a));
        a(12, 12) = 1.0;
        QVERIFY(cholesky.factor(a));
    }

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

        // What the trainer stores: the same W as float32 (dropped rows and columns zero,
        // the unit diagonal of a decoupled entry included) and the same χ².
        std::array<float, kPackedTriangleSize> packed{};
        double chi2Packed = 0.0;
        QVERIFY(packedWhitening(s.obs, s.cov, s.prediction - s.obs.target, packed.data(), chi2Packed));
        const Mat13 unpacked = unpackLowerTriangle(packed);
        QVERIFY((unpacked - *w).cwiseAbs().maxCoeff() <= 1e-6 * w->cwiseAbs().maxCoeff());
        for (int b = 0; b < 13; ++b)
            if (!s.obs.kept[std::size_t(b)])
                QCOMPARE(unpacked.row(b).cwiseAbs().sum() + unpacked.col(b).cwiseAbs().sum(), 0.0);
        QVERIFY(std::abs(chi2Packed - viaInverse) < 1e-9 * viaInverse);
    }

    // The trainer's update whitens eight stars at once (whitening_lanes.h): against the
    // per-star packedWhitening (itself checked against an explicit inverse above), star by
    // star, for groups of 1–8 stars with random kept subsets, realistic covariances, and in
    // between the failures: a singular covariance, a NaN in a kept entry, no kept entry at all.
    // W the same floats to one rounding, χ² to 10⁻¹², the same verdicts; one failing star
    // does not disturb its neighbours.
    void whiteningInLanesIsThePerStarWhitening() {
        const Setup base = setup(true);
        std::srand(11);
        constexpr int kStars = 400;
        std::vector<StarObservation> obs(kStars, base.obs);
        std::vector<Mat13> cov(kStars);
        std::vector<Vec13> residual(kStars);
        for (int n = 0; n < kStars; ++n) {
            StarObservation& o = obs[std::size_t(n)];
            o.keptCount = 0;
            for (std::size_t b = 0; b < kBandCount; ++b) {
                o.kept[b] = std::rand() % 5 != 0;
                o.keptCount += o.kept[b] ? 1 : 0;
            }
            const Mat13 g = Mat13::Random();
            Vec13 scale;
            for (Eigen::Index i = 0; i < 13; ++i)
                scale[i] = std::pow(10.0, -2.0 + 2.0 * (0.5 + 0.5 * Vec13::Random()[0]));
            cov[std::size_t(n)] =
                scale.asDiagonal() * (g * g.transpose() + 0.05 * Mat13::Identity()) * scale.asDiagonal();
            residual[std::size_t(n)] = 0.05 * Vec13::Random();
            switch (n % 37) {
            case 5:
                cov[std::size_t(n)].setZero(); // singular
                o.keptCount = 0;
                for (std::size_t b = 0; b < kBandCount; ++b) // at least one kept entry
                    o.keptCount += (o.kept[b] = o.kept[b] || b == 4) ? 1 : 0;
                break;
            case 11:
                o.kept[7] = true;
                cov[std::size_t(n)](7, 2) = cov[std::size_t(n)](2, 7) = std::nan("");
                break;
            case 23:
                o.kept.fill(false);
                o.keptCount = 0;
                break;
            default:
                break;
            }
            if (n % 37 == 11) { // recount after forcing band 7 in
                o.keptCount = 0;
                for (bool k : o.kept)
                    o.keptCount += k ? 1 : 0;
            }
        }
        int compared = 0, failures = 0, identicalW = 0, entries = 0;
        double worstChi2 = 0.0;
        for (std::size_t group = 1; group <= kWhiteningLanes; ++group) {
            for (std::size_t first = 0; first + group <= std::size_t(kStars); first += group) {
                WhiteningInput in[kWhiteningLanes];
                for (std::size_t s = 0; s < group; ++s)
                    in[s] = {&obs[first + s], &cov[first + s], residual[first + s]};
                std::array<float, kWhiteningLanes * kPackedTriangleSize> packed{};
                double chi2[kWhiteningLanes];
                bool ok[kWhiteningLanes];
                packedWhiteningLanes(in, group, packed.data(), chi2, ok);
                for (std::size_t s = 0; s < group; ++s) {
                    std::array<float, kPackedTriangleSize> one{};
                    double chi2One = 0.0;
                    const bool okOne =
                        packedWhitening(obs[first + s], cov[first + s], residual[first + s], one.data(), chi2One);
                    QCOMPARE(ok[s], okOne);
                    ++compared;
                    if (!okOne) {
                        ++failures;
                        continue;
                    }
                    float largest = 0.0f;
                    for (float x : one)
                        largest = std::max(largest, std::abs(x));
                    for (std::size_t k = 0; k < kPackedTriangleSize; ++k) {
                        const float lane = packed[s * kPackedTriangleSize + k];
                        QVERIFY2(std::abs(lane - one[k]) <= 1.2e-7f * largest,
                                 qPrintable(QString("star %1 entry %2: %3 vs %4").arg(first + s).arg(k).arg(lane).arg(one[k])));
                        identicalW += lane == one[k] ? 1 : 0;
                        ++entries;
                    }
                    const double rel = std::abs(chi2[s] - chi2One) / std::max(chi2One, 1e-300);
                    worstChi2 = std::max(worstChi2, chi2One == 0.0 ? std::abs(chi2[s]) : rel);
                }
            }
        }
        QVERIFY(worstChi2 < 1e-12);
        QVERIFY(failures > 3 * int(kWhiteningLanes)); // the failing cases were met in every group size
        QVERIFY(compared - failures > 2000);
        qInfo("%d stars compared, %d failing in both; W entries bit-identical %d of %d; chi2 worst relative %.2g",
              compared, failures, identicalW, entries, worstChi2);
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
        std::array<float, kPackedTriangleSize> packed{};
        double chi2 = 0.0;
        QVERIFY(!packedWhitening(s.obs, s.cov, s.prediction - s.obs.target, packed.data(), chi2));
    }
};

QTEST_GUILESS_MAIN(TestWhiteningAndChiSquare)
#include "test_whitening_and_chi_square.moc"
