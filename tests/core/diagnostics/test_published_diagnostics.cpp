// SPDX-License-Identifier: GPL-3.0-or-later
// The diagnostics of §6–§7 with the published model on the published 10,000 test stars:
// Fig. 12 scores, Fig. 11 slopes against S16, Fig. 10 ΔR/R and the §7 validity flags.
// Measured numbers are printed (docs/DIAGNOSTICS.md quotes them); the checks are loose and
// only catch a wrong sign, band or scale.
#include "core/diagnostics/color_score.h"
#include "core/diagnostics/density_grid_file.h"
#include "core/diagnostics/extinction_deviation.h"
#include "core/diagnostics/percentiles.h"
#include "core/diagnostics/reddening_slopes.h"
#include "core/diagnostics/s16_family.h"
#include "core/io/green2020_catalog.h"
#include "core/io/model_file.h"
#include "core/likelihood/catalog_fit.h"
#include "tests/support/published_data.h"

#include <QTest>

#include <cmath>

using namespace starlocus::core;

class TestPublishedDiagnostics : public QObject {
    Q_OBJECT
    StellarModel model_;
    Catalog catalog_;

private slots:
    void init() {
        STARLOCUS_LOAD_PUBLISHED(model_, catalog_);
    }

    // Fig. 12: most colours span about ±1; g − r narrower (the paper's §6.3).
    void scoresOfFigure12() {
        const CatalogFit fit = refitCatalogReddening(model_, catalog_);
        const ColorPair pairs[5] = {{3, 4}, {4, 0}, {1, 2}, {8, 10}, {11, 12}};
        for (const ColorScores& s : colorScores(model_, catalog_, fit, pairs)) {
            const Quantiles q = quantiles(s.score);
            qInfo("published model, %s: %zu stars (%zu without the bands), median %+.3f, 16-84 %% width %.3f",
                  colorName(s.pair).c_str(), s.scored, s.skippedMissingBand, q.p50, q.p84 - q.p16);
            QVERIFY(s.scored > 2000);
            QVERIFY(std::abs(q.p50) < 0.5);
            QVERIFY(q.p84 - q.p16 > 0.5 && q.p84 - q.p16 < 3.0);
        }
    }

    // Fig. 11: the learned slopes lie near the S16 mean (R_V ≈ 3.3) in most triples.
    void slopesOfFigure11() {
        const Eigen::Vector3d mean = meanLabels(catalog_.theta);
        const ReddeningSlopes s = modelReddeningSlopes(model_, catalog_.theta, mean);
        const SlopeVector s16 = S16Family().slopesAtRv(3.3);
        std::size_t near = 0;
        for (std::size_t t = 0; t < kSlopeTripleCount; ++t) {
            qInfo("%-6s learned %.4f (16-84 %%: %.4f-%.4f), S16 R_V=3.3: %.4f", std::string(s.tripleNames[t]).c_str(),
                  s.learned[t], s.lo[t], s.hi[t], s16[t]);
            QVERIFY(s.learned[t] > 0.0);
            near += std::abs(s.learned[t] / s16[t] - 1.0) < 0.2 ? 1 : 0;
        }
        QVERIFY(near >= 5);
    }

    // Fig. 10: ΔR/R spreads by a few per cent over the test stars, most in the widest bands.
    void deltaROverROfFigure10() {
        const Eigen::Vector3d mean = meanLabels(catalog_.theta);
        const ExtinctionDeviation d = extinctionDeviation(model_, catalog_.theta, mean);
        qInfo("mean labels: %.1f K, %.3f, %.3f", mean[0], mean[1], mean[2]);
        for (std::size_t b : {0u, 1u, 2u, 3u, 8u}) {
            std::vector<double> v;
            for (const BandValues& r : d.relative)
                v.push_back(r[b]);
            const Quantiles q = quantiles(v);
            qInfo("dR/R %-3s: 16/50/84 %% = %+.4f %+.4f %+.4f", std::string(bands()[b].name).c_str(), q.p16, q.p50,
                  q.p84);
            QVERIFY(std::abs(q.p50) < 0.1 && q.p84 - q.p16 < 0.3);
        }
    }

    // §7: the test stars that observed a band lie inside the published training density of
    // that band (channel 0: the stars with ϖ̂/σ_ϖ ≥ 5).
    void validityOfTheTestStars() {
        STARLOCUS_SHARED_FILE(densityPath, "green2020/green2020_input_density.h5");
        const DensityGrid g = readDensityGrid(densityPath.toStdString());
        for (std::size_t ch = 0; ch < kDensityChannelCount; ++ch) {
            std::size_t valid = 0, observed = 0;
            for (std::size_t i = 0; i < catalog_.size(); ++i) {
                const bool has = ch == kParallaxChannel
                                     ? catalog_.parallaxMas[i] / catalog_.parallaxErrMas[i] >= kMinParallaxSnr
                                     : std::isfinite(catalog_.mag[i][ch]) && catalog_.magErr[i][ch] <= kMaxMagnitudeError;
                if (!has)
                    continue;
                ++observed;
                const auto& t = catalog_.theta[i];
                valid += g.valid(ch, Eigen::Vector3d(t[0], t[1], t[2])) ? 1 : 0;
            }
            const double frac = double(valid) / double(observed);
            qInfo("channel %-8s: %.4f of the %zu test stars with it have density >= 1e-2",
                  std::string(densityChannelName(ch)).c_str(), frac, observed);
            QVERIFY(frac > 0.9);
        }
    }
};

QTEST_GUILESS_MAIN(TestPublishedDiagnostics)
#include "test_published_diagnostics.moc"
