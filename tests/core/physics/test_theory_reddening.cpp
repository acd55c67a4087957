// SPDX-License-Identifier: GPL-3.0-or-later
// The theory ΔR/R(Teff) curves of Fig. 10 against the independent reference calculation
// (reference/theory_dRR*.csv, made by reference/scripts/refcalc.py: blackbody × photon-
// counting passband × F99 R_V = 3.1, relative to 5400 K), with the real curves and with the
// built-in analytic passbands; and the renormalisation helpers (METHOD.md §7 note).
#include "core/common/input_error.h"
#include "core/physics/analytic_passband.h"
#include "core/physics/passband_files.h"
#include "core/physics/theory_reddening.h"
#include "tests/core/physics/physics_fixtures.h"
#include "tests/support/relative_compare.h"
#include "tests/support/shared_data.h"

#include <QTest>

#include <cmath>
#include <vector>

using namespace starlocus::core;

namespace {

struct Deviation {
    double maxAbs = 0.0;      // max over T of |ours − fixture|
    double maxRel = 0.0;      // max of |ours − fixture| / |fixture| where |fixture| ≥ 1e-3
    double worstExcess = 0.0; // max of |err| / (rel·|fixture| + abs); ≤ 1 passes
};

Deviation compare(const std::vector<double>& ours, const std::vector<double>& fixture, double rel, double abs) {
    Deviation d;
    for (std::size_t i = 0; i < ours.size(); ++i) {
        const double err = std::abs(ours[i] - fixture[i]);
        d.maxAbs = std::max(d.maxAbs, err);
        if (std::abs(fixture[i]) >= 1e-3)
            d.maxRel = std::max(d.maxRel, err / std::abs(fixture[i]));
        d.worstExcess = std::max(d.worstExcess, err / std::max(rel * std::abs(fixture[i]), abs));
    }
    return d;
}

std::vector<double> gridTemperatures() {
    std::vector<double> t;
    for (int k = 3500; k <= 8500; k += 100)
        t.push_back(k);
    return t;
}

} // namespace

class TestTheoryReddening : public QObject {
    Q_OBJECT

    starlocus::test::CsvTable grid_;

    std::vector<double> fixtureColumn(const char* band) const {
        const int col = grid_.column(QString::fromLatin1(band));
        std::vector<double> v;
        for (const QStringList& row : grid_.rows)
            v.push_back(row[col].toDouble());
        return v;
    }

private slots:
    void gridFixtureHasTheExpectedLayout() {
        // Loaded here rather than in initTestCase, so that without ../shared only the tests
        // that need it skip.
        STARLOCUS_SHARED_FILE(path, "reference/theory_dRR_grid.csv");
        grid_ = starlocus::test::readCsv(path);
        QCOMPARE(grid_.rows.size(), std::size_t{51});
        QCOMPARE(grid_.rows.front()[0].toInt(), 3500);
        QCOMPARE(grid_.header.size(), 14);
    }

    void realCurvesMatchTheGridFixture() {
        if (grid_.rows.empty())
            QSKIP("needs reference/theory_dRR_grid.csv (see gridFixtureHasTheExpectedLayout)");
        // Done-when: every band, 3500–8500 K, within 3 % of the fixture or 2e-4 absolute.
        const Fitzpatrick99 law(3.1);
        const std::vector<double> temps = gridTemperatures();
        for (const auto& [band, file] : starlocus::test::bandCurveFiles()) {
            STARLOCUS_SHARED_FILE(path, QStringLiteral("reference/passbands/") + QLatin1String(file));
            const BandExtinction ext(readEcsvPassband(path.toStdString()), law);
            const TheoryReddening curve = theoryReddening(ext, temps, 5400.0);
            const Deviation d = compare(curve.deltaROverR, fixtureColumn(band), 0.03, 2e-4);
            qInfo("%-2s real curve: max |dRR - fixture| = %.1e (max rel %.1e)", band, d.maxAbs, d.maxRel);
            QVERIFY2(d.worstExcess <= 1.0, band);
            QVERIFY2(d.maxAbs < 2e-6, band); // same conventions as refcalc.py: only rounding left
        }
    }

    void matchesTheFiveTemperatureTableIncludingFiniteE() {
        // theory_dRR.csv: R = A_b/E(B−V) (linear), dRR, and dRR_EBV1 at finite E(B−V) = 1.
        STARLOCUS_SHARED_FILE(path, "reference/theory_dRR.csv");
        const auto table = starlocus::test::readCsv(path);
        const int cT = table.column(QStringLiteral("Teff_K")), cR = table.column(QStringLiteral("R")),
                  cD = table.column(QStringLiteral("dRR")), cE = table.column(QStringLiteral("dRR_EBV1"));
        QVERIFY(cT > 0 && cR > 0 && cD > 0 && cE > 0);
        QCOMPARE(table.rows.size(), std::size_t{65});
        const Fitzpatrick99 law(3.1);
        for (const auto& [band, file] : starlocus::test::bandCurveFiles()) {
            STARLOCUS_SHARED_FILE(curvePath, QStringLiteral("reference/passbands/") + QLatin1String(file));
            const BandExtinction ext(readEcsvPassband(curvePath.toStdString()), law);
            std::vector<double> temps, r, dRR, dRRE1;
            for (const QStringList& row : table.rows) {
                if (row[0] != QLatin1String(band))
                    continue;
                temps.push_back(row[cT].toDouble());
                r.push_back(row[cR].toDouble());
                dRR.push_back(row[cD].toDouble());
                dRRE1.push_back(row[cE].toDouble());
            }
            QCOMPARE(temps.size(), std::size_t{5});
            const TheoryReddening linear = theoryReddening(ext, temps, 5400.0);
            const TheoryReddening finite = theoryReddening(ext, temps, 5400.0, 1.0);
            for (std::size_t i = 0; i < temps.size(); ++i) {
                STARLOCUS_COMPARE_CLOSE(linear.r[i], r[i], 0.0, 1e-5);
                STARLOCUS_COMPARE_CLOSE(linear.deltaROverR[i], dRR[i], 0.03, 2e-4);
                STARLOCUS_COMPARE_CLOSE(finite.deltaROverR[i], dRRE1[i], 0.03, 2e-4);
                STARLOCUS_COMPARE_CLOSE(finite.deltaROverR[i], dRRE1[i], 0.0, 2e-6);
            }
        }
    }

