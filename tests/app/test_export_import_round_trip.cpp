// SPDX-License-Identifier: GPL-3.0-or-later
// Done-when of issue 15: `export` → `import` of the published 10,000 stars with every rule off
// gives the same catalog, every field equal, through each table format.
#include "core/import/table_import.h"
#include "core/io/green2020_catalog.h"
#include "tests/support/cli_run.h"
#include "tests/support/shared_data.h"

#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <cstring>

using namespace starlocus::core;

namespace {

// Equal as stored: the same double, or both NaN.
template <std::size_t N>
bool same(const std::array<double, N>& a, const std::array<double, N>& b) {
    for (std::size_t k = 0; k < N; ++k)
        if (!(a[k] == b[k] || (std::isnan(a[k]) && std::isnan(b[k]))))
            return false;
    return true;
}
bool same(double a, double b) { return a == b || (std::isnan(a) && std::isnan(b)); }

} // namespace

class TestExportImportRoundTrip : public QObject {
    Q_OBJECT
private slots:
    void publishedCatalogComesBackFieldForField_data() {
        QTest::addColumn<QString>("format");
        QTest::addColumn<QString>("extension");
        QTest::newRow("fits") << "fits" << "fits";
        QTest::newRow("csv") << "csv" << "csv";
        QTest::newRow("ecsv") << "ecsv" << "ecsv";
        QTest::newRow("votable") << "votable" << "vot";
    }
    void publishedCatalogComesBackFieldForField() {
        QFETCH(QString, format);
        QFETCH(QString, extension);
        STARLOCUS_SHARED_FILE(publishedPath, "green2020/green2020_test_data_small.h5");
        const Catalog published = readGreen2020Catalog(publishedPath.toStdString());
        QTemporaryDir dir;
        const std::string table = dir.filePath("published." + extension).toStdString();
        const auto exported = starlocus::test::runCliCommand(
            {"export", publishedPath.toStdString(), "--format", format.toStdString(), "--out", table});
        QVERIFY2(exported.code == 0, exported.err.c_str());

        import::RuleSettings none;
        none.apply("all=off");
        const import::ImportResult back = import::importTables({{table, {}, {}, {}}}, none);
        const Catalog& c = back.catalog;
        QCOMPARE(c.size(), published.size());
        for (std::size_t i = 0; i < c.size(); ++i) {
            QVERIFY2(same(c.theta[i], published.theta[i]), qPrintable(QString("star %1 labels").arg(i)));
            QVERIFY2(same(c.thetaCov[i], published.thetaCov[i]), qPrintable(QString("star %1 covariance").arg(i)));
            QVERIFY2(same(c.mag[i], published.mag[i]), qPrintable(QString("star %1 magnitudes").arg(i)));
            QVERIFY2(same(c.magErr[i], published.magErr[i]), qPrintable(QString("star %1 errors").arg(i)));
            QVERIFY2(same(c.parallaxMas[i], published.parallaxMas[i]) && same(c.parallaxErrMas[i], published.parallaxErrMas[i]),
                     qPrintable(QString("star %1 parallax").arg(i)));
            QVERIFY(same(c.reddening[i], published.reddening[i]) && same(c.reddeningErr[i], published.reddeningErr[i]));
            QCOMPARE(c.atmSource[i], published.atmSource[i]);
            QCOMPARE(c.rSource[i], published.rSource[i]);
            QVERIFY(same((*c.reddeningFit)[i], (*published.reddeningFit)[i]));
            QVERIFY(same((*c.reddeningFitVar)[i], (*published.reddeningFitVar)[i]));
        }
    }
};

QTEST_GUILESS_MAIN(TestExportImportRoundTrip)
#include "test_export_import_round_trip.moc"
