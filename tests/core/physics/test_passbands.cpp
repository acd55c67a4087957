// SPDX-License-Identifier: GPL-3.0-or-later
// Passband curves: the ECSV and SVO readers on the real curves and on broken files, the
// embedded facts table, and the analytic stand-ins built from it.
#include "core/common/input_error.h"
#include "core/physics/analytic_passband.h"
#include "core/physics/passband.h"
#include "core/physics/passband_facts.h"
#include "core/physics/passband_files.h"
#include "tests/core/physics/physics_fixtures.h"
#include "tests/support/relative_compare.h"
#include "tests/support/shared_data.h"

#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <fstream>

using namespace starlocus::core;

namespace {

constexpr const char* kAngstromHeader = "# %ECSV 0.9\n"
                                        "# ---\n"
                                        "# datatype:\n"
                                        "# - {name: wavelength, unit: Angstrom, datatype: float64}\n"
                                        "# - {name: response, datatype: float64}\n"
                                        "# meta: !!omap\n"
                                        "# - {band_name: T}\n"
                                        "# schema: astropy-2.0\n"
                                        "wavelength response\n";

std::string ecsvWithUnit(const std::string& unitEntry) {
    return "# %ECSV 1.0\n# ---\n# datatype:\n# - {name: wavelength" + unitEntry +
           ", datatype: float64}\n# - {name: response, datatype: float64}\n# schema: astropy-2.0\n"
           "wavelength response\n";
}

} // namespace

class TestPassbands : public QObject {
    Q_OBJECT

    QTemporaryDir dir_;

    std::string write(const char* name, const std::string& text) {
        const std::string path = dir_.filePath(QString::fromLatin1(name)).toStdString();
        std::ofstream(path) << text;
        return path;
    }

    // Runs `read`, expects an InputError naming the file and the field, with `reasonPart`.
    template <class Read>
    void expectInputError(Read&& read, const std::string& file, const QString& field, const QString& reasonPart) {
        try {
            read();
            QFAIL("no InputError thrown");
        } catch (const InputError& e) {
            const QString what = QString::fromUtf8(e.what());
            QCOMPARE(QString::fromStdString(e.file()), QString::fromStdString(file));
            QCOMPARE(QString::fromStdString(e.field()), field);
            QVERIFY2(what.contains(QString::fromStdString(file)), qPrintable(what));
            if (!field.isEmpty())
                QVERIFY2(what.contains(QStringLiteral("'%1'").arg(field)), qPrintable(what));
            QVERIFY2(what.contains(reasonPart), qPrintable(what));
        }
    }

private slots:
    void initTestCase() { QVERIFY(dir_.isValid()); }

    void readsAllThirteenCurvesWithTheirUnits() {
        // Pivot wavelengths computed from the same curves by reference/scripts/refcalc.py
        // (reference/passbands.csv); Gaia/2MASS in Å, PS1 in nm, WISE in µm in the headers.
        STARLOCUS_SHARED_FILE(table, "reference/passbands.csv");
        const auto props = starlocus::test::readCsv(table);
        const int pivotCol = props.column(QStringLiteral("lambda_pivot"));
        const int weffCol = props.column(QStringLiteral("W_eff_S"));
        QVERIFY(pivotCol > 0 && weffCol > 0);
        std::size_t i = 0;
        for (const auto& [band, file] : starlocus::test::bandCurveFiles()) {
            STARLOCUS_SHARED_FILE(path, QStringLiteral("reference/passbands/") + QLatin1String(file));
            const Passband pb = readEcsvPassband(path.toStdString());
            QCOMPARE(QString::fromStdString(pb.name()), QString::fromLatin1(band)); // from band_name
            QCOMPARE(props.rows[i][0], QString::fromLatin1(band));
            STARLOCUS_COMPARE_CLOSE(pb.pivotWavelengthA(), props.rows[i][pivotCol].toDouble(), 0.0, 0.06);
            STARLOCUS_COMPARE_CLOSE(pb.equivalentWidthA(), props.rows[i][weffCol].toDouble(), 0.0, 0.06);
            // and they agree with the embedded facts table, which was filled from them
            STARLOCUS_COMPARE_CLOSE(pb.pivotWavelengthA(), passbandFact(band).pivotA, 0.0, 0.06);
            STARLOCUS_COMPARE_CLOSE(pb.equivalentWidthA(), passbandFact(band).widthA, 0.0, 0.06);
            ++i;
        }
    }

    void nameArgumentOverridesHeader() {
        const std::string path = write("named.ecsv", std::string(kAngstromHeader) + "5000 0\n5100 1\n5200 0\n");
        QCOMPARE(QString::fromStdString(readEcsvPassband(path).name()), QStringLiteral("T"));
        QCOMPARE(QString::fromStdString(readEcsvPassband(path, "mine").name()), QStringLiteral("mine"));
    }

