// SPDX-License-Identifier: GPL-3.0-or-later
// Planck's law in its closed-form limits, photon-counting band integrals, and the finite-E
// band extinction of Eq. B19 with its linear limit and non-linearity (paper App. B).
#include "core/common/input_error.h"
#include "core/physics/analytic_passband.h"
#include "core/physics/band_extinction.h"
#include "core/physics/blackbody.h"
#include "core/physics/passband_files.h"
#include "core/physics/synthetic_photometry.h"
#include "tests/support/relative_compare.h"
#include "tests/support/shared_data.h"

#include <QTest>

#include <cmath>
#include <numbers>
#include <vector>

using namespace starlocus::core;

namespace {

// A fine top-hat from a to b (Å), flat photon response.
Passband topHat(double a, double b, int n = 20001) {
    std::vector<double> w(static_cast<std::size_t>(n)), s(w.size(), 1.0);
    for (std::size_t i = 0; i < w.size(); ++i)
        w[i] = a + (b - a) * static_cast<double>(i) / (n - 1);
    return Passband("top-hat", std::move(w), std::move(s));
}

} // namespace

class TestSyntheticPhotometry : public QObject {
    Q_OBJECT

private slots:
    void planckMatchesRayleighJeansAndWienLimits() {
        const double h = kPlanckConstantJs, c = kSpeedOfLightMPerS, k = kBoltzmannConstantJPerK;
        // Rayleigh–Jeans (hc/λkT ≪ 1): B_λ → 2ckT/λ⁴. At 1 cm and 5000 K, x ≈ 3e-4.
        const double lambdaRJ = 1.0e8; // Å (1 cm)
        const double rj = 2.0 * c * k * 5000.0 / std::pow(lambdaRJ * 1e-10, 4);
        STARLOCUS_COMPARE_CLOSE(planckLambda(lambdaRJ, 5000.0), rj, 2e-4, 0.0);
        // Wien (x ≫ 1): B_λ → 2hc²/λ⁵ e^(−x). At 1000 Å and 3000 K, x ≈ 48.
        const double lambdaW = 1000.0e-10;
        const double x = kSecondRadiationConstantMK / (lambdaW * 3000.0);
        const double wien = 2.0 * h * c * c / std::pow(lambdaW, 5) * std::exp(-x);
        STARLOCUS_COMPARE_CLOSE(planckLambda(1000.0, 3000.0), wien, 1e-12, 0.0);
        STARLOCUS_COMPARE_CLOSE(kSecondRadiationConstantMK, 1.438776877e-2, 1e-9, 0.0);
        // Deep Wien tail underflows to zero, never NaN.
        QCOMPARE(planckLambda(10.0, 100.0), 0.0);
    }

    void planckIntegratesToStefanBoltzmann() {
        // ∫ B_λ dλ = σT⁴/π. Trapezoid on a log grid from 0.01 to 1000 µm catches all but ~1e-9.
        for (const double t : {3500.0, 5772.0, 8500.0}) {
            const int n = 200000;
            const double lo = std::log(100.0), hi = std::log(1.0e7);
            double sum = 0.0, prevW = 0.0, prevB = 0.0;
            for (int i = 0; i <= n; ++i) {
                const double w = std::exp(lo + (hi - lo) * i / n);
                const double b = planckLambda(w, t);
                if (i > 0)
                    sum += 0.5 * (b + prevB) * (w - prevW) * 1e-10;
                prevW = w;
                prevB = b;
            }
            STARLOCUS_COMPARE_CLOSE(sum, kStefanBoltzmannWPerM2K4 * std::pow(t, 4) / std::numbers::pi, 1e-6, 0.0);
        }
    }

    void planckPeaksAtWienDisplacement() {
        const double t = 5800.0;
        const double peakA = kWienDisplacementMK / t * 1e10;
        QVERIFY(planckLambda(peakA, t) > planckLambda(peakA * 0.999, t));
        QVERIFY(planckLambda(peakA, t) > planckLambda(peakA * 1.001, t));
    }

    void planckRefusesNonsense() {
        for (const double t : {0.0, -10.0, std::nan("")}) {
            try {
                (void)planckLambda(5000.0, t);
                QFAIL("no InputError");
            } catch (const InputError& e) {
                QCOMPARE(QString::fromStdString(e.field()), QStringLiteral("teff_K"));
            }
        }
        QVERIFY_THROWS_EXCEPTION(InputError, planckLambda(0.0, 5000.0));
    }

    void photonCountingWeightsByLambda() {
        // For a flat F_λ through a top-hat, ∫Sλ F dλ = F (b² − a²)/2: photons, not energy.
        const Passband band = topHat(4000.0, 6000.0);
        STARLOCUS_COMPARE_CLOSE(photonFlux(band, [](double) { return 2.0; }), 2.0 * (6000.0 * 6000.0 - 4000.0 * 4000.0) / 2.0,
                                1e-12, 0.0);
        // Pivot of a top-hat: sqrt((b² − a²) / (2 ln(b/a))).
        STARLOCUS_COMPARE_CLOSE(band.pivotWavelengthA(), std::sqrt((6000.0 * 6000.0 - 4000.0 * 4000.0) / (2.0 * std::log(1.5))),
                                1e-8, 0.0);
    }

