// SPDX-License-Identifier: GPL-3.0-or-later
// Session, CatalogSummary and SessionLoader without a window.
#include "core/catalog/catalog.h"
#include "tests/support/shared_data.h"
#include "ui/session/catalog_summary.h"
#include "ui/session/session.h"
#include "ui/session/session_loader.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <cmath>
#include <limits>

using namespace starlocus;

namespace {

core::Catalog smallCatalog() {
    core::Catalog c;
    c.resize(4);
    const double nan = std::numeric_limits<double>::quiet_NaN();
    c.theta = {{5000, 4.5, -0.1}, {6000, 4.0, 0.2}, {4000, 2.0, nan}, {5500, 3.0, -0.5}};
    for (std::size_t i = 0; i < 4; ++i)
        c.mag[i].fill(nan);
    c.mag[0][0] = 12.0; // G observed for three stars
    c.mag[1][0] = 13.0;
    c.mag[2][0] = 14.0;
    c.mag[3][12] = 15.0; // W2 for one
    c.rSource = {"sfd", "b19", "b19", "default"};
    c.atmSource = {"lamost", "lamost", "apogee", "galah"};
    return c;
}

} // namespace

class TestSession : public QObject {
    Q_OBJECT
private slots:
    void summaryCountsAndRanges() {
        const ui::CatalogSummary s = ui::summarizeCatalog(smallCatalog());
        QCOMPARE(s.starCount, std::size_t(4));
        QCOMPARE(s.observedPerBand[0], std::size_t(3));
        QCOMPARE(s.observedPerBand[1], std::size_t(0));
        QCOMPARE(s.observedPerBand[12], std::size_t(1));
        QCOMPARE(s.labels[0].min, 4000.0);
        QCOMPARE(s.labels[0].max, 6000.0);
        QCOMPARE(s.labels[0].median, 5250.0); // even count: mean of 5000 and 5500
        QCOMPARE(s.labels[2].finiteCount, std::size_t(3));
        QCOMPARE(s.labels[2].median, -0.1); // NaN ignored
        QCOMPARE(s.rSourceCounts.front().first, std::string("b19"));
        QCOMPARE(s.rSourceCounts.front().second, std::size_t(2));
        QCOMPARE(s.rSourceCounts.size(), std::size_t(3));
        QCOMPARE(s.atmSourceCounts.front().first, std::string("lamost"));
        QVERIFY(!s.hasReddeningFit);
    }

    void emptyCatalogSummary() {
        const ui::CatalogSummary s = ui::summarizeCatalog(core::Catalog{});
        QCOMPARE(s.starCount, std::size_t(0));
        QVERIFY(std::isnan(s.labels[0].median));
        QVERIFY(s.rSourceCounts.empty());
    }

    void sessionEmitsAndComputesSummary() {
        ui::Session session;
        QSignalSpy catalogSpy(&session, &ui::Session::catalogChanged);
        QSignalSpy modelSpy(&session, &ui::Session::modelChanged);
        session.setCatalog(std::make_shared<const core::Catalog>(smallCatalog()));
        QCOMPARE(catalogSpy.count(), 1);
        QCOMPARE(modelSpy.count(), 0);
        QVERIFY(session.catalogSummary());
        QCOMPARE(session.catalogSummary()->starCount, std::size_t(4));
        session.setCatalog(nullptr);
        QVERIFY(!session.catalogSummary());
    }

    void loaderOpensPublishedFiles() {
        STARLOCUS_SHARED_FILE(modelPath, "green2020/green2020_nn_model.h5");
        STARLOCUS_SHARED_FILE(normPath, "green2020/green2020_theta_normalization.json");
        STARLOCUS_SHARED_FILE(catalogPath, "green2020/green2020_test_data_small.h5");
        ui::Session session;
        ui::SessionLoader loader(&session);
        QSignalSpy busy(&loader, &ui::SessionLoader::busyChanged);
        loader.loadModel(modelPath, normPath);
        loader.loadCatalog(catalogPath);
        QVERIFY(loader.isBusy());
        QTRY_VERIFY_WITH_TIMEOUT(!loader.isBusy(), 30000);
        QCOMPARE(busy.count(), 2); // true once, false once: both jobs in one busy period
        QVERIFY(session.model());
        QCOMPARE(session.modelNormalizationFile(), normPath);
        QCOMPARE(session.catalog()->size(), std::size_t(10000));
        QCOMPARE(session.catalogSummary()->starCount, std::size_t(10000));
    }

    void loaderFindsNormalizationBeside() {
        STARLOCUS_SHARED_FILE(modelPath, "green2020/green2020_nn_model.h5");
        ui::Session session;
        ui::SessionLoader loader(&session);
        loader.loadModel(modelPath);
        QTRY_VERIFY_WITH_TIMEOUT(!loader.isBusy(), 30000);
        QVERIFY(session.model());
        QVERIFY(session.modelNormalizationFile().endsWith(QStringLiteral("green2020_theta_normalization.json")));
    }

    void loaderReportsMissingNormalization() {
        STARLOCUS_SHARED_FILE(modelPath, "green2020/green2020_nn_model.h5");
        QTemporaryDir dir;
        const QString copy = dir.filePath(QStringLiteral("model.h5"));
        QVERIFY(QFile::copy(modelPath, copy));
        ui::Session session;
        ui::SessionLoader loader(&session);
        QSignalSpy failed(&loader, &ui::SessionLoader::modelLoadFailed);
        loader.loadModel(copy);
        QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 1, 30000);
        QVERIFY(failed.at(0).at(2).toBool()); // needsNormalization
        QVERIFY(failed.at(0).at(1).toString().contains(QStringLiteral("normalization")));
        QVERIFY(!session.model());
    }
};

QTEST_GUILESS_MAIN(TestSession)
#include "test_session.moc"
