// SPDX-License-Identifier: GPL-3.0-or-later
// Fig. 10 and Fig. 11 numbers: ΔR/R (zero for a constant R, closed form for an exponential R),
// reddening slopes of a constant R = (R1 − R2)/(R2 − R3), and the Schlafly et al. (2016)
// family against every row of ../shared/reference/s16_slopes_vs_RV.csv.
#include "core/common/input_error.h"
#include "core/diagnostics/extinction_deviation.h"
#include "core/diagnostics/reddening_slopes.h"
#include "core/diagnostics/s16_family.h"
#include "tests/support/relative_compare.h"
#include "tests/support/shared_data.h"
#include "tests/support/toy_model.h"

#include <QFile>
#include <QTest>

#include <cmath>

using namespace starlocus::core;
using starlocus::test::toyExtinction;
using starlocus::test::toyModel;
using starlocus::test::toySunMagnitudes;

namespace {

// R_b(x) = r_b · exp(k_b x₀): ΔR/R relative to x̄ is exp(k_b (x₀ − x̄₀)) − 1 in closed form.
StellarModel exponentialExtinctionModel(const Vec13& k) {
    const StellarModel base = toyModel(toySunMagnitudes(), toyExtinction());
    DenseLayer ext = base.extinctionLayer();
    for (int b = 0; b < 13; ++b)
        ext.kernel[std::size_t(b)] = k[b]; // input 0 (Teff) → output b
    return StellarModel(base.normalization(), {}, base.colorOutputLayer(), ext, base.provenance());
}

std::vector<std::array<double, 3>> someLabels() {
    std::vector<std::array<double, 3>> theta;
    for (int i = 0; i < 200; ++i)
        theta.push_back({4000.0 + 15.0 * i, 2.0 + 0.01 * i, -1.0 + 0.005 * i});
    theta.push_back({std::nan(""), 4.0, 0.0});
    return theta;
}

// CSV rows without the '#' comments, split on commas.
std::vector<QStringList> readCsv(const QString& path) {
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly | QIODevice::Text))
        return {};
    std::vector<QStringList> rows;
    while (!f.atEnd()) {
        const QString line = QString::fromUtf8(f.readLine()).trimmed();
        if (!line.isEmpty() && !line.startsWith('#'))
            rows.push_back(line.split(','));
    }
    return rows;
}

} // namespace

class TestReddeningDiagnostics : public QObject {
    Q_OBJECT

private slots:
    void deltaROverRIsZeroForAConstantR() {
        const StellarModel model = toyModel(toySunMagnitudes(), toyExtinction(), 0.05);
        const auto theta = someLabels();
        const Eigen::Vector3d mean = meanLabels(theta);
        STARLOCUS_COMPARE_CLOSE(mean[0], 4000.0 + 15.0 * 99.5, 1e-12, 0.0); // the NaN star is left out
        const ExtinctionDeviation d = extinctionDeviation(model, theta, mean);
        QCOMPARE(d.stars, std::size_t(200));
        QCOMPARE(d.skipped, std::size_t(1));
        double worst = 0.0;
        for (std::size_t i = 0; i < 200; ++i)
            for (double v : d.relative[i])
                worst = std::max(worst, std::abs(v));
        qInfo("constant R: max |ΔR/R| = %.3g", worst);
        QVERIFY(worst < 1e-14);
        QVERIFY(std::isnan(d.relative[200][0]));
        for (int b = 0; b < 13; ++b)
            STARLOCUS_COMPARE_CLOSE(d.referenceExtinction[b], toyExtinction()[b], 1e-14, 0.0);
    }