    void publishedNumbersOfTheReadme() {
        // reference/README.md: at 4000 K / 7000 K, G −9.4 % / +7.1 %, BP −5.3 % / +4.2 %,
        // RP −2.6 % / +1.6 %, g −1.55 % / +1.07 %.
        const Fitzpatrick99 law(3.1);
        const std::vector<double> temps = {4000.0, 7000.0};
        const struct {
            const char* band;
            const char* file;
            double at4000, at7000, tol;
        } cases[] = {{"G", "gaiadr2-G.ecsv", -0.094, 0.071, 5e-4},
                     {"BP", "gaiadr2-BP.ecsv", -0.053, 0.042, 5e-4},
                     {"RP", "gaiadr2-RP.ecsv", -0.026, 0.016, 5e-4},
                     {"g", "panstarrs-g.ecsv", -0.0155, 0.0107, 5e-5}};
        for (const auto& c : cases) {
            STARLOCUS_SHARED_FILE(path, QStringLiteral("reference/passbands/") + QLatin1String(c.file));
            const auto curve = theoryReddening(BandExtinction(readEcsvPassband(path.toStdString()), law), temps);
            STARLOCUS_COMPARE_CLOSE(curve.deltaROverR[0], c.at4000, 0.0, c.tol);
            STARLOCUS_COMPARE_CLOSE(curve.deltaROverR[1], c.at7000, 0.0, c.tol);
        }
    }

    void analyticPassbandsAreGoodEnoughForGaia() {
        // The built-in Tukey-window bands against the same fixture. Asserted for G, BP, RP:
        // |error| ≤ 10 % of the fixture, with a 2e-4 floor where the fixture itself vanishes
        // (within ~100 K of the 5400 K reference, where both curves are 0 by construction).
        // The other bands are measured and reported (docs/PHYSICS.md), not asserted.
        if (grid_.rows.empty())
            QSKIP("needs reference/theory_dRR_grid.csv (see gridFixtureHasTheExpectedLayout)");
        const Fitzpatrick99 law(3.1);
        const std::vector<double> temps = gridTemperatures();
        for (const auto& [band, file] : starlocus::test::bandCurveFiles()) {
            Q_UNUSED(file);
            const TheoryReddening curve = theoryReddening(BandExtinction(analyticPassband(band), law), temps);
            const std::vector<double> fixture = fixtureColumn(band);
            const Deviation d = compare(curve.deltaROverR, fixture, 0.10, 2e-4);
            qInfo("%-2s analytic: max |dRR - fixture| = %.4f, max rel = %.3f (where |fixture| >= 1e-3), "
                  "fixture at 3500/8500 K = %+.4f/%+.4f",
                  band, d.maxAbs, d.maxRel, fixture.front(), fixture.back());
            const std::string name = band;
            if (name == "G" || name == "BP" || name == "RP")
                QVERIFY2(d.worstExcess <= 1.0, qPrintable(QStringLiteral("%1: worst error / allowance = %2")
                                                              .arg(QLatin1String(band))
                                                              .arg(d.worstExcess)));
        }
    }

    void rebasingMovesTheReference() {
        // Relative to 5400 K → relative to 6000 K: the 6000 K entry becomes 0, and the result
        // equals a direct computation with T_ref = 6000 K.
        const Fitzpatrick99 law(3.1);
        const BandExtinction ext(analyticPassband("BP"), law);
        const std::vector<double> temps = {4000.0, 5000.0, 6000.0, 7000.0};
        const TheoryReddening at5400 = theoryReddening(ext, temps, 5400.0);
        const TheoryReddening at6000 = theoryReddening(ext, temps, 6000.0);
        const std::vector<double> rebased = rebaseDeltaROverR(at5400.deltaROverR, at5400.deltaROverR[2]);
        for (std::size_t i = 0; i < temps.size(); ++i)
            STARLOCUS_COMPARE_CLOSE(rebased[i], at6000.deltaROverR[i], 0.0, 1e-14);
        QCOMPARE(rebased[2], 0.0);
        // Relative to an arbitrary R₀ (e.g. R at the mean labels): R(T)/R₀ − 1.
        const std::vector<double> toR0 = deltaROverRRelativeTo(at5400, at5400.r[1]);
        QCOMPARE(toR0[1], 0.0);
        STARLOCUS_COMPARE_CLOSE(toR0[3], at5400.r[3] / at5400.r[1] - 1.0, 1e-15, 0.0);
        QVERIFY_THROWS_EXCEPTION(InputError, rebaseDeltaROverR(0.1, -1.0));
        QVERIFY_THROWS_EXCEPTION(InputError, deltaROverRRelativeTo(at5400, 0.0));
        QVERIFY_THROWS_EXCEPTION(InputError, theoryReddening(ext, std::vector<double>{-5.0}));
    }
};

QTEST_APPLESS_MAIN(TestTheoryReddening)
#include "test_theory_reddening.moc"
