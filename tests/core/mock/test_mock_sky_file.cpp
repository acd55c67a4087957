// SPDX-License-Identifier: GPL-3.0-or-later
// A mock sky on disk: the Green2020 layout reads back through the project's own reader, the
// `truth` group holds what the issue lists, and the same (N, seed) gives byte-identical
// files on one and two threads (counter-based draws, no time stamps, no host or clock).
#include "core/io/green2020_catalog.h"
#include "core/io/hdf5_handle.h"
#include "core/mock/mock_sky.h"
#include "core/mock/mock_sky_file.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

using namespace starlocus::core;

namespace {

QByteArray fileBytes(const QString& path) {
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

std::string writeSky(const QTemporaryDir& dir, const char* name, const char* threads, std::size_t n,
                     ExtinctionMode mode = ExtinctionMode::Exact) {
    qputenv("STARLOCUS_THREADS", threads);
    MockSkyConfig config;
    config.starCount = n;
    config.extinction = mode;
    const MockSky sky(config, 99);
    const std::string path = dir.filePath(name).toStdString();
    writeMockSky(path, sky);
    qunsetenv("STARLOCUS_THREADS");
    return path;
}

} // namespace

class TestMockSkyFile : public QObject {
    Q_OBJECT
    QTemporaryDir dir_;

private slots:
    void byteIdenticalOnOneAndTwoThreads() {
        const std::string one = writeSky(dir_, "one.h5", "1", 20000);
        const std::string two = writeSky(dir_, "two.h5", "2", 20000);
        const QByteArray a = fileBytes(QString::fromStdString(one)), b = fileBytes(QString::fromStdString(two));
        QVERIFY(a.size() > 20000 * 100);
        QVERIFY(a == b);
        // The file holds no host name or wall clock: a second run later is the same bytes.
        const std::string again = writeSky(dir_, "again.h5", "2", 20000);
        QVERIFY(fileBytes(QString::fromStdString(again)) == a);
    }

    void readsBackWithTruthBeside() {
        MockSkyConfig config;
        config.starCount = 3000;
        config.extinction = ExtinctionMode::Linear;
        const MockSky sky(config, 5);
        const std::string path = dir_.filePath("sky.h5").toStdString();
        writeMockSky(path, sky);

        const Catalog cat = readGreen2020Catalog(path);
        QCOMPARE(cat.size(), std::size_t(3000));
        QVERIFY(cat.labelMedian && cat.labelStd);
        for (int k = 0; k < 3; ++k) { // the normalisation written as attributes
            QCOMPARE((*cat.labelMedian)[std::size_t(k)], sky.normalization().median[std::size_t(k)]);
            QCOMPARE((*cat.labelStd)[std::size_t(k)], sky.normalization().stddev[std::size_t(k)]);
        }
        for (std::size_t i = 0; i < cat.size(); i += 97) {
            QCOMPARE(cat.rSource[i], sky.catalog().rSource[i]);
            QCOMPARE(cat.atmSource[i], sky.catalog().atmSource[i]);
            for (std::size_t b = 0; b < kBandCount; ++b) {
                const double written = sky.catalog().mag[i][b];
                QCOMPARE(std::isnan(cat.mag[i][b]), std::isnan(written));
                if (!std::isnan(written))
                    QCOMPARE(cat.mag[i][b], double(float(written))); // float32 as published
            }
        }

        hdf5::Handle file = hdf5::openReadOnly(path);
        const hsize_t n = 3000, bands = kBandCount;
        const std::vector<std::pair<const char*, std::vector<hsize_t>>> datasets = {
            {"truth/theta", {n, 3}}, {"truth/E", {n}},         {"truth/mu", {n}},      {"truth/M", {n, bands}},
            {"truth/R", {n, bands}}, {"truth/A", {n, bands}}, {"truth/outlier", {n}}, {"truth/branch", {n}}};
        for (const auto& [name, shape] : datasets)
            QVERIFY2(hdf5::readDoubles(file.get(), path, name, shape).size() > 0, name);
        const std::vector<double> e = hdf5::readDoubles(file.get(), path, "truth/E", {n});
        const std::vector<double> m = hdf5::readDoubles(file.get(), path, "truth/M", {n, bands});
        const std::vector<double> outlier = hdf5::readDoubles(file.get(), path, "truth/outlier", {n});
        for (std::size_t i = 0; i < n; i += 101) {
            QCOMPARE(e[i], sky.truth().reddening[i]);
            QCOMPARE(m[i * kBandCount + 3], double(float(sky.truth().absMag[i][3]))); // float32 on disk
            QCOMPARE(outlier[i], double(sky.truth().outlier[i]));
        }
        hdf5::Handle truth = hdf5::openGroup(file.get(), path, "truth");
        QCOMPARE(hdf5::readStringAttribute(truth.get(), "config").value_or(""), config.toJson());
        QCOMPARE(hdf5::readStringAttribute(truth.get(), "seed").value_or(""), std::string("5"));
        QCOMPARE(hdf5::readStringAttribute(truth.get(), "extinction").value_or(""), std::string("linear"));
    }
};

QTEST_APPLESS_MAIN(TestMockSkyFile)
#include "test_mock_sky_file.moc"