    void deltaROverRMatchesTheClosedForm() {
        Vec13 k;
        for (int b = 0; b < 13; ++b)
            k[b] = 0.02 * (b - 6);
        const StellarModel model = exponentialExtinctionModel(k);
        const auto theta = someLabels();
        const Eigen::Vector3d mean = meanLabels(theta);
        const ExtinctionDeviation d = extinctionDeviation(model, theta, mean);
        const double xMean = (mean[0] - 5780.0) / 1000.0;
        for (std::size_t i = 0; i < 200; i += 37)
            for (std::size_t b = 0; b < 13; ++b) {
                const double x = (theta[i][0] - 5780.0) / 1000.0;
                STARLOCUS_COMPARE_CLOSE(d.relative[i][b], std::expm1(k[Eigen::Index(b)] * (x - xMean)), 1e-10, 1e-14);
            }
    }

    void slopesOfAConstantR() {
        const Vec13 r = toyExtinction();
        const StellarModel model = toyModel(toySunMagnitudes(), r, 0.05);
        const auto theta = someLabels();
        const ReddeningSlopes s = modelReddeningSlopes(model, theta, meanLabels(theta));
        QCOMPARE(s.stars, std::size_t(200));
        QCOMPARE(s.skipped, std::size_t(1));
        const char* names[8] = {"gri", "riz", "izy", "zyJ", "yJH", "JHK", "HKW1", "KW1W2"};
        for (std::size_t t = 0; t < kSlopeTripleCount; ++t) {
            const Eigen::Index b = Eigen::Index(kFirstSlopeBand + t);
            const double expected = (r[b] - r[b + 1]) / (r[b + 1] - r[b + 2]);
            QCOMPARE(std::string(s.tripleNames[t]), std::string(names[t]));
            STARLOCUS_COMPARE_CLOSE(s.learned[t], expected, 1e-13, 0.0);
            STARLOCUS_COMPARE_CLOSE(s.median[t], expected, 1e-13, 0.0);
            STARLOCUS_COMPARE_CLOSE(s.lo[t], expected, 1e-13, 0.0);
            STARLOCUS_COMPARE_CLOSE(s.hi[t], expected, 1e-13, 0.0);
        }
    }

    // A grey offset and an overall scale of R leave every slope unchanged.
    void slopesIgnoreGreyOffsetAndScale() {
        const Vec13 r = toyExtinction();
        const Vec13 shifted = 2.5 * r + Vec13::Constant(0.7);
        const SlopeVector a = reddeningSlopes(r), b = reddeningSlopes(shifted);
        for (std::size_t t = 0; t < kSlopeTripleCount; ++t)
            STARLOCUS_COMPARE_CLOSE(b[t], a[t], 1e-13, 0.0);
    }

    // The 1σ band over stars brackets the median when R varies with the labels.
    void slopeRangeOverStars() {
        Vec13 k;
        for (int b = 0; b < 13; ++b)
            k[b] = 0.03 * (b - 6);
        const auto theta = someLabels();
        const ReddeningSlopes s = modelReddeningSlopes(exponentialExtinctionModel(k), theta, meanLabels(theta));
        for (std::size_t t = 0; t < kSlopeTripleCount; ++t) {
            QVERIFY(s.lo[t] < s.median[t] && s.median[t] < s.hi[t]);
            QVERIFY(s.lo[t] <= s.learned[t] && s.learned[t] <= s.hi[t]);
        }
    }

    // The embedded table is the published one (values identical to the shared reference).
    void embeddedS16TableMatchesTheReference() {
        STARLOCUS_SHARED_FILE(path, "reference/s16_vectors.csv");
        const std::vector<QStringList> rows = readCsv(path);
        QCOMPARE(rows.size(), std::size_t(11));
        const S16Family family;
        double sumMean = 0.0, normMean = 0.0, normSlope = 0.0, dot = 0.0;
        for (std::size_t b = 0; b < kS16BandCount; ++b) {
            const QStringList& f = rows[b + 1];
            QCOMPARE(family.table()[b].rMean, f[2].toDouble());
            QCOMPARE(family.table()[b].dRdx, f[3].toDouble());
            sumMean += family.table()[b].rMean;
            normMean += std::pow(family.table()[b].rMean, 2);
            normSlope += std::pow(family.table()[b].dRdx, 2);
            dot += family.table()[b].rMean * family.table()[b].dRdx;
        }
        qInfo("S16 R_mean: sum %.2e, |R_mean|^2 %.8f, |dR/dx|^2 %.8f, R_mean.dR/dx %.2e", sumMean, normMean, normSlope,
              dot);
        QVERIFY(std::abs(sumMean) < 1e-6 && std::abs(normMean - 1.0) < 1e-6 && std::abs(normSlope - 1.0) < 1e-6);
        QVERIFY(std::abs(dot) < 1e-6);
    }

