// SPDX-License-Identifier: GPL-3.0-or-later
// Truth recovery of the trainer on the synthetic sky (issue 5, docs/VALIDATION.md), CI-sized:
// 30,000 stars in the `linear` extinction mode (A = E·R(Teff), exactly what the paper's
// network represents), the paper's procedure on a shortened schedule (10 × 10 epochs, the
// cut reaching 5 at the end), starting the Keras way (R = 1 in every band), so whatever R
// the run ends with was learned from the data.
//
// The mock's label and parallax σ are shrunk tenfold and its reddening-prior σ_E to 0.3:
// with the surveys' own errors the paper's procedure learns R with two biases that belong
// to the data and the method, not to the trainer (docs/VALIDATION.md, 300,000 stars):
// - a grey offset (−0.14 mag/mag): at fixed catalog labels the more distant, more
//   reddened stars of a magnitude-limited sample are truly more luminous (true − catalog
//   log g = −0.095 dex per mag of E), which c₀ = M_G + μ + E·R_G reads as a smaller R_G;
// - a scale low by ≈ σ_E²/Var(E | θ) (4.6 % with the survey priors): the alternating fit
//   re-uses the posterior E′ as if it were data, so each iteration's R regresses on a noisy
//   E′ and only the prior (Ê, σ_E) pulls the scale back.
// With the errors shrunk both fall below 0.5 % and what is left is the trainer.
//
// Tolerances (this configuration measured: every band with R > 0.3 within 2.1 %, fit
// 0.988·R_true − 0.004, ΔR/R 0.021; the full 300,000-star default schedule reaches 0.75 %):
// - every band with R > 0.3 within 3 % of the truth at the mean labels (issue: 2 % on the
//   full schedule; the grey direction is seen only through c₀ of parallax stars, ±0.005
//   mag/mag from 21,000 training stars, 1.5 % of R_Ks);
// - the fit a·R_true + c across the 13 bands: |a − 1| < 0.03, |c| < 0.01, rms < 0.01 (the
//   shape across bands, which every colour constrains, must be right);
// - G-band ΔR/R(Teff) against the truth within 0.025 over 4500–7000 K (issue: 0.02 on the
//   full schedule; the L1 term on the R kernel shrinks the Teff dependence, 0.0185 on the
//   full schedule);
// - test ⟨χ²/dof⟩ below 5 in [0.85, 1.15] with at most 5 % of test stars above 5 (the
//   issue's numbers: the model must fit the data to its errors);
// - final train and validation losses within 5 % (the issue's 2 % is for the full schedule;
//   the train loss is the mean over the last epoch while the model still moves).
#include "core/diagnostics/extinction_deviation.h"
#include "core/mock/mock_sky.h"
#include "core/mock/passband_table.h"
#include "core/diagnostics/s16_family.h"
#include "core/training/physical_start.h"
#include "core/training/trainer.h"
#include "tests/support/test_star_fit.h"

#include <QTest>

#include <Eigen/QR>

#include <cmath>

using namespace starlocus::core;

namespace {

const MockSky& quietLinearSky() {
    static const MockSky sky = [] {
        MockSkyConfig config;
        config.starCount = 30000;
        config.extinction = ExtinctionMode::Linear;
        config.labelErrorScale = 0.1;
        config.parallaxErrorScale = 0.1;
        config.reddeningPriorErrorScale = 0.3;
        return MockSky(config, 2026);
    }();
    return sky;
}

} // namespace

class TestTruthRecovery : public QObject {
    Q_OBJECT
private slots:
    void physicalStartBeginsAtTheTheory();
    void learnsTheTrueReddeningVector();
};

// The physical start puts R(θ) at the start vector of the median Teff everywhere (kernel 0):
// with a vanishing learning rate one epoch leaves it there. In the Gaia bands that is the
// mock's own linear coefficient (the F99 theory); in g … W2 the S16 shape anchored to it
// (test_physical_start checks that shape against the reference slopes).
void TestTruthRecovery::physicalStartBeginsAtTheTheory() {
    MockSkyConfig config;
    config.starCount = 3000;
    config.extinction = ExtinctionMode::Linear;
    const MockSky sky(config, 5);
    TrainingConfig tc;
    tc.iterations = 1;
    tc.epochsPerIteration = 1;
    tc.learningRate = 1e-12;
    tc.threads = 1;
    Trainer trainer(sky.catalog(), tc);
    TrainingObserver quiet;
    TrainingControl control;
    const TrainingResult result = trainer.run(quiet, control);
    const double medianTeff = result.model.normalization().median[0];
    for (const Eigen::Vector3d& theta : {Eigen::Vector3d(4500, 2.5, -0.5), Eigen::Vector3d(6500, 4.2, 0.2)}) {
        const Vec13 r = result.model.extinctionVector(theta);
        for (std::size_t b = 0; b < kBandCount; ++b) {
            const double expected = b < kBandCount - kS16BandCount
                                        ? PassbandTable::directReddeningCoefficient(b, medianTeff)
                                        : startReddeningVector(medianTeff)[Eigen::Index(b)];
            QVERIFY2(std::abs(r[Eigen::Index(b)] / expected - 1.0) < 1e-5,
                     qPrintable(QStringLiteral("band %1: R %2, theory %3").arg(b).arg(r[Eigen::Index(b)]).arg(expected)));
        }
    }
}

