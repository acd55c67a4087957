// SPDX-License-Identifier: GPL-3.0-or-later
// The done-when check of issue 15 for the synthetic sky: `mock --raw` writes survey-native
// cross-matches (FITS, CSV, VOTable) with chosen stars and bands that each §3 rule must
// remove and a truth file (written by the mock, core/mock/raw_*.cpp, independently of the
// import's rules); the import must reproduce every count exactly and give back the mock's own
// Green2020 catalog (to float32 rounding, as it stores) for the stars that pass.
#include "core/import/table_import.h"
#include "core/io/green2020_catalog.h"
#include "tests/support/cli_run.h"

#include <QDir>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>

using namespace starlocus::core;
using namespace starlocus::core::import;
using starlocus::test::runCliCommand;

namespace {

constexpr std::int64_t kFirstSourceId = 4'000'000'000'000'000'000; // the mock's, docs/MOCK.md
constexpr int kStars = 6000;

// Equal to the float32 the catalog file holds.
bool sameAsStored(double imported, double stored) {
    if (std::isnan(stored) || std::isnan(imported))
        return std::isnan(stored) && std::isnan(imported);
    return std::abs(imported - stored) <= 1.2e-7 * std::abs(stored) + 1e-30;
}

} // namespace

class TestImportMockRaw : public QObject {
    Q_OBJECT
    QTemporaryDir dir_;
    std::string prefix(const char* format) const { return dir_.filePath(QString::fromLatin1(format)).toStdString() + "/sky"; }

    std::vector<ImportSource> sources(const char* format, const char* ext) const {
        std::vector<ImportSource> s;
        for (const char* survey : {"lamost", "apogee", "galah"})
            s.push_back({prefix(format) + "_" + survey + "." + ext, {}, {}, {}});
        return s;
    }

private slots:
    void initTestCase() {
        for (const char* format : {"fits", "csv", "votable"}) {
            QVERIFY(QDir(dir_.path()).mkpath(QString::fromLatin1(format)));
            const auto r = runCliCommand({"mock", "--stars", std::to_string(kStars), "--seed", "11", "--raw", format,
                                          "--out", prefix(format)});
            QVERIFY2(r.code == 0, r.err.c_str());
        }
    }

    void countsAndCatalogComeBack() {
        const ImportResult r = importTables(sources("fits", "fits"), RuleSettings{});
        std::ifstream truthFile(prefix("fits") + "_truth.json");
        const auto truth = nlohmann::json::parse(truthFile);
        // Every rule's count, exactly.
        for (const auto& [name, entry] : truth["rules"].items()) {
            const auto rule = ruleIndex(name);
            QVERIFY2(rule, name.c_str());
            const std::size_t got = r.report.tally.rules[*rule].total();
            QVERIFY2(got == entry["count"].get<std::size_t>(),
                     (name + ": " + std::to_string(got) + " vs " + entry["count"].dump()).c_str());
        }
        // The same stars survive.
        std::set<std::size_t> expected;
        for (const auto& i : truth["surviving_mock_index"])
            expected.insert(i.get<std::size_t>());
        QCOMPARE(r.catalog.size(), expected.size());
        std::map<std::size_t, std::set<std::size_t>> droppedBands; // mock index → bands a rule removed
        for (const auto& d : truth["dropped_bands"])
            droppedBands[d["mock_index"].get<std::size_t>()].insert(*bandIndex(d["band"].get<std::string>()));
        // Every value of every surviving star, against the mock's own catalog file.
        const Catalog mock = readGreen2020Catalog(prefix("fits") + "_catalog.h5");
        std::size_t bandsCompared = 0;
        for (std::size_t k = 0; k < r.catalog.size(); ++k) {
            const std::size_t i = std::size_t((r.sourceId[k] - kFirstSourceId) / 7);
            QVERIFY(expected.contains(i));
            const Catalog& c = r.catalog;
            for (int j = 0; j < 3; ++j)
                QVERIFY2(sameAsStored(c.theta[k][j], mock.theta[i][j]), qPrintable(QString("star %1 theta %2").arg(i).arg(j)));
            for (int j = 0; j < 9; ++j)
                QVERIFY2(sameAsStored(c.thetaCov[k][j], mock.thetaCov[i][j]),
                         qPrintable(QString("star %1 cov %2: %3 vs %4").arg(i).arg(j).arg(c.thetaCov[k][j]).arg(mock.thetaCov[i][j])));
            for (std::size_t b = 0; b < kBandCount; ++b) {
                if (droppedBands[i].contains(b)) {
                    QVERIFY(std::isnan(c.mag[k][b]));
                    continue;
                }
                QVERIFY2(sameAsStored(c.mag[k][b], mock.mag[i][b]),
                         qPrintable(QString("star %1 band %2: %3 vs %4").arg(i).arg(b).arg(c.mag[k][b]).arg(mock.mag[i][b])));
                if (std::isfinite(mock.mag[i][b])) {
                    QVERIFY2(sameAsStored(c.magErr[k][b], mock.magErr[i][b]),
                             qPrintable(QString("star %1 band %2 error").arg(i).arg(b)));
                    ++bandsCompared;
                }
            }
            QVERIFY(sameAsStored(c.parallaxMas[k], mock.parallaxMas[i]));
            QVERIFY(sameAsStored(c.parallaxErrMas[k], mock.parallaxErrMas[i]));
            QVERIFY(sameAsStored(c.reddening[k], mock.reddening[i]));
            QVERIFY2(sameAsStored(c.reddeningErr[k], mock.reddeningErr[i]), qPrintable(QString("star %1 σ_E").arg(i)));
            QCOMPARE(c.atmSource[k], mock.atmSource[i]);
            QCOMPARE(c.rSource[k], mock.rSource[i]);
            QVERIFY(std::abs(c.galacticB->at(k) - mock.galacticB->at(i)) < 1e-9);
        }
        QVERIFY(bandsCompared > std::size_t(kStars) * 8);
    }

