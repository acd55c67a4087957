// SPDX-License-Identifier: GPL-3.0-or-later
// Percentiles (numpy's linear definition), running 16/50/84 % curves of a known distribution,
// and 2-D binned maps (counts, mean of z, minimum count, 10⁶ points well under 100 ms).
#include "core/common/input_error.h"
#include "core/diagnostics/binned_map_2d.h"
#include "core/diagnostics/percentiles.h"
#include "tests/core/diagnostics/diagnostics_random.h"
#include "tests/support/relative_compare.h"

#include <QElapsedTimer>
#include <QTest>

#include <algorithm>
#include <cmath>
#include <numeric>

using namespace starlocus::core;

class TestPercentilesAndMaps : public QObject {
    Q_OBJECT

private slots:
    void percentileMatchesNumpyDefinition() {
        std::vector<double> v(101);
        std::iota(v.begin(), v.end(), 0.0);
        std::reverse(v.begin(), v.end());
        QCOMPARE(percentileInPlace(v, 0.16), 16.0);
        QCOMPARE(percentileInPlace(v, 0.845), 84.5); // between order statistics: linear
        std::vector<double> four{4.0, 1.0, 3.0, 2.0};
        QCOMPARE(percentileInPlace(four, 0.5), 2.5); // numpy.percentile([1,2,3,4], 50)
        std::vector<double> none;
        QVERIFY(std::isnan(percentileInPlace(none, 0.5)));
        const std::vector<double> withNaN{1.0, std::nan(""), 3.0};
        QCOMPARE(quantiles(withNaN).p50, 2.0);
    }

    // Gaussian N(0, 1): 16/50/84 % = −0.9945, 0, +0.9945.
    void quantilesOfAGaussian() {
        starlocus::test::GaussianDraws draws(11);
        std::vector<double> v(400000);
        for (double& x : v)
            x = draws.normal();
        const Quantiles q = quantiles(v);
        qInfo("N(0,1), 4e5 draws: p16 %.4f p50 %.4f p84 %.4f", q.p16, q.p50, q.p84);
        STARLOCUS_COMPARE_CLOSE(q.p16, -0.994458, 0.0, 0.01);
        STARLOCUS_COMPARE_CLOSE(q.p50, 0.0, 0.0, 0.01);
        STARLOCUS_COMPARE_CLOSE(q.p84, 0.994458, 0.0, 0.01);
    }

    // y = 1 + 0.5x + (1 + 0.1x)·z, z ~ N(0, 1): at the window centre c, p50 = 1 + 0.5c and
    // p84 − p50 = p50 − p16 = 0.9945·(1 + 0.1c) (the linear trend averages out in a symmetric window
    // up to ~(0.5 w)²/12 in variance, negligible here).
    void runningPercentilesOfAKnownDistribution() {
        starlocus::test::GaussianDraws draws(7);
        const std::size_t n = 400000;
        std::vector<double> x(n), y(n);
        for (std::size_t i = 0; i < n; ++i) {
            x[i] = draws.uniform(0.0, 10.0);
            y[i] = 1.0 + 0.5 * x[i] + (1.0 + 0.1 * x[i]) * draws.normal();
        }
        x[0] = std::nan(""); // ignored
        RunningPercentileSettings s;
        s.axis = {0.0, 10.0, 20};
        const RunningPercentiles r = runningPercentiles(x, y, s);
        QCOMPARE(r.centres.size(), std::size_t(20));
        QCOMPARE(std::accumulate(r.counts.begin(), r.counts.end(), std::size_t(0)), n - 1);
        QCOMPARE(r.pointsUsed, n - 1);
        // Each percentile against its expected sampling error, sqrt(p(1 − p)/n)/φ(z_p)·scale
        // (φ(±0.9945) = 0.2420, φ(0) = 0.3989): a correct implementation stays within 4σ.
        double worst = 0.0, worstSigmas = 0.0;
        for (std::size_t k = 0; k < 20; ++k) {
            const double c = r.centres[k], scale = 1.0 + 0.1 * c, p50 = 1.0 + 0.5 * c, half = 0.994458 * scale;
            const double nk = double(r.counts[k]);
            const double s50 = std::sqrt(0.25 / nk) / 0.398942 * scale;
            const double s16 = std::sqrt(0.16 * 0.84 / nk) / 0.241971 * scale;
            const double e[3] = {r.p16[k] - (p50 - half), r.p50[k] - p50, r.p84[k] - (p50 + half)};
            worst = std::max({worst, std::abs(e[0]), std::abs(e[1]), std::abs(e[2])});
            worstSigmas = std::max({worstSigmas, std::abs(e[0]) / s16, std::abs(e[1]) / s50, std::abs(e[2]) / s16});
        }
        qInfo("running percentiles, 20 windows of ~20000 points: worst |error| %.4f = %.2f sampling sigmas", worst,
              worstSigmas);
        QVERIFY(worstSigmas < 4.0);

        // Overlapping windows (width 2 bins) hold about twice the points.
        s.windowWidth = 1.0;
        const RunningPercentiles wide = runningPercentiles(x, y, s);
        QVERIFY(wide.counts[10] > 19 * r.counts[10] / 10);
    }

