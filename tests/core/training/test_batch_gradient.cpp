// SPDX-License-Identifier: GPL-3.0-or-later
// The float32 training kernel against the double-precision model: the same loss, and a
// gradient equal to central finite differences of the double loss; Adam against its
// closed form; the regularisation terms of Eq. 15.
#include "core/common/counter_random.h"
#include "core/training/adam.h"
#include "core/training/batch_gradient.h"

#include <QTest>

#include <cmath>
#include <numeric>

using namespace starlocus::core;

namespace {

// Random but well-conditioned stars: W lower triangular with a strong diagonal, some
// entries dropped (zero row and column), y near the prediction scale.
std::vector<StarSample> randomStars(int n, std::uint64_t seed) {
    std::vector<StarSample> stars(static_cast<std::size_t>(n));
    for (int s = 0; s < n; ++s) {
        CounterRandom rng(seed, std::uint64_t(s));
        StarSample& st = stars[std::size_t(s)];
        float w[kPackedTriangleSize] = {};
        const int dropped = int(rng.uniform() * 13.0);
        std::size_t k = 0;
        for (int i = 0; i < 13; ++i)
            for (int j = 0; j <= i; ++j, ++k)
                if (i != dropped && j != dropped)
                    w[k] = float(i == j ? 5.0 + 20.0 * rng.uniform() : 3.0 * rng.normal());
        storeWhitening(st, w);
        for (int b = 0; b < 13; ++b)
            st.y[b] = b == dropped ? 0.0f : float(rng.normal());
        for (int a = 0; a < 3; ++a)
            st.x[a] = float(rng.normal());
        st.e = float(0.5 * rng.uniform());
    }
    return stars;
}

// Σ_s |W_s (B(M + E R) − y_s)|² in double through StellarModel.
double doubleLoss(const NetworkLayout& layout, const ParameterVector& params, const std::vector<StarSample>& stars,
                  const std::vector<double>* perturbed = nullptr) {
    ParameterVector p = params;
    StellarModel model;
    if (perturbed) {
        // Build the double model from perturbed double parameters.
        std::vector<DenseLayer> hidden;
        auto dense = [&](const LayerSlot& s, Activation a) {
            DenseLayer l{"", s.inputs, s.outputs, {}, {}, a};
            l.kernel.assign(perturbed->begin() + std::ptrdiff_t(s.kernel), perturbed->begin() + std::ptrdiff_t(s.bias));
            l.bias.assign(perturbed->begin() + std::ptrdiff_t(s.bias),
                          perturbed->begin() + std::ptrdiff_t(s.bias + std::size_t(s.outputs)));
            return l;
        };
        for (const auto& h : layout.hidden)
            hidden.push_back(dense(h, Activation::Sigmoid));
        model = StellarModel(LabelNormalization{}, hidden, dense(layout.colorOutput, Activation::Linear),
                             dense(layout.extinction, Activation::Exponential), {});
    } else {
        model = modelFromParameters(layout, p, LabelNormalization{}, Activation::Sigmoid, {});
    }
    double total = 0.0;
    for (const StarSample& st : stars) {
        const auto eval = model.evaluateNormalized({st.x[0], st.x[1], st.x[2]}, false);
        const Vec13 d = eval.colorPrediction(st.e) - Eigen::Map<const Eigen::Matrix<float, 13, 1>>(st.y).cast<double>();
        std::size_t k = 0; // W as the kernels read it (rounded to 16 bits when stored)
        for (int i = 0; i < 13; ++i) {
            double acc = 0.0;
            for (int j = 0; j <= i; ++j)
                acc += double(whiteningEntry(st, k++)) * d[j];
            total += acc * acc;
        }
    }
    return total;
}

} // namespace

class TestBatchGradient : public QObject {
    Q_OBJECT
private slots:
    // The loss of 40 stars against the double model, in the workspace's blocks: 64 (the
    // general code at once) and the trainer's 16 (whole groups through the fixed kernel's
    // forward pass, the last 8 stars through the general code).
    void lossEqualsDoubleModel_data() {
        QTest::addColumn<int>("block");
        QTest::newRow("general code, one block of 40") << 64;
        QTest::newRow("fixed kernel, groups of 16") << 16;
    }
    void lossEqualsDoubleModel() {
        QFETCH(int, block);
        const NetworkLayout layout({32, 32});
        const auto params = initialParameters(layout, 7);
        const auto stars = randomStars(40, 3);
        std::vector<std::uint32_t> idx(stars.size());
        std::iota(idx.begin(), idx.end(), 0u);
        BatchWorkspace ws(layout, block);
        const double f = ws.loss(layout, params.data(), stars.data(), idx);
        const double d = doubleLoss(layout, params, stars);
        QVERIFY2(std::abs(f - d) < 1e-4 * d, qPrintable(QString("%1 vs %2").arg(f).arg(d)));
    }