    void abMagnitudeOfTheAbSourceIsZero() {
        // F_ν = 3631 Jy at all ν is m_AB = 0 in any band; ×100 in flux is −5 mag.
        const Passband band = analyticPassband("g");
        const auto ab = [](double w) { return 3631.0e-23 * 2.99792458e18 / (w * w); };
        STARLOCUS_COMPARE_CLOSE(abMagnitude(band, ab), 0.0, 0.0, 1e-12);
        STARLOCUS_COMPARE_CLOSE(abMagnitude(band, [&](double w) { return 100.0 * ab(w); }), -5.0, 0.0, 1e-12);
        QVERIFY_THROWS_EXCEPTION(InputError, abMagnitude(band, [](double) { return 0.0; }));
    }

    void narrowBandExtinctionIsMonochromatic() {
        // A 2 Å wide band: A_b(E) = E·k(λ₀) whatever the source or E (Eq. B20 limit).
        const Fitzpatrick99 law(3.1);
        const BandExtinction narrow(topHat(5499.0, 5501.0, 201), law);
        for (const double e : {0.01, 1.0, 3.0})
            STARLOCUS_COMPARE_CLOSE(narrow.extinctionMag(5000.0, e), e * law.aOverEbv(5500.0), 1e-5, 0.0);
        STARLOCUS_COMPARE_CLOSE(narrow.reddeningCoefficient(4000.0), law.aOverEbv(5500.0), 1e-5, 0.0);
    }

    void finiteExtinctionTendsToTheLinearLimit() {
        STARLOCUS_SHARED_FILE(path, "reference/passbands/gaiadr2-G.ecsv");
        const BandExtinction g(readEcsvPassband(path.toStdString()), Fitzpatrick99(3.1));
        for (const double t : {4000.0, 6000.0, 8000.0}) {
            const double r = g.reddeningCoefficient(t);
            QCOMPARE(g.finiteReddeningCoefficient(t, 0.0), r);
            // A(E)/E − R = O(E): the gap shrinks tenfold per decade of E.
            const double gap3 = std::abs(g.finiteReddeningCoefficient(t, 1e-3) - r);
            const double gap4 = std::abs(g.finiteReddeningCoefficient(t, 1e-4) - r);
            QVERIFY2(gap3 < 1e-3 * r, qPrintable(QString::number(gap3)));
            STARLOCUS_COMPARE_CLOSE(gap3 / gap4, 10.0, 0.02, 0.0);
        }
    }

    void extinctionIsSubLinearInE() {
        // The extinguished source shifts the band towards its less-extinguished side, so
        // A(E)/E falls with E (App. B); strongest in the broad G band.
        STARLOCUS_SHARED_FILE(path, "reference/passbands/gaiadr2-G.ecsv");
        const BandExtinction g(readEcsvPassband(path.toStdString()), Fitzpatrick99(3.1));
        double previous = g.reddeningCoefficient(6000.0);
        for (const double e : {0.1, 0.5, 1.0, 2.0}) {
            const double ratio = g.finiteReddeningCoefficient(6000.0, e);
            QVERIFY2(ratio < previous, qPrintable(QStringLiteral("E=%1").arg(e)));
            previous = ratio;
        }
    }

    void nonLinearityInGIsOfThePapersSize() {
        // App. B: for a 6000 K blackbody the G-band extinction falls ΔA_G = −0.037 mag below
        // the linear extrapolation when A_G = 1 mag, and "only varies by 20 %" for 4000–8000 K.
        // The paper names neither its law nor its G curve; with F99 (R_V = 3.1) and the DR2
        // revised G we get −0.050 (docs/PHYSICS.md), so we check sign, size and flatness.
        STARLOCUS_SHARED_FILE(path, "reference/passbands/gaiadr2-G.ecsv");
        const BandExtinction g(readEcsvPassband(path.toStdString()), Fitzpatrick99(3.1));
        std::vector<double> deltas;
        for (const double t : {4000.0, 6000.0, 8000.0}) {
            double lo = 0.0, hi = 1.0;
            for (int i = 0; i < 60; ++i) // the E with A_G(E) = 1 mag
                (g.extinctionMag(t, 0.5 * (lo + hi)) < 1.0 ? lo : hi) = 0.5 * (lo + hi);
            const double e = 0.5 * (lo + hi);
            deltas.push_back(1.0 - e * g.reddeningCoefficient(t));
            qInfo("T = %.0f K: A_G = 1 mag at E(B-V) = %.4f; Delta A_G = %+.4f mag (paper, 6000 K: -0.037)", t, e,
                  deltas.back());
        }
        QVERIFY(deltas[1] < -0.03 && deltas[1] > -0.06);
        for (const double d : deltas)
            STARLOCUS_COMPARE_CLOSE(d, deltas[1], 0.2, 0.0);
    }

    void bandOutsideTheLawIsAnInputError() {
        const Passband far("far-IR", {70000.0, 80000.0}, {1.0, 1.0}, "far.dat");
        try {
            BandExtinction b(far, Fitzpatrick99(3.1));
            QFAIL("no InputError");
        } catch (const InputError& e) {
            QCOMPARE(QString::fromStdString(e.file()), QStringLiteral("far.dat"));
            QCOMPARE(QString::fromStdString(e.field()), QStringLiteral("wavelength_A"));
            QVERIFY(QString::fromUtf8(e.what()).contains(QStringLiteral("far-IR")));
        }
        const BandExtinction ok(topHat(5000.0, 6000.0, 11), Fitzpatrick99(3.1));
        QVERIFY_THROWS_EXCEPTION(InputError, ok.extinctionMag(5000.0, std::nan("")));
        const std::vector<double> shortSpectrum(3, 1.0);
        QVERIFY_THROWS_EXCEPTION(InputError, ok.reddeningCoefficient(shortSpectrum));
    }
};

QTEST_APPLESS_MAIN(TestSyntheticPhotometry)
#include "test_synthetic_photometry.moc"