    void runningPercentilesRespectMinCountAndUpperEdge() {
        const std::vector<double> x{0.0, 0.5, 1.0, 1.0, 2.0, 3.0};
        const std::vector<double> y{1.0, 2.0, 3.0, 4.0, 5.0, 6.0};
        RunningPercentileSettings s;
        s.axis = {0.0, 2.0, 2};
        s.minCount = 2;
        const RunningPercentiles r = runningPercentiles(x, y, s);
        QCOMPARE(r.counts[0], std::size_t(2)); // [0, 1): 0.0, 0.5
        QCOMPARE(r.counts[1], std::size_t(3)); // [1, 2]: 1.0, 1.0, 2.0 (the upper edge counts)
        QCOMPARE(r.p50[0], 1.5);
        QCOMPARE(r.p50[1], 4.0);
        s.minCount = 3;
        QVERIFY(std::isnan(runningPercentiles(x, y, s).p50[0]));
        s.axis = {1.0, 1.0, 3};
        QVERIFY_THROWS_EXCEPTION(InputError, runningPercentiles(x, y, s));
    }

    void binnedMapCountsAndMeans() {
        const AxisBinning ax{0.0, 2.0, 2}, ay{0.0, 3.0, 3};
        const std::vector<double> x{0.1, 0.2, 1.5, 2.0, 5.0, std::nan(""), 0.3};
        const std::vector<double> y{0.1, 0.9, 2.5, 3.0, 1.0, 1.0, 0.5};
        const std::vector<double> z{1.0, 3.0, 10.0, 20.0, 0.0, 0.0, 5.0};
        const BinnedMap2D map = binMap2D(x, y, z, ax, ay, 2);
        QCOMPARE(map.xEdges, (std::vector<double>{0.0, 1.0, 2.0}));
        QCOMPARE(map.yEdges, (std::vector<double>{0.0, 1.0, 2.0, 3.0}));
        QCOMPARE(map.count(0, 0), std::size_t(3));
        QCOMPARE(map.mean(0, 0), 3.0);                     // (1 + 3 + 5)/3
        QCOMPARE(map.count(1, 2), std::size_t(2));         // 1.5/2.5 and the corner (2, 3)
        QCOMPARE(map.mean(1, 2), 15.0);
        QCOMPARE(map.count(1, 0), std::size_t(0));
        QVERIFY(std::isnan(map.mean(1, 0)));
        QCOMPARE(map.pointsOutside, std::size_t(1));
        QCOMPARE(map.pointsNotFinite, std::size_t(1));
        QCOMPARE(map.pointsBinned, std::size_t(5));
        // Below the minimum count the mean is not shown.
        const BinnedMap2D strict = binMap2D(x, y, z, ax, ay, 3);
        QCOMPARE(strict.mean(0, 0), 3.0);
        QVERIFY(std::isnan(strict.mean(1, 2)));
        // Without z: counts only.
        QVERIFY(binMap2D(x, y, {}, ax, ay).meanOfZ.empty());
        QVERIFY_THROWS_EXCEPTION(InputError, binMap2D(x, std::vector<double>{1.0}, {}, ax, ay));
    }

    // 10⁶ points on a 200 × 200 map: well under 100 ms, and the same numbers with 1 or 4 threads.
    void millionPointMapIsFastAndDeterministic() {
        starlocus::test::GaussianDraws draws(3);
        const std::size_t n = 1000000;
        std::vector<double> x(n), y(n), z(n);
        for (std::size_t i = 0; i < n; ++i) {
            x[i] = draws.normal();
            y[i] = draws.normal();
            z[i] = draws.uniform();
        }
        const AxisBinning ax{-4.0, 4.0, 200}, ay{-4.0, 4.0, 200};
        const QByteArray threads = qgetenv("STARLOCUS_THREADS");
        qputenv("STARLOCUS_THREADS", "1");
        const BinnedMap2D one = binMap2D(x, y, z, ax, ay, 10);
        qputenv("STARLOCUS_THREADS", "4");
        const BinnedMap2D four = binMap2D(x, y, z, ax, ay, 10);
        if (threads.isEmpty())
            qunsetenv("STARLOCUS_THREADS");
        else
            qputenv("STARLOCUS_THREADS", threads);
        QCOMPARE(one.counts, four.counts);
        QVERIFY(std::equal(one.meanOfZ.begin(), one.meanOfZ.end(), four.meanOfZ.begin(),
                           [](double a, double b) { return a == b || (std::isnan(a) && std::isnan(b)); }));

        double best = 1e9;
        for (int rep = 0; rep < 5; ++rep) {
            QElapsedTimer timer;
            timer.start();
            const BinnedMap2D map = binMap2D(x, y, z, ax, ay, 10);
            best = std::min(best, double(timer.nsecsElapsed()) * 1e-6);
            QCOMPARE(map.pointsBinned + map.pointsOutside, n);
        }
        qInfo("binMap2D: 1e6 points, 200x200 pixels, with mean of z: %.1f ms (best of 5)", best);
        QVERIFY(best < 100.0);
    }
};

QTEST_GUILESS_MAIN(TestPercentilesAndMaps)
#include "test_percentiles_and_maps.moc"