    void thePapersReddeningRuleFindsTheMocksRegimes() {
        // §3.3 from the map columns (sfd_ebv, bayestar19_ebv, b, dec, the parallax) must pick the
        // regime the mock picked for every star, by the same paper rule written independently.
        RuleSettings paper;
        paper.apply("reddening=paper");
        const ImportResult r = importTables(sources("fits", "fits"), paper);
        const Catalog mock = readGreen2020Catalog(prefix("fits") + "_catalog.h5");
        std::size_t differ = 0;
        for (std::size_t k = 0; k < r.catalog.size(); ++k) {
            const std::size_t i = std::size_t((r.sourceId[k] - kFirstSourceId) / 7);
            differ += r.catalog.rSource[k] != mock.rSource[i] ? 1 : 0;
        }
        QCOMPARE(differ, std::size_t(0));
        QVERIFY(r.report.tally.regimes[0] > 0 && r.report.tally.regimes[1] > 0 && r.report.tally.regimes[2] > 0);
    }

    void everyFormatGivesTheSameCatalog() {
        const ImportResult fits = importTables(sources("fits", "fits"), RuleSettings{});
        for (const auto& [format, ext] : {std::pair{"csv", "csv"}, std::pair{"votable", "vot"}}) {
            const ImportResult other = importTables(sources(format, ext), RuleSettings{});
            QCOMPARE(other.catalog.size(), fits.catalog.size());
            QCOMPARE(other.sourceId, fits.sourceId);
            for (std::size_t k = 0; k < fits.catalog.size(); ++k) {
                QVERIFY(other.catalog.theta[k] == fits.catalog.theta[k]);
                QVERIFY(other.catalog.thetaCov[k] == fits.catalog.thetaCov[k]);
                for (std::size_t b = 0; b < kBandCount; ++b)
                    QVERIFY(sameAsStored(other.catalog.mag[k][b], fits.catalog.mag[k][b]) &&
                            sameAsStored(other.catalog.magErr[k][b], fits.catalog.magErr[k][b]));
                QCOMPARE(other.catalog.reddening[k], fits.catalog.reddening[k]);
            }
        }
    }
};

QTEST_GUILESS_MAIN(TestImportMockRaw)
#include "test_import_mock_raw.moc"