    void unitsScaleToAngstrom() {
        const std::string rows = "500 0\n510 2\n520 0\n";
        const Passband nm = readEcsvPassband(write("nm.ecsv", ecsvWithUnit(", unit: nm") + rows));
        const Passband um = readEcsvPassband(write("um.ecsv", ecsvWithUnit(", unit: micron") + "0.5 0\n0.51 2\n0.52 0\n"));
        QCOMPARE(nm.wavelengthsA().front(), 5000.0);
        QCOMPARE(um.wavelengthsA().back(), 5200.0);
        QCOMPARE(nm.response()[1], 1.0); // stored peak-normalised
        QCOMPARE(angstromPerUnit("AA"), 1.0);
        QCOMPARE(angstromPerUnit("um"), 1.0e4);
        QVERIFY(angstromPerUnit("Hz") < 0.0);
    }

    void readsSvoTwoColumnAscii() {
        const std::string path = write("svo.dat", "# SVO filter\n# wavelength(A) transmission\n"
                                                  "4000 0.0\n4500 0.5\n5000 1.0\n5500 0.5\n6000 0.0\n");
        const Passband photon = readSvoPassband(path, "svo");
        QCOMPARE(photon.size(), std::size_t{5});
        QCOMPARE(photon.response()[2], 1.0);
        // An energy-counting curve becomes photon-counting by S ∝ R/λ: the blue side gains.
        const Passband energy = readSvoPassband(path, "svo", ResponseKind::EnergyCounting);
        STARLOCUS_COMPARE_CLOSE(energy.response()[1], 0.5 * 5000.0 / 4500.0, 1e-12, 0.0);
        QVERIFY(energy.pivotWavelengthA() < photon.pivotWavelengthA());
    }

    void missingFileNamesTheFile() {
        const std::string path = dir_.filePath(QStringLiteral("absent.ecsv")).toStdString();
        expectInputError([&] { readEcsvPassband(path); }, path, QString(), QStringLiteral("cannot open"));
        expectInputError([&] { readSvoPassband(path, "x"); }, path, QString(), QStringLiteral("cannot open"));
    }

    void nonMonotonicWavelengthsAreRefused() {
        const std::string path = write("order.ecsv", std::string(kAngstromHeader) + "5000 0\n5200 1\n5100 0\n");
        expectInputError([&] { readEcsvPassband(path); }, path, QStringLiteral("wavelength"),
                         QStringLiteral("not strictly increasing at line 12"));
        const std::string dup = write("dup.dat", "5000 0\n5000 1\n5100 0\n");
        expectInputError([&] { readSvoPassband(dup, "d"); }, dup, QStringLiteral("wavelength"),
                         QStringLiteral("not strictly increasing at line 2"));
    }

    void negativeResponseIsRefused() {
        const std::string path = write("neg.ecsv", std::string(kAngstromHeader) + "5000 0\n5100 -0.2\n5200 0\n");
        expectInputError([&] { readEcsvPassband(path); }, path, QStringLiteral("response"),
                         QStringLiteral("negative value -0.2 at line 11"));
        const std::string svo = write("neg.dat", "5000 0\n5100 -1\n");
        expectInputError([&] { readSvoPassband(svo, "n"); }, svo, QStringLiteral("response"),
                         QStringLiteral("negative"));
    }

    void wrongOrMissingUnitHeaderIsRefused() {
        const std::string hz = write("hz.ecsv", ecsvWithUnit(", unit: Hz") + "1 0\n2 1\n");
        expectInputError([&] { readEcsvPassband(hz); }, hz, QStringLiteral("wavelength.unit"),
                         QStringLiteral("unsupported unit 'Hz'"));
        const std::string none = write("nounit.ecsv", ecsvWithUnit("") + "5000 0\n5100 1\n");
        expectInputError([&] { readEcsvPassband(none); }, none, QStringLiteral("wavelength.unit"),
                         QStringLiteral("no unit"));
        const std::string notEcsv = write("plain.ecsv", "wavelength response\n5000 0\n5100 1\n");
        expectInputError([&] { readEcsvPassband(notEcsv); }, notEcsv, QStringLiteral("header"),
                         QStringLiteral("not an ECSV file"));
    }

    void tooFewPointsNaNAndZeroResponseAreRefused() {
        const std::string one = write("one.ecsv", std::string(kAngstromHeader) + "5000 1\n");
        expectInputError([&] { readEcsvPassband(one); }, one, QStringLiteral("wavelength"),
                         QStringLiteral("at least 2 points"));
        const std::string nan = write("nan.ecsv", std::string(kAngstromHeader) + "5000 0\n5100 nan\n5200 0\n");
        expectInputError([&] { readEcsvPassband(nan); }, nan, QStringLiteral("response"),
                         QStringLiteral("not a finite number ('nan') at line 11"));
        const std::string text = write("text.dat", "5000 0\nfoo 1\n");
        expectInputError([&] { readSvoPassband(text, "t"); }, text, QStringLiteral("wavelength"),
                         QStringLiteral("'foo' is not a number at line 2"));
        const std::string zero = write("zero.dat", "5000 0\n5100 0\n");
        expectInputError([&] { readSvoPassband(zero, "z"); }, zero, QStringLiteral("response"),
                         QStringLiteral("zero everywhere"));
        std::string renamed = ecsvWithUnit(", unit: nm");
        renamed.replace(renamed.find("wavelength response"), 19, "lambda trans");
        const std::string columns = write("cols.ecsv", renamed + "1 2\n3 4\n");
        // a header line without the two column names is a columns error
        expectInputError([&] { readEcsvPassband(columns); }, columns, QStringLiteral("columns"),
                         QStringLiteral("'wavelength' and 'response'"));
    }

