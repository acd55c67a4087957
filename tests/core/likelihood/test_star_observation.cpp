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
        cat.parallaxErrMas[4] = -0.01;            // nonsense error: a defect of its own kind
        StarDefectCounts counts;
        for (std::size_t i = 0; i < 5; ++i) {
            const StarObservation obs = observeStar(cat, i, norm_, &counts);
            QVERIFY(obs.usable());
            QVERIFY(!obs.kept[0]);
            QCOMPARE(obs.dof(), 11);
            QVERIFY(obs.target.allFinite());
        }
        QCOMPARE(counts.parallaxNonPositive, std::size_t(2));
        QCOMPARE(counts.parallaxNotFinite, std::size_t(1));
        QCOMPARE(counts.parallaxNegativeError, std::size_t(1));
        QCOMPARE(counts.parallaxLowSnr, std::size_t(1));
    }

    // Values no star has (#14: a parallax of 1e30 mas or an error of 1e-30 mag gave a mean
    // χ²/dof of 686,575): each is dropped like an absent value and counted under its own
    // name; a negative error is not "missing G" nor "not finite".
    void physicallyImpossibleValuesAreDefectsOfTheirOwnKind() {
        Catalog cat = makeCleanCatalog(13);
        cat.parallaxMas[0] = 1e30;                // nearest star: 768 mas
        cat.magErr[1][3] = 1e-30;                 // g: no survey has errors below 0.1 mmag
        cat.magErr[2][0] = -0.03;                 // G with a negative error
        cat.parallaxErrMas[3] = -0.05;            // negative parallax error
        cat.magErr[4][5] = -0.03;                 // i with a negative error
        cat.mag[5][7] = 99.99;                    // y: a sentinel, not a magnitude
        cat.theta[6][0] = 1e30;                   // Teff
        cat.reddeningErr[7] = -0.1;               // negative σ_E
        cat.reddening[8] = 1e30;                  // Ê
        cat.parallaxErrMas[9] = 0.0;              // zero parallax error
        cat.magErr[10][1] = 0.0;                  // BP with a zero error
        cat.mag[11][2] = std::nan("");            // RP not measured (a -1 error beside it means nothing)
        cat.magErr[11][2] = -1.0;
        cat.mag[12][0] = std::nan("");            // no G at all
        StarDefectCounts counts;
        std::vector<StarObservation> obs;
        for (std::size_t i = 0; i < cat.size(); ++i)
            obs.push_back(observeStar(cat, i, norm_, &counts));

        QCOMPARE(counts.parallaxOutOfRange, std::size_t(1));
        QCOMPARE(counts.parallaxNegativeError, std::size_t(1));
        QCOMPARE(counts.parallaxErrorBelowFloor, std::size_t(1));
        QCOMPARE(counts.parallaxNotFinite, std::size_t(0));
        QCOMPARE(counts.bandErrorBelowFloor.perBand[3], std::size_t(1));
        QCOMPARE(counts.bandErrorBelowFloor.perBand[1], std::size_t(1));
        QCOMPARE(counts.bandErrorBelowFloor.total(), std::size_t(2));
        QCOMPARE(counts.bandNegativeError.perBand[0], std::size_t(1));
        QCOMPARE(counts.bandNegativeError.perBand[5], std::size_t(1));
        QCOMPARE(counts.bandNegativeError.total(), std::size_t(2));
        QCOMPARE(counts.bandMagnitudeOutOfRange.perBand[7], std::size_t(1));
        QCOMPARE(counts.bandMagnitudeOutOfRange.total(), std::size_t(1));
        QCOMPARE(counts.bandValuesUnobserved, std::size_t(2)); // star 11's RP, star 12's G
        QCOMPARE(counts.defectiveG, std::size_t(1));
        QCOMPARE(counts.missingG, std::size_t(1));
        QCOMPARE(counts.labelsOutOfRange, std::size_t(1));
        QCOMPARE(counts.badLabels, std::size_t(0));
        QCOMPARE(counts.negativeReddeningPriorError, std::size_t(1));
        QCOMPARE(counts.reddeningPriorOutOfRange, std::size_t(1));
        QCOMPARE(counts.badReddeningPrior, std::size_t(0));
        QCOMPARE(counts.excludedStars(), std::size_t(5)); // stars 2, 6, 7, 8, 12

        QCOMPARE(obs[2].exclusion, StarExclusion::DefectiveG);
        QCOMPARE(obs[12].exclusion, StarExclusion::MissingG);
        QCOMPARE(obs[6].exclusion, StarExclusion::LabelsOutOfRange);
        QCOMPARE(obs[7].exclusion, StarExclusion::NegativeReddeningPriorError);
        QCOMPARE(obs[8].exclusion, StarExclusion::ReddeningPriorOutOfRange);
        QCOMPARE(exclusionName(StarExclusion::DefectiveG), std::string_view("defective_G"));

        // A flagged value is dropped exactly as if it were not there.
        const auto sameAsAbsent = [&](std::size_t i, auto blank) {
            Catalog absent = makeCleanCatalog(1);
            absent.theta[0] = cat.theta[i];
            absent.mag[0] = cat.mag[i];
            absent.magErr[0] = cat.magErr[i];
            absent.parallaxMas[0] = cat.parallaxMas[i];
            absent.parallaxErrMas[0] = cat.parallaxErrMas[i];
            blank(absent);
            const StarObservation a = observeStar(absent, 0, norm_);
            return obs[i].usable() && a.usable() && obs[i].kept == a.kept && obs[i].target == a.target &&
                   obs[i].noiseDiagonal == a.noiseDiagonal && obs[i].noiseVarG == a.noiseVarG;
        };
        QVERIFY(sameAsAbsent(0, [](Catalog& c) { c.parallaxMas[0] = std::nan(""); }));
        QVERIFY(sameAsAbsent(1, [](Catalog& c) { c.mag[0][3] = std::nan(""); }));
        QVERIFY(sameAsAbsent(3, [](Catalog& c) { c.parallaxMas[0] = std::nan(""); }));
        QVERIFY(sameAsAbsent(4, [](Catalog& c) { c.mag[0][5] = std::nan(""); }));
        QVERIFY(sameAsAbsent(5, [](Catalog& c) { c.mag[0][7] = std::nan(""); }));
        QVERIFY(sameAsAbsent(9, [](Catalog& c) { c.parallaxMas[0] = std::nan(""); }));
        QVERIFY(sameAsAbsent(10, [](Catalog& c) { c.mag[0][1] = std::nan(""); }));
        QVERIFY(!obs[0].kept[0] && !obs[1].kept[3] && !obs[5].kept[7]);
    }

    // The bounds keep every real star: the published catalog's extremes (mag_err ≥ 0.02,
    // σ_ϖ ≥ 0.0116 mas, ϖ ≤ 12.4 mas, log g ≥ −1.42, [Fe/H] ≥ −4.28, Ê ≤ 1.87 and the
    // mock sky's Ê down to −4.1) are far inside them.
    void realStarsAreInsideTheBounds() {
        Catalog cat = makeCleanCatalog(4);
        cat.magErr[0][0] = 0.02;
        cat.parallaxErrMas[0] = 0.0116;
        cat.parallaxMas[1] = 768.0;               // Proxima Centauri
        cat.parallaxErrMas[1] = 0.02;
        cat.theta[2] = {2847.0, -1.42, -4.28};
        cat.reddening[3] = -4.1;
        StarDefectCounts counts;
        for (std::size_t i = 0; i < cat.size(); ++i)
            QVERIFY(observeStar(cat, i, norm_, &counts).usable());
        QCOMPARE(counts.excludedStars(), std::size_t(0));
        QCOMPARE(counts.parallaxOutOfRange + counts.parallaxErrorBelowFloor, std::size_t(0));
        QCOMPARE(counts.bandErrorBelowFloor.total() + counts.bandMagnitudeOutOfRange.total(), std::size_t(0));
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
            QCOMPARE(fit.defects.badReddeningPrior, std::size_t(2)); // NaN Ê, σ_E = 0
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
