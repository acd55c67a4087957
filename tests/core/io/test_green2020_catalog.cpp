// SPDX-License-Identifier: GPL-3.0-or-later
// Reading the published catalog layout (values checked against an independent reader,
// h5py, for the first star), writing it back, and every structural defect of the file.
#include "core/common/input_error.h"
#include "core/io/green2020_catalog.h"
#include "tests/core/io/catalog_fixtures.h"
#include "tests/support/published_model.h"
#include "tests/support/relative_compare.h"
#include "tests/support/shared_data.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

using namespace starlocus::core;

class TestGreen2020Catalog : public QObject {
    Q_OBJECT
    QTemporaryDir dir_;

    void expectRejected(const std::string& file, const std::string& field, const std::string& needle) {
        try {
            readGreen2020Catalog(file);
            QFAIL("a bad catalog was accepted");
        } catch (const InputError& e) {
            const std::string what = e.what();
            QVERIFY2(what.find(file) != std::string::npos, what.c_str());
            QVERIFY2(e.field() == field, what.c_str());
            QVERIFY2(what.find(needle) != std::string::npos, what.c_str());
        }
    }
    std::string path(const char* name) { return dir_.filePath(name).toStdString(); }

private slots:
    void readsThePublishedTestStars() {
        STARLOCUS_SHARED_FILE(file, "green2020/green2020_test_data_small.h5");
        const Catalog cat = readGreen2020Catalog(file.toStdString());
        QCOMPARE(cat.size(), std::size_t(10000));
        // First record as h5py prints it.
        STARLOCUS_COMPARE_CLOSE(cat.theta[0][0], 6294.1914, 1e-7, 0);
        STARLOCUS_COMPARE_CLOSE(cat.thetaCov[0][0], 655.93542, 1e-7, 0);
        STARLOCUS_COMPARE_CLOSE(cat.mag[0][1], 13.89672, 1e-7, 0);
        QVERIFY(std::isnan(cat.mag[0][5]));
        STARLOCUS_COMPARE_CLOSE(cat.magErr[0][8], 0.029, 1e-6, 0);
        STARLOCUS_COMPARE_CLOSE(cat.parallaxMas[0], 1.5671304, 1e-7, 0);
        STARLOCUS_COMPARE_CLOSE(cat.reddening[0], 0.311861, 1e-6, 0);
        QCOMPARE(cat.atmSource[0], std::string("lamost"));
        QCOMPARE(cat.rSource[0], std::string("b19"));
        QVERIFY(cat.reddeningFit.has_value() && cat.reddeningFit->size() == 10000);
        QVERIFY(cat.reddeningFitVar.has_value());
        QVERIFY(cat.labelMedian.has_value());
        STARLOCUS_COMPARE_CLOSE((*cat.labelMedian)[0], starlocus::test::kPublishedThetaMedian[0], 1e-7, 0);
    }

    void writeThenReadKeepsEveryField() {
        Catalog cat = starlocus::test::makeCleanCatalog(5);
        cat.mag[2][7] = std::nan("");
        cat.atmSource[3] = "apogee";
        cat.rSource[4] = "default";
        cat.reddeningFit = std::vector<double>{0.1, 0.2, 0.3, 0.4, 0.5};
        cat.reddeningFitVar = std::vector<double>{1e-3, 2e-3, 3e-3, 4e-3, 5e-3};
        LabelNormalization norm;
        norm.median = {5000, 4, -0.2};
        norm.stddev = {900, 0.9, 0.4};
        writeGreen2020Catalog(path("round.h5"), cat, norm);
        const Catalog back = readGreen2020Catalog(path("round.h5"));
        QCOMPARE(back.size(), std::size_t(5));
        QCOMPARE(back.theta[1][0], 5780.0);
        QCOMPARE(back.thetaCov[1][4], double(float(0.01)));
        QVERIFY(std::isnan(back.mag[2][7]));
        QCOMPARE(back.atmSource[3], std::string("apogee"));
        QCOMPARE(back.rSource[4], std::string("default"));
        QCOMPARE((*back.reddeningFit)[2], double(float(0.3)));
        QCOMPARE((*back.labelStd)[1], 0.9);
        QVERIFY(!QFile::exists(dir_.filePath("round.h5.tmp")));
    }

    void missingFile() { expectRejected(path("absent.h5"), "", "file not found"); }

    void notHdf5() {
        QFile f(dir_.filePath("text.h5"));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("Teff,logg,feh\n5000,4,0\n");
        f.close();
        expectRejected(path("text.h5"), "", "not an HDF5 file");
    }

    void dataMissing() {
        hid_t file = H5Fcreate(path("empty.h5").c_str(), H5F_ACC_TRUNC, H5P_DEFAULT, H5P_DEFAULT);
        H5Fclose(file);
        expectRejected(path("empty.h5"), "data", "dataset missing");
    }

    void fieldMissing() {
        starlocus::test::writeCompound(path("nomag.h5"), 4, starlocus::test::publishedFields("mag"));
        expectRejected(path("nomag.h5"), "data/mag", "field missing");
    }

    void fieldOfWrongShape() {
        const hsize_t d12[1] = {12};
        hid_t a12 = H5Tarray_create2(H5T_IEEE_F32LE, 1, d12);
        starlocus::test::writeCompound(path("mag12.h5"), 4, starlocus::test::publishedFields({}, "mag_err", a12));
        H5Tclose(a12);
        expectRejected(path("mag12.h5"), "data/mag_err", "expected 13");
    }

    void fieldOfWrongType() {
        hid_t s = H5Tcopy(H5T_C_S1);
        H5Tset_size(s, 4);
        starlocus::test::writeCompound(path("strpar.h5"), 4, starlocus::test::publishedFields({}, "parallax", s));
        H5Tclose(s);
        expectRejected(path("strpar.h5"), "data/parallax", "expected a number");
    }

    void reddeningFitOfWrongLength() {
        Catalog cat = starlocus::test::makeCleanCatalog(3);
        writeGreen2020Catalog(path("rfit.h5"), cat, LabelNormalization{}, [](hid_t file) {
            const double v[2] = {0.1, 0.2};
            const hsize_t dims[1] = {2};
            hid_t space = H5Screate_simple(1, dims, nullptr);
            hid_t ds = H5Dcreate2(file, "r_fit", H5T_IEEE_F64LE, space, H5P_DEFAULT, H5P_DEFAULT, H5P_DEFAULT);
            H5Dwrite(ds, H5T_NATIVE_DOUBLE, H5S_ALL, H5S_ALL, H5P_DEFAULT, v);
            H5Dclose(ds);
            H5Sclose(space);
        });
        expectRejected(path("rfit.h5"), "r_fit", "shape (2), expected (3)");
    }
};

QTEST_GUILESS_MAIN(TestGreen2020Catalog)
#include "test_green2020_catalog.moc"
