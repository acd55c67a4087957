// SPDX-License-Identifier: GPL-3.0-or-later
// The training sample's whitening in 16 bits (star_sample.h): each entry of W comes back
// with its 11 significant bits (IEEE binary16 rounding, ≤ 2⁻¹¹ relative), zeros stay zero,
// the per-star scale is a power of two that keeps the largest entry in [2¹⁴, 2¹⁵) whatever
// the photometric precision, and χ² = |W d|² from the stored W is the float32 χ² within the
// stated tolerance, unbiased over many stars. References: the float W itself, IEEE rules,
// and a double-precision χ².
#include "core/common/counter_random.h"
#include "core/training/star_sample.h"

#include <QTest>

#include <cmath>
#include <vector>

using namespace starlocus::core;

namespace {

// A lower-triangular W of a star whose magnitude errors are `sigma` (mag): diagonal about
// 1/σ, off-diagonal couplings a tenth of it, random signs; some stars drop a band (a zero
// row and column, as the trainer stores them).
std::vector<float> randomWhitening(CounterRandom& rng, double sigma, int dropped) {
    std::vector<float> w(kPackedTriangleSize, 0.0f);
    std::size_t k = 0;
    for (int i = 0; i < int(kBandCount); ++i)
        for (int j = 0; j <= i; ++j, ++k)
            if (i != dropped && j != dropped)
                w[k] = float((i == j ? 1.0 + rng.uniform() : 0.1 * rng.normal()) / sigma);
    return w;
}

double chiSquare(const float* w, const double* d) {
    double sum = 0.0;
    std::size_t k = 0;
    for (int i = 0; i < int(kBandCount); ++i) {
        double acc = 0.0;
        for (int j = 0; j <= i; ++j)
            acc += double(w[k++]) * d[j];
        sum += acc * acc;
    }
    return sum;
}

} // namespace

class TestStarSample : public QObject {
    Q_OBJECT
private slots:
    void isFourCacheLines() {
        QCOMPARE(sizeof(StarSample), std::size_t(256));
        QCOMPARE(alignof(StarSample), std::size_t(64));
        std::vector<StarSample> samples(3);
        QCOMPARE(reinterpret_cast<std::uintptr_t>(samples.data()) % 64, std::uintptr_t(0));
    }

    void eachEntryKeepsElevenSignificantBits() {
        CounterRandom rng(5, 0);
        const double sigmas[] = {1e-4, 1e-3, 0.01, 0.2, 3.0};
        for (double sigma : sigmas) {
            for (int star = 0; star < 200; ++star) {
                const std::vector<float> w = randomWhitening(rng, sigma, star % 14 - 1);
                StarSample sample{};
                storeWhitening(sample, w.data());
                alignas(64) float back[kStoredTriangleSize];
                loadWhitening(sample, back);
                QCOMPARE(back[kPackedTriangleSize], 0.0f);
                float largest = 0.0f;
                for (float v : w)
                    largest = std::max(largest, std::fabs(v));
                for (std::size_t k = 0; k < kPackedTriangleSize; ++k) {
                    QCOMPARE(whiteningEntry(sample, k), back[k]); // one value, however it is read
                    if (w[k] == 0.0f) {
                        QCOMPARE(back[k], 0.0f); // a dropped band stays exactly dropped
                        continue;
                    }
                    // Normal binary16 numbers (entries at least 2⁻²⁸ of the largest) are
                    // rounded to 11 bits; smaller ones are subnormal, spaced 2⁻²⁴ of the scale.
                    const double bound = std::max(std::ldexp(std::fabs(double(w[k])), -11),
                                                  std::ldexp(double(sample.wScale), -25));
                    if (std::fabs(double(back[k]) - double(w[k])) > bound)
                        QFAIL(qPrintable(QString("sigma %1, star %2, entry %3: %4 stored as %5 (more than 2^-11)")
                                             .arg(sigma).arg(star).arg(k).arg(double(w[k]), 0, 'g', 9)
                                             .arg(double(back[k]), 0, 'g', 9)));
                }
                // The scale: a power of two putting the largest entry in [2¹⁴, 2¹⁵).
                int exponent = 0;
                QCOMPARE(std::frexp(sample.wScale, &exponent), 0.5f);
                const float scaled = largest / sample.wScale;
                QVERIFY2(scaled >= 16384.0f && scaled < 32768.0f, qPrintable(QString::number(double(scaled))));
            }
        }
    }

