// SPDX-License-Identifier: GPL-3.0-or-later
// Nonsense configurations of the synthetic sky are InputErrors naming the config field,
// one case per rule (issue 4), and MockSky validates before it generates anything.
#include "core/common/input_error.h"
#include "core/mock/mock_sky.h"
#include "core/mock/mock_sky_config.h"

#include <QTest>

#include <cmath>
#include <functional>

using namespace starlocus::core;

namespace {

// The field named by the InputError that `change` provokes; "" if none is thrown.
QString failingField(const std::function<void(MockSkyConfig&)>& change) {
    MockSkyConfig config;
    change(config);
    try {
        config.validate();
    } catch (const InputError& e) {
        if (!e.file().empty())
            return "file?";
        return QString::fromStdString(e.field());
    }
    return {};
}

} // namespace

Q_DECLARE_METATYPE(std::function<void(starlocus::core::MockSkyConfig&)>)

class TestMockSkyConfig : public QObject {
    Q_OBJECT
private slots:
    void defaultsAreValid() {
        MockSkyConfig().validate();
        QCOMPARE(failingField([](MockSkyConfig&) {}), QString());
    }

    void rejectsEachNonsenseValue_data() {
        QTest::addColumn<QString>("field");
        QTest::addColumn<std::function<void(MockSkyConfig&)>>("change");
        using F = std::function<void(MockSkyConfig&)>;
        QTest::newRow("N = 0") << "star_count" << F([](MockSkyConfig& c) { c.starCount = 0; });
        QTest::newRow("inverted Teff range") << "teff_min_K" << F([](MockSkyConfig& c) { c.teffMinK = 7600; });
        QTest::newRow("giant Teff above max") << "giant_teff_min_K" << F([](MockSkyConfig& c) { c.giantTeffMinK = 7600; });
        QTest::newRow("Teff below table") << "teff_min_K" << F([](MockSkyConfig& c) { c.teffMinK = 2000; });
        QTest::newRow("Teff NaN") << "teff_max_K" << F([](MockSkyConfig& c) { c.teffMaxK = NAN; });
        QTest::newRow("dwarf fraction > 1") << "dwarf_fraction" << F([](MockSkyConfig& c) { c.dwarfFraction = 1.2; });
        QTest::newRow("subgiant fraction < 0") << "subgiant_fraction" << F([](MockSkyConfig& c) { c.subgiantFraction = -0.1; });
        QTest::newRow("red giant fraction NaN") << "red_giant_fraction" << F([](MockSkyConfig& c) { c.redGiantFraction = NAN; });
        QTest::newRow("red clump fraction > 1") << "red_clump_fraction" << F([](MockSkyConfig& c) { c.redClumpFraction = 2; });
        QTest::newRow("branches do not sum to 1") << "dwarf_fraction" << F([](MockSkyConfig& c) { c.dwarfFraction = 0.2; });
        QTest::newRow("thick disk > 1") << "thick_disk_fraction" << F([](MockSkyConfig& c) { c.thickDiskFraction = 1.5; });
        QTest::newRow("weighting < 0") << "star_count_weighting" << F([](MockSkyConfig& c) { c.starCountWeighting = -1; });
        QTest::newRow("apogee < 0") << "apogee_fraction" << F([](MockSkyConfig& c) { c.apogeeFraction = -0.01; });
        QTest::newRow("galah > 1") << "galah_fraction" << F([](MockSkyConfig& c) { c.galahFraction = 1.01; });
        QTest::newRow("surveys sum > 1") << "apogee_fraction"
                                         << F([](MockSkyConfig& c) { c.apogeeFraction = 0.6, c.galahFraction = 0.6; });
        QTest::newRow("binary > 1") << "binary_fraction" << F([](MockSkyConfig& c) { c.binaryFraction = 3; });
        QTest::newRow("wrong labels < 0") << "wrong_label_fraction" << F([](MockSkyConfig& c) { c.wrongLabelFraction = -0.5; });
        QTest::newRow("outliers sum > 1") << "binary_fraction"
                                          << F([](MockSkyConfig& c) { c.binaryFraction = 0.7, c.wrongLabelFraction = 0.7; });
        QTest::newRow("G range inverted") << "g_bright_mag" << F([](MockSkyConfig& c) { c.gBrightMag = 18; });
        QTest::newRow("dust density 0") << "dust_E_per_kpc" << F([](MockSkyConfig& c) { c.dustEPerKpc = 0; });
        QTest::newRow("dust height < 0") << "dust_scale_height_kpc" << F([](MockSkyConfig& c) { c.dustScaleHeightKpc = -1; });
        QTest::newRow("clumpiness < 0") << "dust_clumpiness" << F([](MockSkyConfig& c) { c.dustClumpiness = -0.1; });
        QTest::newRow("E cap 0") << "max_reddening" << F([](MockSkyConfig& c) { c.maxReddening = 0; });
        QTest::newRow("E cap huge") << "max_reddening" << F([](MockSkyConfig& c) { c.maxReddening = 50; });
    }
    void rejectsEachNonsenseValue() {
        QFETCH(QString, field);
        QFETCH(std::function<void(MockSkyConfig&)>, change);
        QCOMPARE(failingField(change), field);
    }

    void mockSkyValidatesFirst() {
        MockSkyConfig config;
        config.starCount = 0;
        QVERIFY_THROWS_EXCEPTION(InputError, MockSky(config, 1));
    }

    void extinctionModeNames() {
        QCOMPARE(parseExtinctionMode("linear"), ExtinctionMode::Linear);
        QCOMPARE(parseExtinctionMode("exact"), ExtinctionMode::Exact);
        QCOMPARE(extinctionModeName(ExtinctionMode::Linear), std::string_view("linear"));
        try {
            parseExtinctionMode("nonlinear");
            QFAIL("no error");
        } catch (const InputError& e) {
            QCOMPARE(QString::fromStdString(e.field()), QString("extinction"));
        }
    }

    void configJsonIsStable() {
        MockSkyConfig a, b;
        QCOMPARE(a.toJson(), b.toJson());
        b.gFaintMag = 17.0;
        QVERIFY(a.toJson() != b.toJson());
        QVERIFY(a.toJson().find("\"extinction\":\"exact\"") != std::string::npos);
    }
};

QTEST_APPLESS_MAIN(TestMockSkyConfig)
#include "test_mock_sky_config.moc"
