// SPDX-License-Identifier: GPL-3.0-or-later
// The optional Galactic position of the Green2020 catalog layout (members l, b of `data`,
// issue 16: the photometric fit's Galactic distance prior needs them): written when the
// catalog has them and read back exactly, read from a third party's float32 table, absent
// from a file without them (which reads as before), refused when only one of the two is there.
#include "core/common/input_error.h"
#include "core/io/green2020_catalog.h"
#include "core/io/hdf5_handle.h"
#include "tests/core/io/catalog_fixtures.h"
#include "tests/support/shared_data.h"

#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <cstring>
#include <limits>

using namespace starlocus::core;
using namespace starlocus::test;

namespace {

const LabelNormalization kNormalization{{5780.0, 4.44, 0.0}, {1000.0, 1.0, 0.5}};

bool hasMember(const std::string& path, const char* member) {
    const auto lock = hdf5::libraryLock();
    hdf5::Handle f = hdf5::openReadOnly(path);
    hdf5::Handle ds(H5Dopen2(f.get(), "data", H5P_DEFAULT));
    hdf5::Handle type(H5Dget_type(ds.get()));
    return H5Tget_member_index(type.get(), member) >= 0;
}

// The published fields plus `extra` float32 members, each star's extra values given by
// `values[star][k]` (the rest of the record zero): a table as another tool would write it.
void writeWithFloatMembers(const std::string& path, const std::vector<const char*>& extra,
                           const std::vector<std::vector<float>>& values) {
    std::vector<CompoundField> fields = publishedFields();
    std::size_t publishedSize = 0;
    for (const auto& f : fields)
        publishedSize += H5Tget_size(f.type);
    for (const char* name : extra)
        fields.push_back({name, H5T_IEEE_F32LE});
    const std::size_t recordSize = publishedSize + 4 * extra.size();
    std::vector<char> buffer(recordSize * values.size(), 0);
    for (std::size_t i = 0; i < values.size(); ++i)
        std::memcpy(buffer.data() + i * recordSize + publishedSize, values[i].data(), 4 * extra.size());
    const auto lock = hdf5::libraryLock();
    hdf5::Handle type(H5Tcreate(H5T_COMPOUND, recordSize));
    std::size_t offset = 0;
    for (const auto& f : fields) {
        H5Tinsert(type.get(), f.name.c_str(), offset, f.type);
        offset += H5Tget_size(f.type);
    }
    const hsize_t dims[1] = {values.size()};
    hdf5::Handle space(H5Screate_simple(1, dims, nullptr));
    hdf5::Handle file(H5Fcreate(path.c_str(), H5F_ACC_TRUNC, H5P_DEFAULT, H5P_DEFAULT));
    hdf5::Handle ds(H5Dcreate2(file.get(), "data", type.get(), space.get(), H5P_DEFAULT, H5P_DEFAULT, H5P_DEFAULT));
    QVERIFY(H5Dwrite(ds.get(), type.get(), H5S_ALL, H5S_ALL, H5P_DEFAULT, buffer.data()) >= 0);
}

} // namespace

class TestCatalogSkyPosition : public QObject {
    Q_OBJECT
    QTemporaryDir dir_;
    std::string path(const char* name) const { return dir_.filePath(name).toStdString(); }

private slots:
    void positionsReadBackExactly() {
        Catalog cat = makeCleanCatalog(4);
        const double nan = std::numeric_limits<double>::quiet_NaN();
        cat.galacticL = std::vector<double>{0.0, 359.99999999, 123.456789012345, nan};
        cat.galacticB = std::vector<double>{-90.0, 89.123456789, 1e-9, nan};
        const std::string file = path("with_lb.h5");
        writeGreen2020Catalog(file, cat, kNormalization);
        QVERIFY(hasMember(file, "l") && hasMember(file, "b"));
        const Catalog back = readGreen2020Catalog(file);
        QVERIFY(back.galacticL && back.galacticB);
        QCOMPARE(back.galacticL->size(), std::size_t(4));
        for (std::size_t i = 0; i < 3; ++i) {
            QCOMPARE((*back.galacticL)[i], (*cat.galacticL)[i]); // float64 on disk: exact
            QCOMPARE((*back.galacticB)[i], (*cat.galacticB)[i]);
        }
        QVERIFY(std::isnan((*back.galacticL)[3]) && std::isnan((*back.galacticB)[3])); // no position
        // The rest of the record is where it was.
        QCOMPARE(back.mag[2][5], float(cat.mag[2][5]) + 0.0);
        QCOMPARE(back.parallaxMas[1], 1.0);
        QCOMPARE(back.atmSource[3], std::string("lamost"));
    }

    void withoutPositionsTheLayoutIsThePublishedOne() {
        const std::string file = path("without_lb.h5");
        writeGreen2020Catalog(file, makeCleanCatalog(3), kNormalization);
        QVERIFY(!hasMember(file, "l") && !hasMember(file, "b"));
        const Catalog back = readGreen2020Catalog(file);
        QVERIFY(!back.galacticL && !back.galacticB);
        QCOMPARE(back.size(), std::size_t(3));
    }

    void thePublishedCatalogHasNoPosition() {
        STARLOCUS_SHARED_FILE(published, "green2020/green2020_test_data_small.h5");
        const Catalog cat = readGreen2020Catalog(published.toStdString());
        QCOMPARE(cat.size(), std::size_t(10000));
        QVERIFY(!cat.galacticL && !cat.galacticB);
    }

    void float32MembersOfAnotherTool() {
        const std::string file = path("float_lb.h5");
        writeWithFloatMembers(file, {"l", "b"}, {{10.5f, -20.25f}, {270.0f, 45.0f}});
        const Catalog cat = readGreen2020Catalog(file);
        QVERIFY(cat.galacticL && cat.galacticB);
        QCOMPARE((*cat.galacticL)[0], 10.5);
        QCOMPARE((*cat.galacticB)[0], -20.25);
        QCOMPARE((*cat.galacticL)[1], 270.0);
        QCOMPARE((*cat.galacticB)[1], 45.0);
    }

    void onlyOneOfTheTwoIsRefused() {
        const std::string file = path("only_l.h5");
        writeWithFloatMembers(file, {"l"}, {{10.5f}});
        try {
            readGreen2020Catalog(file);
            QFAIL("a table with l but no b was accepted");
        } catch (const InputError& e) {
            QCOMPARE(e.file(), file);
            QCOMPARE(e.field(), std::string("data/b"));
        }
    }
};

QTEST_GUILESS_MAIN(TestCatalogSkyPosition)
#include "test_catalog_sky_position.moc"
