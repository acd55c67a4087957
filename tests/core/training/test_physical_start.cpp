// SPDX-License-Identifier: GPL-3.0-or-later
// The physical start of a run: R begins at the F99 theory in the Gaia bands and at the
// Schlafly et al. (2016) mean curve in g … W2, scaled and offset to the theory over g r i z y.
// Checked against the S16 slopes the reference table gives at R_V = 3.3 (scale- and
// offset-free, so they test the shape independently of the anchoring) and against the
// closed-form properties of a least-squares line (zero-mean residual, uncorrelated with
// the regressor).
#include "core/diagnostics/s16_family.h"
#include "core/training/physical_start.h"
#include "tests/support/relative_compare.h"
#include "tests/support/shared_data.h"

#include <QFile>
#include <QTest>

using namespace starlocus::core;

class TestPhysicalStart : public QObject {
    Q_OBJECT

    static constexpr Eigen::Index kFirstS16 = Eigen::Index(kBandCount - kS16BandCount); // g

private slots:
    void gaiaBandsStartAtTheTheory() {
        for (double teff : {4500.0, 5500.0, 6500.0}) {
            const Vec13 start = startReddeningVector(teff), theory = theoryReddeningVector(teff);
            for (Eigen::Index b = 0; b < kFirstS16; ++b)
                QCOMPARE(start[b], theory[b]);
        }
    }

    void nearInfraredFollowsTheS16Shape() {
        STARLOCUS_SHARED_FILE(path, "reference/s16_slopes_vs_RV.csv");
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly | QIODevice::Text));
        QStringList row;
        while (!file.atEnd()) {
            const QString line = QString::fromUtf8(file.readLine()).trimmed();
            if (line.startsWith(QStringLiteral("3.30,")))
                row = line.split(QLatin1Char(','));
        }
        QCOMPARE(row.size(), 10); // R_V, x, 8 slopes
        const Vec13 r = startReddeningVector(5500.0);
        for (Eigen::Index t = 0; t < 8; ++t) {
            const Eigen::Index b = kFirstS16 + t;
            const double slope = (r[b] - r[b + 1]) / (r[b + 1] - r[b + 2]);
            STARLOCUS_COMPARE_CLOSE(slope, row[int(2 + t)].toDouble(), 0.0, 2e-6); // 6 decimals in the table
        }
    }

    void opticalAnchorIsALeastSquaresLine() {
        const S16Family s16;
        for (double teff : {4500.0, 5800.0}) {
            const Vec13 start = startReddeningVector(teff), theory = theoryReddeningVector(teff);
            double sumResidual = 0.0, sumResidualX = 0.0;
            for (std::size_t k = 0; k < 5; ++k) { // g r i z y
                const double residual = theory[kFirstS16 + Eigen::Index(k)] - start[kFirstS16 + Eigen::Index(k)];
                sumResidual += residual;
                sumResidualX += residual * s16.table()[k].rMean;
            }
            QVERIFY2(std::abs(sumResidual) < 1e-12 && std::abs(sumResidualX) < 1e-12,
                     qPrintable(QStringLiteral("residual sums %1, %2").arg(sumResidual).arg(sumResidualX)));
            for (Eigen::Index b = 0; b < Eigen::Index(kBandCount); ++b)
                QVERIFY(start[b] > 0.0);
        }
    }
};

QTEST_GUILESS_MAIN(TestPhysicalStart)
#include "test_physical_start.moc"
