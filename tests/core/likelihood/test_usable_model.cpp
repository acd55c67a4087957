// SPDX-License-Identifier: GPL-3.0-or-later
// The likelihood's own guard against a model that cannot predict (#14: a NaN weight made
// evaluate exclude every star "for its covariance" and refit-reddening write NaN
// everywhere, both with exit 0), whatever the file loader checked.
#include "core/common/input_error.h"
#include "core/likelihood/usable_model.h"
#include "tests/support/toy_model.h"

#include <QTest>

#include <cmath>
#include <limits>

using namespace starlocus::core;

namespace {

StellarModel toy() {
    return starlocus::test::toyModel(starlocus::test::toySunMagnitudes(), starlocus::test::toyExtinction(), 0.3);
}

// The toy model with one hidden layer (3 → 4, sigmoid) in front of its output, so a hidden
// kernel can be broken too.
StellarModel withHidden(double hiddenKernel00) {
    const StellarModel t = toy();
    DenseLayer hidden{"h", 3, 4, WeightVector(12, 0.1), WeightVector(4, 0.0), Activation::Sigmoid};
    hidden.kernel[0] = hiddenKernel00;
    DenseLayer out{"BM", 4, 13, WeightVector(52, 0.01), t.colorOutputLayer().bias, Activation::Linear};
    return StellarModel(t.normalization(), {hidden}, out, t.extinctionLayer(), {});
}

} // namespace

class TestUsableModel : public QObject {
    Q_OBJECT
private slots:
    void finiteModelsAreUsable() {
        QVERIFY(!findModelDefect(toy()).has_value());
        QVERIFY(!findModelDefect(withHidden(0.5)).has_value());
        requireUsableModel(toy(), "toy.h5"); // no throw
    }

    void nonFiniteWeightIsNamed() {
        const auto d = findModelDefect(withHidden(std::nan("")));
        QVERIFY(d.has_value());
        QCOMPARE(d->field, std::string("hidden layer 1 kernel"));
        QVERIFY2(d->reason.find("1 of 12") != std::string::npos, d->reason.c_str());

        const StellarModel t = toy();
        DenseLayer ext = t.extinctionLayer();
        ext.bias[2] = std::numeric_limits<double>::infinity();
        const StellarModel broken(t.normalization(), {}, t.colorOutputLayer(), ext, {});
        QCOMPARE(findModelDefect(broken)->field, std::string("extinction layer (R) bias"));
        try {
            requireUsableModel(broken, "m.h5");
            QFAIL("a model with an infinite weight was accepted");
        } catch (const InputError& e) {
            QCOMPARE(e.file(), std::string("m.h5"));
            QCOMPARE(e.field(), std::string("extinction layer (R) bias"));
        }
    }

    // Finite weights whose R = exp(…) overflows: every prediction is infinite.
    void overflowingPredictionIsRefused() {
        const StellarModel t = toy();
        DenseLayer ext = t.extinctionLayer();
        ext.bias[0] = 800.0; // exp(800) = inf in double
        const auto d = findModelDefect(StellarModel(t.normalization(), {}, t.colorOutputLayer(), ext, {}));
        QVERIFY(d.has_value());
        QCOMPARE(d->field, std::string("prediction at the median labels"));
    }
};

QTEST_GUILESS_MAIN(TestUsableModel)
#include "test_usable_model.moc"