    void exactValuesAndRoundingToEven() {
        // Values with ≤ 11 significant bits come back exactly; a value halfway between two
        // binary16 neighbours goes to the even one (IEEE round to nearest even).
        std::vector<float> w(kPackedTriangleSize, 0.0f);
        w[0] = 32767.0f;                      // sets the scale to 1: 2¹⁴ ≤ 32767 < 2¹⁵
        w[1] = 1025.0f;                       // 11 bits: exact
        w[2] = 2049.0f;                       // 12 bits, halfway between 2048 and 2050: to 2048 (even)
        w[3] = 2051.0f;                       // halfway between 2050 and 2052: to 2052 (even)
        w[4] = -0.5f;                         // exact
        w[5] = 2053.0f;                       // halfway between 2052 and 2054: to 2052 (even)
        StarSample sample{};
        storeWhitening(sample, w.data());
        QCOMPARE(sample.wScale, 1.0f);
        QCOMPARE(whiteningEntry(sample, 0), 32768.0f); // 32767 needs 15 bits: the nearest is 2¹⁵
        QCOMPARE(whiteningEntry(sample, 1), 1025.0f);
        QCOMPARE(whiteningEntry(sample, 2), 2048.0f);
        QCOMPARE(whiteningEntry(sample, 3), 2052.0f);
        QCOMPARE(whiteningEntry(sample, 4), -0.5f);
        QCOMPARE(whiteningEntry(sample, 5), 2052.0f);
        QCOMPARE(whiteningEntry(sample, 6), 0.0f);
    }

    void allZeroWhitening() {
        // A star without a kept band: W = 0, stored as zeros with the scale 1.
        const std::vector<float> w(kPackedTriangleSize, 0.0f);
        StarSample sample{};
        storeWhitening(sample, w.data());
        QCOMPARE(sample.wScale, 1.0f);
        for (std::size_t k = 0; k < kPackedTriangleSize; ++k)
            QCOMPARE(whiteningEntry(sample, k), 0.0f);
    }

    void chiSquareWithinToleranceAndUnbiased() {
        // |W d|² with the stored W against the float W, for residuals of χ² ≈ 13: each star
        // within the bound the entries' rounding allows (|Δr_i| ≤ 2⁻¹¹ Σ_j |W_ij d_j|), and
        // the mean over 20,000 stars unbiased to 10⁻⁵ (the 91 entries round either way).
        CounterRandom rng(6, 0);
        double sumRelative = 0.0, largestRelative = 0.0;
        constexpr int kStars = 20000;
        for (int star = 0; star < kStars; ++star) {
            const double sigma = std::exp(std::log(0.002) + rng.uniform() * std::log(100.0)); // 2 mmag … 0.2 mag
            const std::vector<float> w = randomWhitening(rng, sigma, -1);
            StarSample sample{};
            storeWhitening(sample, w.data());
            alignas(64) float back[kStoredTriangleSize];
            loadWhitening(sample, back);
            double d[kBandCount];
            for (double& v : d)
                v = sigma * rng.normal();
            double bound = 0.0;
            std::size_t k = 0;
            for (int i = 0; i < int(kBandCount); ++i) {
                double r = 0.0, a = 0.0;
                for (int j = 0; j <= i; ++j, ++k) {
                    r += double(w[k]) * d[j];
                    a += std::fabs(double(w[k]) * d[j]);
                }
                const double dr = std::ldexp(a, -11);
                bound += dr * (2.0 * std::fabs(r) + dr);
            }
            const double exact = chiSquare(w.data(), d), stored = chiSquare(back, d);
            if (std::fabs(stored - exact) > bound * (1.0 + 1e-9))
                QFAIL(qPrintable(QString("star %1: chi2 %2 from 16-bit W, %3 from float W, beyond the bound %4")
                                     .arg(star).arg(stored, 0, 'g', 12).arg(exact, 0, 'g', 12).arg(bound)));
            const double relative = (stored - exact) / exact;
            sumRelative += relative;
            largestRelative = std::max(largestRelative, std::fabs(relative));
        }
        const double meanRelative = sumRelative / kStars;
        qInfo("chi2 from 16-bit W vs float W over %d stars: mean relative %.3g, largest %.3g", kStars, meanRelative,
              largestRelative);
        QVERIFY2(std::fabs(meanRelative) < 1e-5, qPrintable(QString::number(meanRelative)));
    }
};

QTEST_GUILESS_MAIN(TestStarSample)
#include "test_star_sample.moc"