void TestTruthRecovery::learnsTheTrueReddeningVector() {
    const MockSky& sky = quietLinearSky();
    TrainingConfig tc;
    tc.iterations = 10;
    tc.epochsPerIteration = 10;
    tc.thresholdDecayIterations = 10; // the cut reaches 5 after the last iteration
    tc.seed = 1;
    tc.initialization = Initialization::Keras;
    Trainer trainer(sky.catalog(), tc);
    TrainingObserver quiet;
    TrainingControl control;
    const TrainingResult result = trainer.run(quiet, control);

    // R at the mean labels against the truth there (linear mode: R depends on Teff only).
    const Eigen::Vector3d mean = meanLabels(sky.catalog().theta);
    const Vec13 learned = result.model.extinctionVector(mean);
    Vec13 truth;
    for (std::size_t b = 0; b < kBandCount; ++b)
        truth[Eigen::Index(b)] = PassbandTable::directReddeningCoefficient(b, mean[0]);
    Eigen::Matrix<double, kBandCount, 2> design;
    design.col(0) = truth;
    design.col(1).setOnes();
    const Eigen::Vector2d fit = design.colPivHouseholderQr().solve(learned);
    const double rms = std::sqrt((design * fit - learned).squaredNorm() / double(kBandCount));
    qInfo("R(mean θ) learned = %.4f · R_true %+.4f, rms about the fit %.4f", fit[0], fit[1], rms);
    for (std::size_t b = 0; b < kBandCount; ++b)
        qInfo("  band %zu: R true %.4f learned %.4f (%+.2f %%)", b, truth[Eigen::Index(b)], learned[Eigen::Index(b)],
              100.0 * (learned[Eigen::Index(b)] / truth[Eigen::Index(b)] - 1.0));
    for (std::size_t b = 0; b < kBandCount; ++b)
        if (truth[Eigen::Index(b)] > 0.3)
            QVERIFY2(std::abs(learned[Eigen::Index(b)] / truth[Eigen::Index(b)] - 1.0) < 0.03,
                     qPrintable(QStringLiteral("band %1").arg(b)));
    QVERIFY2(std::abs(fit[0] - 1.0) < 0.03, "the scale of R");
    QVERIFY2(std::abs(fit[1]) < 0.01, "the grey offset of R");
    QVERIFY2(rms < 0.01, "the shape of R across the bands");

    // G-band ΔR/R(Teff) at the mean log g and [Fe/H], relative to R at the mean labels.
    double worst = 0.0;
    for (double teff = 4500.0; teff <= 7000.0; teff += 250.0) {
        const Eigen::Vector3d theta(teff, mean[1], mean[2]);
        const double learnedDrr = result.model.extinctionVector(theta)[0] / learned[0] - 1.0;
        const double trueDrr = PassbandTable::directReddeningCoefficient(0, teff) / truth[0] - 1.0;
        worst = std::max(worst, std::abs(learnedDrr - trueDrr));
    }
    qInfo("G-band ΔR/R: worst |learned − true| over 4500–7000 K = %.4f", worst);
    QVERIFY2(worst < 0.025, "G-band ΔR/R(Teff)");

    // The fit to the test stars.
    const starlocus::test::TestStarFit testFit = starlocus::test::testStarFit(result.final.state);
    QVERIFY(testFit.below > 2000);
    qInfo("test stars: <chi2/dof < 5> = %.4f, %.2f %% above 5", testFit.meanBelow, 100.0 * testFit.fractionAbove);
    QVERIFY2(testFit.meanBelow > 0.85 && testFit.meanBelow < 1.15, "test <chi2/dof> below 5");
    QVERIFY2(testFit.fractionAbove <= 0.05, "fraction of test stars above chi2/dof 5");

    const EpochRecord& last = result.final.history.epochs.back();
    qInfo("final losses: train %.4f, validation %.4f", last.trainLoss, last.validationLoss);
    QVERIFY2(std::abs(last.trainLoss / last.validationLoss - 1.0) < 0.05, "train and validation losses");
}

QTEST_GUILESS_MAIN(TestTruthRecovery)
#include "test_truth_recovery.moc"
