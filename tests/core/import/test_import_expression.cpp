// SPDX-License-Identifier: GPL-3.0-or-later
// The pieces of the import mapping that compute (issue 15): column expressions (values
// against closed forms, null propagation, parse errors with their position), unit factors,
// and the ICRS → Galactic rotation (against the defining poles of the Galactic frame).
#include "core/import/expression.h"
#include "core/import/field_units.h"
#include "core/import/galactic_coordinates.h"

#include <QTest>

#include <cmath>
#include <numbers>

using namespace starlocus::core::import;

namespace {

struct Evaluated {
    std::vector<double> values;
    std::vector<std::uint8_t> null;
};

// Evaluates `text` with columns a = {1, 2, 4, null}, b = {10, null, 0.5, 3}, c = {100, 1000, 0, 1}.
Evaluated run(const std::string& text) {
    static const std::vector<double> a = {1, 2, 4, 0}, b = {10, 0, 0.5, 3}, c = {100, 1000, 0, 1};
    static const std::vector<std::uint8_t> an = {0, 0, 0, 1}, bn = {0, 1, 0, 0}, cn = {0, 0, 0, 0};
    const Expression e = Expression::parse(text);
    std::vector<ExpressionInput> inputs;
    for (const std::string& name : e.columns()) {
        if (name == "a")
            inputs.push_back({a, an});
        else if (name == "b")
            inputs.push_back({b, bn});
        else
            inputs.push_back({c, cn});
    }
    Evaluated out;
    e.evaluate(inputs, 4, out.values, out.null);
    return out;
}

} // namespace

class TestImportExpression : public QObject {
    Q_OBJECT
private slots:
    void arithmeticFollowsPrecedence() {
        const Evaluated r = run("1 + 2*a^2 - c/4");
        QCOMPARE(r.values[0], 1 + 2 * 1.0 - 25.0);
        QCOMPARE(r.values[2], 1 + 2 * 16.0 - 0.0);
        QCOMPARE(run("-2^2").values[0], -4.0); // as Python: the power binds tighter than the minus
        QCOMPARE(run("2**3**2").values[0], 512.0); // right-associative
        QCOMPARE(run("(1+2)*3").values[0], 9.0);
        QCOMPARE(run("1.5e2 + .5").values[0], 150.5);
    }
    void fluxBecomesMagnitude() {
        // unWISE: m = 22.5 − 2.5 log10(flux in nanomaggies); 1000 nMgy is 15 mag, 1 nMgy 22.5.
        const Evaluated r = run("22.5 - 2.5*log10(c)");
        QCOMPARE(r.values[1], 15.0);
        QCOMPARE(r.values[3], 22.5);
        QVERIFY(std::isnan(r.values[2])); // log10(0): out of the domain, counted downstream as NaN
    }
    void nullsPropagateExceptThroughMinAndMax() {
        const Evaluated sum = run("a + b");
        QCOMPARE(sum.null, (std::vector<std::uint8_t>{0, 1, 0, 1}));
        const Evaluated best = run("max(a, b)"); // the best S/N of the channels a star has
        QCOMPARE(best.null, (std::vector<std::uint8_t>{0, 0, 0, 0}));
        QCOMPARE(best.values, (std::vector<double>{10, 2, 4, 3}));
        QCOMPARE(run("min(a, b)").values, (std::vector<double>{1, 2, 0.5, 3}));
    }
    void functionsMatchTheLibrary() {
        QCOMPARE(run("sqrt(c)").values[0], 10.0);
        QCOMPARE(run("hypot(a, 3)").values[2], 5.0);
        QCOMPARE(run("pow(a, 3)").values[1], 8.0);
        QCOMPARE(run("abs(-a)").values[2], 4.0);
        QCOMPARE(run("exp(0)+ln(1)").values[0], 1.0);
    }
    void columnNamesOfEveryKind() {
        const Expression e = Expression::parse("FPARAM_COV[1] + `e_Teff (K)` + phot.g - FPARAM_COV[1]");
        QCOMPARE(e.columns(), (std::vector<std::string>{"FPARAM_COV[1]", "e_Teff (K)", "phot.g"}));
        QVERIFY(Expression::parse("teff").isColumn());
        QVERIFY(!Expression::parse("teff_err^2").isColumn());
    }
    void parseErrorsSayWhere() {
        const auto position = [](const std::string& text) -> std::size_t {
            try {
                Expression::parse(text);
            } catch (const ExpressionError& e) {
                return e.position();
            }
            return 999;
        };
        QCOMPARE(position("1 + * 2"), std::size_t(4));
        QCOMPARE(position("log(a)"), std::size_t(0)); // log is ambiguous: log10 or ln are spelled out
        QCOMPARE(position("(a + 1"), std::size_t(6));
        QCOMPARE(position("a b"), std::size_t(2));
        QCOMPARE(position("pow(a)"), std::size_t(0));
        QCOMPARE(position("`a"), std::size_t(1));
        QCOMPARE(position(std::string(5000, '(') + "1"), std::size_t(200)); // nesting refused, no stack overflow
        QCOMPARE(position("1e999"), std::size_t(0));
        try {
            Expression::parse("a +");
            QFAIL("no error");
        } catch (const ExpressionError& e) {
            QVERIFY(std::string(e.what()).find("'a +'") != std::string::npos);
        }
    }
    void unitsConvertOrRefuse() {
        QCOMPARE(unitFactor("mas", Dimension::Parallax).value(), 1.0);
        QCOMPARE(unitFactor("arcsec", Dimension::Parallax).value(), 1000.0);
        QCOMPARE(unitFactor("rad", Dimension::Angle).value(), 180.0 / std::numbers::pi);
        QCOMPARE(unitFactor("log(cm.s**-2)", Dimension::Gravity).value(), 1.0); // Gaia archive's log g
        QCOMPARE(unitFactor("", Dimension::Temperature).value(), 1.0);       // no unit: taken as the field's
        QVERIFY(!unitFactor("nanomaggy", Dimension::Magnitude));             // a flux is not a magnitude
        QVERIFY(!unitFactor("Jy", Dimension::Magnitude));
        QVERIFY(!unitFactor("deg", Dimension::Temperature));
    }
    void galacticPolesAndCentre() {
        // The defining directions of the Galactic frame in ICRS (Hipparcos vol. 1, §1.5.3).
        const GalacticPosition pole = galacticFromEquatorial(192.85948, 27.12825);
        QVERIFY(std::abs(pole.bDeg - 90.0) < 1e-4);
        const GalacticPosition centre = galacticFromEquatorial(266.40499, -28.93617);
        QVERIFY(std::abs(centre.bDeg) < 1e-4);
        QVERIFY(std::min(centre.lDeg, 360.0 - centre.lDeg) < 1e-4);
        // Vega (ra 279.2347, dec 38.7837): l = 67.448, b = 19.238 (SIMBAD).
        const GalacticPosition vega = galacticFromEquatorial(279.23473479, 38.78368896);
        QVERIFY(std::abs(vega.lDeg - 67.4482) < 2e-3);
        QVERIFY(std::abs(vega.bDeg - 19.2373) < 2e-3);
    }
};

QTEST_APPLESS_MAIN(TestImportExpression)
#include "test_import_expression.moc"