    void gradientMatchesFiniteDifferences_data() {
        QTest::addColumn<QList<int>>("widths");
        QTest::newRow("32-32 (paper)") << QList<int>{32, 32};
        QTest::newRow("one hidden layer of 8") << QList<int>{8};
        QTest::newRow("three layers 16-8-12") << QList<int>{16, 8, 12};
    }
    void gradientMatchesFiniteDifferences() {
        QFETCH(QList<int>, widths);
        const NetworkLayout layout(std::vector<int>(widths.begin(), widths.end()));
        const auto params = initialParameters(layout, 11);
        const auto stars = randomStars(24, 5);
        std::vector<std::uint32_t> idx(stars.size());
        std::iota(idx.begin(), idx.end(), 0u);
        BatchWorkspace ws(layout, 24);
        std::vector<float> grad(layout.size, 0.0f);
        // Two groups accumulate into one gradient, as the trainer's chunks do: 16 stars
        // (the fixed-size kernel for the paper's layout) and 8 (the general code).
        ws.accumulate(layout, params.data(), stars.data(), std::span(idx).first(16), 1.0f, grad.data());
        ws.accumulate(layout, params.data(), stars.data(), std::span(idx).subspan(16), 1.0f, grad.data());
        std::vector<double> base(params.begin(), params.end());
        double worst = 0.0;
        for (std::size_t k = 0; k < layout.size; k += 3) { // every third parameter
            std::vector<double> up = base, down = base;
            const double h = 1e-5;
            up[k] += h;
            down[k] -= h;
            const double fd = (doubleLoss(layout, params, stars, &up) - doubleLoss(layout, params, stars, &down)) / (2 * h);
            const double err = std::abs(double(grad[k]) - fd) / std::max(1e-3 * std::abs(fd), 1e-2);
            worst = std::max(worst, err);
            if (err > 1.0)
                QFAIL(qPrintable(QString("parameter %1: kernel %2, finite difference %3").arg(k).arg(grad[k]).arg(fd)));
        }
        qInfo("worst |analytic - FD| / tolerance = %.3g", worst);
    }

    // The fixed-size kernel (paper's layout, 16 stars) and the general code are the same
    // arithmetic in a different order: equal to float rounding, for both activations; the
    // loss alone as well.
    void fixedKernelEqualsGeneralCode() {
        const NetworkLayout layout({32, 32});
        const auto params = initialParameters(layout, 23);
        const auto stars = randomStars(16, 9);
        std::vector<std::uint32_t> idx(stars.size());
        std::iota(idx.begin(), idx.end(), 0u);
        BatchWorkspace ws(layout, 16);
        for (bool sigmoid : {true, false}) {
            std::vector<float> fixed(layout.size, 0.0f), general(layout.size, 0.0f);
            const double lf = ws.accumulate(layout, params.data(), stars.data(), idx, 0.5f, fixed.data(), sigmoid);
            const double lg = ws.accumulateGeneral(layout, params.data(), stars.data(), idx, 0.5f, general.data(), sigmoid);
            QVERIFY(std::abs(lf - lg) <= 1e-5 * lg);
            // The loss alone (validation): the fixed kernel's is the χ² of its gradient pass
            // bit for bit (one forward pass, the same sums), the general code's to rounding.
            const double loss = ws.loss(layout, params.data(), stars.data(), idx, sigmoid);
            QCOMPARE(loss, lf);
            QVERIFY(std::abs(ws.lossGeneral(layout, params.data(), stars.data(), idx, sigmoid) - lg) <= 1e-5 * lg);
            double scaleOfGradient = 0.0;
            for (float v : general)
                scaleOfGradient = std::max(scaleOfGradient, double(std::abs(v)));
            for (std::size_t k = 0; k < layout.size; ++k)
                QVERIFY2(std::abs(fixed[k] - general[k]) <= 1e-5 * scaleOfGradient,
                         qPrintable(QString("parameter %1: %2 vs %3").arg(k).arg(fixed[k]).arg(general[k])));
        }
    }

    void regularizationOfEq15() {
        const NetworkLayout layout({4});
        ParameterVector params(layout.size, 0.0f);
        params[layout.hidden[0].kernel] = 2.0f;       // hidden kernel: L2
        params[layout.colorOutput.kernel] = 5.0f;     // output kernel: not regularised
        params[layout.hidden[0].bias] = 7.0f;         // biases: not regularised
        params[layout.extinction.kernel] = -3.0f;     // R kernel: L1
        std::vector<float> grad(layout.size, 0.0f);
        const double value = addRegularization(layout, params.data(), 1e-4, 1e-2, grad.data());
        QVERIFY(std::abs(value - (1e-4 * 4.0 + 1e-2 * 3.0)) < 1e-12);
        QCOMPARE(grad[layout.hidden[0].kernel], float(2e-4 * 2.0));
        QCOMPARE(grad[layout.extinction.kernel], -1e-2f);
        QCOMPARE(grad[layout.colorOutput.kernel], 0.0f);
        QCOMPARE(grad[layout.hidden[0].bias], 0.0f);
    }

    // Two Adam steps by hand (Kingma & Ba, Algorithm 1 with Keras's ε placement).
    void adamClosedForm() {
        ParameterVector p{1.0f};
        AdamState st(1);
        AdamSettings set;
        adamStep(p, ParameterVector{0.5f}, st, 0.1, set);
        // t=1: m=0.05, v=0.00025, lr_t = 0.1·√0.001/0.1 → step = lr_t·m/(√v+ε) = 0.1 (sign of g)
        QVERIFY(std::abs(p[0] - (1.0f - 0.1f)) < 1e-5f);
        adamStep(p, ParameterVector{-0.5f}, st, 0.1, set);
        const double m = 0.9 * 0.05 - 0.1 * 0.5, v = 0.999 * 0.00025 + 0.001 * 0.25;
        const double lrT = 0.1 * std::sqrt(1 - 0.999 * 0.999) / (1 - 0.81);
        QVERIFY(std::abs(p[0] - float(0.9 - lrT * m / (std::sqrt(v) + 1e-7))) < 1e-5f);
        QCOMPARE(st.step, std::int64_t(2));
    }
};

QTEST_GUILESS_MAIN(TestBatchGradient)
#include "test_batch_gradient.moc"
