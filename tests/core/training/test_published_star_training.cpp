// SPDX-License-Identifier: GPL-3.0-or-later
// Training on the 10,000 published stars (issue 5, "Real stars"; docs/VALIDATION.md): the
// learned R at the catalog's mean labels against the authors' published model, and the fit
// to the held-out test stars.
//
// Schedule: the paper's procedure and every default (20 iterations, batch 32, lr 1e-3 ×
// e^(−1/5), cuts 100 → 5, physical start) except 250 epochs per iteration instead of 25.
// The paper's 25 epochs were 25 passes over ~2 million training stars, ~1.6 million Adam
// steps per iteration; 25 passes over these 7,000 give 5,500, and R's common scale then
// ends 6–7 % low (0.93 of the published model after 20 × 25, 0.958 after 20 × 100: the
// alternating fit recovers the scale lost in iteration 1 only as fast as the optimiser
// follows each reddening update). 250 epochs, 51,000 steps per iteration, measured with
// seeds 1–3: every band G … Ks at 0.976–1.029 of the published R, test ⟨χ²/dof⟩ below 5
// 0.75–0.81 with 2.0–3.1 % of test stars above 5.
//
// Tolerances: the issue's, R within 5 % in G … Ks (worst measured: 2.4 % with seed 1, the
// one used here; 2.9 % over seeds 1–3) and test ⟨χ²/dof⟩ below 5 at most 1.2 (measured
// 0.78); at most 5 % of test stars above 5 (the published model leaves 2.3 % above with
// re-fitted reddening).
#include "core/diagnostics/extinction_deviation.h"
#include "core/training/trainer.h"
#include "tests/support/published_data.h"
#include "tests/support/test_star_fit.h"

#include <QTest>

#include <cmath>

using namespace starlocus::core;

class TestPublishedStarTraining : public QObject {
    Q_OBJECT

private slots:
    void learnsThePublishedReddeningVector() {
        StellarModel published;
        Catalog catalog;
        STARLOCUS_LOAD_PUBLISHED(published, catalog);

        TrainingConfig config;
        config.epochsPerIteration = 250;
        config.seed = 1;
        config.threads = 2; // results depend on the thread count; fixed so every machine agrees
        Trainer trainer(catalog, config);
        TrainingObserver quiet;
        TrainingControl control;
        const TrainingResult result = trainer.run(quiet, control);

        const Eigen::Vector3d mean = meanLabels(catalog.theta); // over the stars with finite labels
        QVERIFY(mean.allFinite());
        const Vec13 learned = result.model.extinctionVector(mean);
        const Vec13 reference = published.extinctionVector(mean);
        constexpr std::size_t kKs = 10; // G … Ks: the bands (W1, W2 have R ≈ 0.1)
        for (std::size_t b = 0; b <= kKs; ++b) {
            const double ratio = learned[Eigen::Index(b)] / reference[Eigen::Index(b)];
            qInfo("band %zu: R learned %.4f, published %.4f, ratio %.4f", b, learned[Eigen::Index(b)],
                  reference[Eigen::Index(b)], ratio);
            QVERIFY2(std::abs(ratio - 1.0) < 0.05,
                     qPrintable(QStringLiteral("R of band %1 at the mean labels").arg(b)));
        }

        const starlocus::test::TestStarFit fit = starlocus::test::testStarFit(result.final.state);
        QVERIFY(fit.below > 900); // 10 % of 10,000 stars are test stars
        qInfo("test stars: <chi2/dof < 5> = %.4f, %.2f %% above 5", fit.meanBelow, 100.0 * fit.fractionAbove);
        QVERIFY2(fit.meanBelow <= 1.2, "test <chi2/dof> below 5");
        QVERIFY2(fit.fractionAbove <= 0.05, "fraction of test stars above chi2/dof 5");
    }
};

QTEST_GUILESS_MAIN(TestPublishedStarTraining)
#include "test_published_star_training.moc"