    // Every row (R_V = 2.5 … 4.5) of the reference slopes; the table's 6 decimals bound the error.
    void s16SlopesMatchEveryReferenceRow() {
        STARLOCUS_SHARED_FILE(path, "reference/s16_slopes_vs_RV.csv");
        const std::vector<QStringList> rows = readCsv(path);
        QCOMPARE(rows.size(), std::size_t(22)); // header + 21 values of R_V
        const S16Family family;
        double worst = 0.0;
        for (std::size_t r = 1; r < rows.size(); ++r) {
            const double rv = rows[r][0].toDouble();
            STARLOCUS_COMPARE_CLOSE(S16Family::xOfRv(rv), rows[r][1].toDouble(), 0.0, 1e-6);
            const SlopeVector s = family.slopesAtRv(rv);
            for (std::size_t t = 0; t < kSlopeTripleCount; ++t) {
                const double expected = rows[r][int(2 + t)].toDouble();
                worst = std::max(worst, std::abs(s[t] - expected));
                STARLOCUS_COMPARE_CLOSE(s[t], expected, 0.0, 1e-6);
            }
        }
        qInfo("S16 slopes vs reference, 21 R_V x 8 triples: max |diff| %.2g", worst);
        // The numbers quoted at R_V = 3.3 (gri … KW1W2).
        const double quoted[8] = {1.3945, 1.5306, 1.4765, 0.6077, 1.4542, 1.9430, 1.3477, 2.6273};
        const SlopeVector mean = family.slopesAtRv(3.3);
        for (std::size_t t = 0; t < kSlopeTripleCount; ++t)
            STARLOCUS_COMPARE_CLOSE(mean[t], quoted[t], 0.0, 6e-5);
        const S16Family::Curve curve = family.slopeCurves(2.5, 4.5, 21);
        QCOMPARE(curve.rv.size(), std::size_t(21));
        STARLOCUS_COMPARE_CLOSE(curve.rv[8], 3.3, 0.0, 1e-12);
        QCOMPARE(curve.slopes[8], family.slopesAtRv(curve.rv[8]));
    }

    void s16ParserRejectsBrokenTables() {
        const std::string header = "# comment\nband,R_mean,dR_dx\n";
        std::string rows;
        for (const char* b : {"g", "r", "i", "z", "y", "J", "H", "Ks", "W1", "W2"})
            rows += std::string(b) + ",0.1,0.2\n";
        QCOMPARE(S16Family(header + rows, "ok.csv").table()[7].band, std::string("Ks"));
        auto fieldOf = [](const std::string& csv) -> std::string {
            try {
                S16Family(csv, "bad.csv");
            } catch (const InputError& e) {
                return e.field();
            }
            return "no error";
        };
        QCOMPARE(fieldOf("band,R,dR\n" + rows), std::string("header"));
        QCOMPARE(fieldOf(header + "r,0.1,0.2\n"), std::string("band"));            // wrong order
        QCOMPARE(fieldOf(header + "g,abc,0.2\n"), std::string("R_mean"));          // not a number
        QCOMPARE(fieldOf(header + "g,0.1\n"), std::string("columns"));
        QCOMPARE(fieldOf(header + "g,0.1,0.2\n"), std::string("band"));            // too few bands
    }
};

QTEST_GUILESS_MAIN(TestReddeningDiagnostics)
#include "test_reddening_diagnostics.moc"
