// SPDX-License-Identifier: GPL-3.0-or-later
// The band order is a contract with the published files (METHOD.md §1).
#include "core/bands/band_registry.h"

#include <QTest>

using namespace starlocus::core;

class TestBandRegistry : public QObject {
    Q_OBJECT
private slots:
    void orderMatchesThePaper() {
        const char* expected[] = {"G", "BP", "RP", "g", "r", "i", "z", "y", "J", "H", "Ks", "W1", "W2"};
        QCOMPARE(bands().size(), std::size_t(13));
        for (std::size_t i = 0; i < 13; ++i)
            QCOMPARE(std::string(bands()[i].name), std::string(expected[i]));
    }
    void surveysAndSystems() {
        QCOMPARE(bands()[0].survey, Survey::Gaia);
        QCOMPARE(bands()[3].survey, Survey::PanStarrs1);
        QCOMPARE(bands()[3].catalogSystem, MagnitudeSystem::AB);
        QCOMPARE(bands()[8].catalogSystem, MagnitudeSystem::Vega);
        // unWISE Vega→AB offsets of §3.2.
        QCOMPARE(bands()[11].vegaToAbMag, 2.699);
        QCOMPARE(bands()[12].vegaToAbMag, 3.339);
    }
    void lookupAcceptsThePublishedSpellings() {
        QCOMPARE(bandIndex("Ks").value(), std::size_t(10));
        QCOMPARE(bandIndex("K_s").value(), std::size_t(10));
        QCOMPARE(bandIndex("W_2").value(), std::size_t(12));
        QVERIFY(!bandIndex("u").has_value());
    }
};

QTEST_GUILESS_MAIN(TestBandRegistry)
#include "test_band_registry.moc"