    void constructorValidatesProgrammaticCurves() {
        expectInputError([] { Passband("p", {5000.0, 4000.0}, {1.0, 1.0}, "mine"); }, "mine",
                         QStringLiteral("wavelength"), QStringLiteral("not strictly increasing at point 2"));
        expectInputError([] { Passband("p", {4000.0, 5000.0}, {1.0}, "mine"); }, "mine", QStringLiteral("wavelength"),
                         QStringLiteral("response has 1"));
    }

    void factsTableIsCompleteAndCited() {
        const auto facts = passbandFacts();
        QCOMPARE(facts.size(), std::size_t{13});
        std::size_t i = 0;
        for (const auto& [band, file] : starlocus::test::bandCurveFiles()) {
            QCOMPARE(QString::fromStdString(facts[i].band), QString::fromLatin1(band));
            QVERIFY(!facts[i].shapeCitation.empty());
            ++i;
        }
        // unWISE Vega→AB offsets of the paper (§3.2, METHOD.md §1)
        QCOMPARE(passbandFact("W1").abMinusVega, 2.699);
        QCOMPARE(passbandFact("W2").abMinusVega, 3.339);
        // Gaia DR2 and 2MASS are Vega with a cited AB − Vega; PS1 is native AB.
        for (const char* band : {"G", "BP", "RP", "J", "H", "Ks"}) {
            QCOMPARE(QString::fromStdString(passbandFact(band).nativeSystem), QStringLiteral("Vega"));
            QVERIFY(std::isfinite(passbandFact(band).abMinusVega));
            QVERIFY(!passbandFact(band).offsetCitation.empty());
        }
        STARLOCUS_COMPARE_CLOSE(passbandFact("G").abMinusVega, 25.7934 - 25.6884, 0.0, 1e-9);
        QVERIFY(std::isnan(passbandFact("g").abMinusVega));
        expectInputError([] { passbandFact("V"); }, "passband_facts.csv", QStringLiteral("band"),
                         QStringLiteral("no passband named 'V'"));
    }

    void factsParserReportsBrokenTables() {
        const std::string header = "band,survey,native_system,pivot_A,width_A,shape_citation,ab_minus_vega,"
                                   "offset_citation\n";
        expectInputError([&] { parsePassbandFacts(header + "G,Gaia,Vega,abc,10,\"c, d\",0.1,e\n", "t.csv"); },
                         "t.csv", QStringLiteral("pivot_A"), QStringLiteral("'abc' is not a finite number at line 2"));
        expectInputError([&] { parsePassbandFacts(header + "G,Gaia,Vega,6000,10,c,,e\n", "t.csv"); }, "t.csv",
                         QStringLiteral("ab_minus_vega"), QStringLiteral("empty"));
        expectInputError([&] { parsePassbandFacts("# only comments\n", "t.csv"); }, "t.csv",
                         QStringLiteral("header"), QStringLiteral("no header"));
        const auto ok = parsePassbandFacts(header + "g,PS1,AB,4800,1100,\"Tonry, 2012\",,\n", "t.csv");
        QCOMPARE(QString::fromStdString(ok.at(0).shapeCitation), QStringLiteral("Tonry, 2012"));
    }

    void analyticPassbandsKeepTheirFacts() {
        for (const PassbandFact& fact : passbandFacts()) {
            const Passband pb = analyticPassband(fact.band);
            STARLOCUS_COMPARE_CLOSE(pb.pivotWavelengthA(), fact.pivotA, 1e-6, 0.0);
            // Equivalent width of the sampled window: exact up to the trapezoid error.
            STARLOCUS_COMPARE_CLOSE(pb.equivalentWidthA(), fact.widthA, 1e-4, 0.0);
            QCOMPARE(QString::fromStdString(pb.source()), QStringLiteral("built-in"));
        }
        expectInputError([] { analyticPassband("x", 5000.0, -1.0); }, "", QStringLiteral("width_A"),
                         QStringLiteral("must be a positive width"));
        expectInputError([] { analyticPassband("x", 5000.0, 1000.0, 1.5); }, "", QStringLiteral("taper_fraction"),
                         QStringLiteral("(0, 1]"));
    }
};

QTEST_APPLESS_MAIN(TestPassbands)
#include "test_passbands.moc"
