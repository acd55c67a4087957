// SPDX-License-Identifier: GPL-3.0-or-later
// The counter-based stream of the synthetic sky: Philox4x32-10 against the Random123
// known-answer vectors, the inverse normal CDF against erfc, and the properties the mock
// relies on (a pure function of (seed, star, draw); moments of the uniforms and normals).
#include "core/common/counter_random.h"
#include "tests/support/relative_compare.h"

#include <QTest>

#include <cmath>

using namespace starlocus::core;

class TestCounterRandom : public QObject {
    Q_OBJECT
private slots:
    void philoxKnownAnswers() {
        // Random123 kat_vectors, "philox4x32 10".
        using C = std::array<std::uint32_t, 4>;
        using K = std::array<std::uint32_t, 2>;
        QCOMPARE(philox4x32(C{0, 0, 0, 0}, K{0, 0}), (C{0x6627e8d5, 0xe169c58d, 0xbc57ac4c, 0x9b00dbd8}));
        QCOMPARE(philox4x32(C{0xffffffff, 0xffffffff, 0xffffffff, 0xffffffff}, K{0xffffffff, 0xffffffff}),
                 (C{0x408f276d, 0x41c83b0e, 0xa20bc7c6, 0x6d5451fd}));
        QCOMPARE(philox4x32(C{0x243f6a88, 0x85a308d3, 0x13198a2e, 0x03707344}, K{0xa4093822, 0x299f31d0}),
                 (C{0xd16cfe09, 0x94fdcceb, 0x5001e420, 0x24126ea1}));
    }

    void inverseNormalMatchesErfc() {
        // Φ(x) = erfc(−x/√2)/2; AS 241 is good to ~1e-16 relative in p.
        for (double p : {1e-300, 1e-20, 1e-9, 1e-4, 0.01, 0.02425, 0.07, 0.3, 0.5, 0.6, 0.9, 0.975, 0.999, 1 - 1e-12}) {
            const double x = inverseNormalCdf(p);
            const double back = 0.5 * std::erfc(-x / std::sqrt(2.0));
            STARLOCUS_COMPARE_CLOSE(back, p, 1e-13, 0.0);
        }
        QCOMPARE(inverseNormalCdf(0.5), 0.0);
        STARLOCUS_COMPARE_CLOSE(inverseNormalCdf(0.975), 1.959963984540054, 1e-15, 0.0);
    }

    void streamIsAPureFunctionOfSeedStarAndDraw() {
        CounterRandom a(42, 7), b(42, 7), other(42, 8), otherSeed(43, 7);
        bool differs = false, differsSeed = false;
        for (int k = 0; k < 100; ++k) {
            const double u = a.uniform();
            QCOMPARE(b.uniform(), u);
            differs |= other.uniform() != u;
            differsSeed |= otherSeed.uniform() != u;
            QVERIFY(u > 0.0 && u < 1.0);
        }
        QVERIFY(differs);
        QVERIFY(differsSeed);
    }

    void momentsOfUniformsAndNormals() {
        constexpr int n = 400000;
        double su = 0, suu = 0, sn = 0, snn = 0, snnnn = 0;
        for (int star = 0; star < n / 4; ++star) {
            CounterRandom r(2020, std::uint64_t(star));
            for (int k = 0; k < 4; ++k) {
                const double u = r.uniform(), z = r.normal();
                su += u;
                suu += u * u;
                sn += z;
                snn += z * z;
                snnnn += z * z * z * z;
            }
        }
        const double meanU = su / n, varU = suu / n - meanU * meanU;
        QVERIFY(std::abs(meanU - 0.5) < 5 * std::sqrt(1.0 / 12.0 / n));
        QVERIFY(std::abs(varU - 1.0 / 12.0) < 0.002);
        QVERIFY(std::abs(sn / n) < 5.0 / std::sqrt(n));
        QVERIFY(std::abs(snn / n - 1.0) < 5 * std::sqrt(2.0 / n));
        QVERIFY(std::abs(snnnn / n - 3.0) < 5 * std::sqrt(96.0 / n));
    }
};

QTEST_APPLESS_MAIN(TestCounterRandom)
#include "test_counter_random.moc"
