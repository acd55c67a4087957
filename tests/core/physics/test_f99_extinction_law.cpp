// SPDX-License-Identifier: GPL-3.0-or-later
// Fitzpatrick (1999) in the FM_UNRED form against the python3-extinction fixtures
// (reference/f99_*.csv, made by reference/scripts/make_f99.py), its normalisation quirks,
// and its domain errors.
#include "core/common/input_error.h"
#include "core/physics/fitzpatrick99.h"
#include "tests/core/physics/physics_fixtures.h"
#include "tests/support/relative_compare.h"
#include "tests/support/shared_data.h"

#include <QTest>

#include <cmath>
#include <limits>

using starlocus::core::Fitzpatrick99;
using starlocus::core::InputError;

class TestF99ExtinctionLaw : public QObject {
    Q_OBJECT

private:
    // Max |ours − fixture| of A/A_V over the fixture (300–5500 nm every 50 nm).
    static double maxDeviation(const QString& path, int column, double rV) {
        const auto table = starlocus::test::readCsv(path);
        const Fitzpatrick99 law(rV);
        double worst = 0.0;
        for (const QStringList& row : table.rows)
            worst = std::max(worst, std::abs(law.aOverAv(row[0].toDouble() * 10.0) - row[column].toDouble()));
        return table.rows.size() == 105 ? worst : std::numeric_limits<double>::infinity();
    }

private slots:
    void matchesSingleRvFixtures_data() {
        QTest::addColumn<QString>("file");
        QTest::addColumn<double>("rV");
        QTest::newRow("R_V=2.5") << "reference/f99_rv25.csv" << 2.5;
        QTest::newRow("R_V=3.1") << "reference/f99_rv31.csv" << 3.1;
        QTest::newRow("R_V=4.0") << "reference/f99_rv40.csv" << 4.0;
    }

    void matchesSingleRvFixtures() {
        QFETCH(QString, file);
        QFETCH(double, rV);
        STARLOCUS_SHARED_FILE(path, file);
        const double worst = maxDeviation(path, 1, rV);
        qInfo("R_V=%.1f: max |A/A_V - fixture| = %.2e over 0.3-5.5 um", rV, worst);
        QVERIFY2(worst < 1e-3, qPrintable(QString::number(worst))); // done-when criterion
        QVERIFY(worst < 1e-6); // in fact the same algorithm: only the fixture's rounding is left
    }

    void matchesCombinedFixture() {
        STARLOCUS_SHARED_FILE(path, "reference/f99_all.csv");
        QCOMPARE(starlocus::test::readCsv(path).header.size(), 4);
        QVERIFY(maxDeviation(path, 1, 2.5) < 1e-6);
        QVERIFY(maxDeviation(path, 2, 3.1) < 1e-6);
        QVERIFY(maxDeviation(path, 3, 4.0) < 1e-6);
    }

    void anchorsMakeVBandNotExactlyOne() {
        // The FM_UNRED optical anchors give A/A_V = 0.978 at 5500 Å (reference/README.md).
        STARLOCUS_COMPARE_CLOSE(Fitzpatrick99(3.1).aOverAv(5500.0), 0.9778, 0.0, 5e-4);
        // and A → 0 far in the infrared, A/A_V rising to the blue.
        const Fitzpatrick99 law(3.1);
        QVERIFY(law.aOverAv(55000.0) < 0.05);
        QVERIFY(law.aOverAv(4400.0) > law.aOverAv(5500.0));
    }

    void perEbvIsRvTimesPerAv() {
        for (const double rV : {2.5, 3.1, 4.0, 5.5}) {
            const Fitzpatrick99 law(rV);
            for (const double w : {1500.0, 3000.0, 5500.0, 12000.0, 45000.0})
                STARLOCUS_COMPARE_CLOSE(law.aOverEbv(w), rV * law.aOverAv(w), 1e-14, 0.0);
        }
    }

    void colourExcessIsNearOnePerEbv() {
        // E(B−V) is defined on the law's own scale: A(4400 Å) − A(5500 Å) per E(B−V) is close
        // to 1 (not exactly: B and V are bands, not the monochromatic 4400/5500 Å).
        for (const double rV : {2.5, 3.1, 4.0}) {
            const Fitzpatrick99 law(rV);
            STARLOCUS_COMPARE_CLOSE(law.aOverEbv(4400.0) - law.aOverEbv(5500.0), 1.0, 0.0, 0.05);
        }
    }

    void ultravioletBranchJoinsTheSpline() {
        // The UV form takes over below 2700 Å, and the spline's last anchors come from it:
        // the curve is continuous there, with the 2175 Å bump above its surroundings.
        const Fitzpatrick99 law(3.1);
        STARLOCUS_COMPARE_CLOSE(law.aOverAv(2699.999), law.aOverAv(2700.001), 0.0, 1e-4);
        QVERIFY(law.aOverAv(2175.0) > law.aOverAv(2600.0));
        QVERIFY(law.aOverAv(2175.0) > law.aOverAv(1800.0));
        QVERIFY(law.aOverAv(1000.0) > law.aOverAv(1500.0)); // far-UV rise
    }

    void refusesWavelengthsOutsideItsDomain_data() {
        QTest::addColumn<double>("wavelengthA");
        QTest::newRow("below 910 A") << 900.0;
        QTest::newRow("above 6 um") << 60001.0;
        QTest::newRow("zero") << 0.0;
        QTest::newRow("negative") << -5000.0;
        QTest::newRow("NaN") << std::numeric_limits<double>::quiet_NaN();
    }

    void refusesWavelengthsOutsideItsDomain() {
        QFETCH(double, wavelengthA);
        const Fitzpatrick99 law(3.1);
        try {
            (void)law.aOverAv(wavelengthA);
            QFAIL("no InputError");
        } catch (const InputError& e) {
            QCOMPARE(QString::fromStdString(e.field()), QStringLiteral("wavelength_A"));
            QVERIFY(QString::fromUtf8(e.what()).contains(QStringLiteral("wavelength_A")));
            QVERIFY(QString::fromUtf8(e.what()).contains(QStringLiteral("Fitzpatrick")));
        }
        // The edges themselves are inside.
        QVERIFY(std::isfinite(law.aOverAv(Fitzpatrick99::kMinWavelengthA)));
        QVERIFY(std::isfinite(law.aOverAv(Fitzpatrick99::kMaxWavelengthA)));
    }

    void refusesNonsenseRv_data() {
        QTest::addColumn<double>("rV");
        QTest::newRow("too small") << 1.0;
        QTest::newRow("too large") << 7.5;
        QTest::newRow("zero") << 0.0;
        QTest::newRow("NaN") << std::numeric_limits<double>::quiet_NaN();
    }

    void refusesNonsenseRv() {
        QFETCH(double, rV);
        try {
            Fitzpatrick99 law(rV);
            QFAIL("no InputError");
        } catch (const InputError& e) {
            QCOMPARE(QString::fromStdString(e.field()), QStringLiteral("R_V"));
            QVERIFY(QString::fromUtf8(e.what()).contains(QStringLiteral("field 'R_V'")));
        }
    }
};

QTEST_APPLESS_MAIN(TestF99ExtinctionLaw)
#include "test_f99_extinction_law.moc"
