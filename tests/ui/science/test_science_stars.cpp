// SPDX-License-Identifier: GPL-3.0-or-later
// Which stars the science views show (core/diagnostics/science_stars.h) and the observed
// photometry of their left panels (observed_photometry.h), on small hand-made catalogs
// whose answers are known: the test split of a record that belongs to the catalog, all
// stars otherwise (with the reason), and M = m + 5 log10(ϖ/mas) − 10 with the 5σ rule.
#include "core/diagnostics/observed_photometry.h"
#include "core/diagnostics/science_stars.h"
#include "core/training/trainer.h"

#include <QTest>
#include <cmath>

using namespace starlocus::core;

namespace {

Catalog smallCatalog(std::size_t n) {
    Catalog c;
    c.resize(n);
    for (std::size_t i = 0; i < n; ++i) {
        c.theta[i] = {5000.0 + double(i), 4.0, 0.0};
        c.mag[i].fill(std::nan(""));
        c.mag[i][0] = 10.0 + double(i); // G
        c.mag[i][1] = 10.5 + double(i); // BP
        c.parallaxMas[i] = 10.0;
        c.parallaxErrMas[i] = 1.0;
    }
    return c;
}

} // namespace

class TestScienceStars : public QObject {
    Q_OBJECT
private slots:
    void testSplitOfTheOwnCatalog() {
        const Catalog c = smallCatalog(6);
        TrainingCheckpoint record;
        record.state.split = {Split::Train, Split::Test, Split::Validation, Split::Test, Split::Train, Split::Test};
        record.catalogHash = catalogContentHash(c);
        const ScienceStars s = chooseScienceStars(c, &record);
        QCOMPARE(s.choice, ScienceStarChoice::TestSplit);
        QCOMPARE(s.catalogIndex, (std::vector<std::size_t>{1, 3, 5}));
        QVERIFY(s.note.empty());
        const Catalog sub = subsetCatalog(c, s.catalogIndex);
        QCOMPARE(sub.size(), std::size_t(3));
        QCOMPARE(sub.theta[1][0], 5003.0);
        QCOMPARE(sub.mag[2][0], 15.0);
    }
    void allStarsForAnotherCatalog() {
        const Catalog c = smallCatalog(4);
        TrainingCheckpoint record;
        record.state.split = {Split::Test, Split::Test, Split::Test, Split::Test};
        record.catalogHash = catalogContentHash(c) ^ 1u;
        const ScienceStars other = chooseScienceStars(c, &record);
        QCOMPARE(other.choice, ScienceStarChoice::AllStars);
        QCOMPARE(other.catalogIndex.size(), std::size_t(4));
        QVERIFY(other.note.find("another catalog") != std::string::npos);
        record.state.split.resize(3);
        QVERIFY(chooseScienceStars(c, &record).note.find("3 stars") != std::string::npos);
        QCOMPARE(chooseScienceStars(c, nullptr).catalogIndex, (std::vector<std::size_t>{0, 1, 2, 3}));
    }
    void absoluteMagnitudeFromParallax() {
        Catalog c = smallCatalog(4);
        c.parallaxErrMas[1] = 2.5;     // ϖ/σ = 4 < 5: not placed
        c.parallaxMas[2] = -1.0;       // negative parallax
        c.parallaxMas[3] = 100.0;      // 10 pc: M = m
        c.parallaxErrMas[3] = 20.0;    // exactly 5σ: placed
        const std::vector<double> m = observedAbsoluteMagnitude(c, 0);
        QCOMPARE(m[0], 10.0 + 5.0 * 1.0 - 10.0); // 100 pc: M = m − 5
        QVERIFY(std::isnan(m[1]));
        QVERIFY(std::isnan(m[2]));
        QCOMPARE(m[3], 13.0);
        QCOMPARE(starsWithUsableParallax(c), std::size_t(2));
        const std::vector<double> color = observedColor(c, 1, 0);
        QCOMPARE(color[2], 0.5);
        QVERIFY(std::isnan(observedColor(c, 3, 0)[0])); // g unobserved
    }
};

QTEST_MAIN(TestScienceStars)
#include "test_science_stars.moc"
