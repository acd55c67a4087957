// SPDX-License-Identifier: GPL-3.0-or-later
// FITS tables (issue 15): binary tables written by Astropy at test time — the scalar numeric
// types Astropy writes (it writes numpy's int8 as a logical 'L', so signed bytes are not
// among them), the unsigned conventions, TNULL nulls, TSCAL/TZERO scaling, 64-bit IDs,
// logicals, strings, units, gzip — read back exactly and in chunks; a table in a later HDU;
// ASCII tables; vector columns as APOGEE's allStar has them expanded into NAME[k] columns, and
// the columns StarLocus cannot hold (long vectors, complex, variable-length, bits, string
// arrays) skipped and listed; a table of nothing but such columns refused.
#include "core/common/input_error.h"
#include "core/table/fits_table_reader.h"
#include "core/table/table_reader.h"
#include "tests/core/table/table_test_support.h"
#include "tests/support/astropy_tables.h"

#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <fstream>
#include <tuple>

using namespace starlocus::core;
using namespace starlocus::core::table;

namespace {

using starlocus::test::readAll;

std::size_t indexOf(const TableReader& reader, const std::string& name) {
    for (std::size_t c = 0; c < reader.columns().size(); ++c)
        if (reader.columns()[c].name == name)
            return c;
    throw std::runtime_error("no column " + name);
}

QString errorOf(const std::string& path, std::optional<int> hdu = std::nullopt) {
    return starlocus::test::errorOfReading(
        path, [&](const std::string& p) { return hdu ? openFitsTable(p, hdu) : openTable(p); });
}

} // namespace

class TestFitsTableReader : public QObject {
    Q_OBJECT
private:
    QTemporaryDir dir_;
    std::string path(const char* name) const { return dir_.filePath(QString::fromLatin1(name)).toStdString(); }

private slots:
    void initTestCase() {
        // Astropy writes the files once; each test reads what it needs.
        if (!starlocus::test::astropyMissing().isEmpty())
            return;
        const QString script = QStringLiteral(R"(import sys, gzip, shutil
import numpy as np
from astropy.table import Table, MaskedColumn
from astropy.io import fits
out = sys.argv[1]
t = Table()
t['source_id'] = np.array([4295806720, 6917528997577384320, 2, 5], dtype=np.int64)
t['g'] = MaskedColumn([15.25, 0.0, -1.5e-3, 9.0], mask=[False, True, False, False], unit='mag')
t['vis'] = MaskedColumn(np.array([9, 12, 0, -3], dtype=np.int16), mask=[False, False, True, False])
t['u8'] = np.array([0, 255, 7, 1], dtype=np.uint8)
t['u16'] = np.array([1, 65535, 7, 0], dtype=np.uint16)
t['u32'] = np.array([1, 4294967295, 7, 0], dtype=np.uint32)
t['i32'] = np.array([-2147483648, 2147483647, 0, 1], dtype=np.int32)
t['ok'] = np.array([True, False, True, False])
t['survey'] = ['LAMOST DR5', 'x,y', '', 'GALAH']
t['plx'] = np.array([1.25, -0.5, 3.0e-7, np.nan], dtype=np.float32)
t['plx'].unit = 'mas'
t.write(out + '/types.fits')
with open(out + '/types.fits', 'rb') as f, gzip.open(out + '/types.fits.gz', 'wb') as g:
    shutil.copyfileobj(f, g)
# Many rows, for chunks.
n = 5000
big = Table({'id': np.arange(n, dtype=np.int64) * 1000003, 'x': np.arange(n) * 0.25})
big.write(out + '/big.fits')
# A scaled integer column (TSCAL/TZERO) with TNULL, in the second extension after an image.
col = fits.Column(name='flux', format='J', null=-999, array=np.array([1000, -999, -2000]))
raw = fits.Column(name='raw', format='J', null=-999, array=np.array([1, -999, 3]))
ok = fits.Column(name='flag', format='L', array=np.array([True, False, True]))
hdul = fits.HDUList([fits.PrimaryHDU(), fits.ImageHDU(np.zeros((2, 2))), fits.BinTableHDU.from_columns([col, raw, ok])])
hdul.writeto(out + '/scaled.fits')
# The scaling written into the header only (the stored integers stay as they are).
fits.setval(out + '/scaled.fits', 'TSCAL1', value=0.001, ext=2)
fits.setval(out + '/scaled.fits', 'TZERO1', value=10.0, ext=2)
# Vector columns as APOGEE's allStar has them (FPARAM 7D, FPARAM_COV 49D with TDIM (7,7)), beside
# columns StarLocus skips: a long vector, complex, variable-length, bits, an array of strings.
rows = 3
cov = np.array([[[r * 1000 + i * 10 + j for j in range(7)] for i in range(7)] for r in range(rows)], dtype=np.float64)
cov[1, 0, 1] = np.inf
flags = np.array([[-1, 0, 2], [7, 8, 9], [0, 0, 0]], dtype=np.int32)
apogee = fits.BinTableHDU.from_columns([
    fits.Column(name='APOGEE_ID', format='18A', array=np.array(['2M001', '2M002', '2M003'])),
    fits.Column(name='FPARAM', format='7D', unit='K', array=np.arange(rows * 7, dtype=np.float64).reshape(rows, 7)),
    fits.Column(name='FPARAM_COV', format='49D', dim='(7,7)', array=cov),
    fits.Column(name='FLAGS3', format='3J', null=-1, array=flags),
    fits.Column(name='OK2', format='2L', array=np.array([[True, False], [False, True], [True, True]])),
    fits.Column(name='SPEC', format='100E', array=np.zeros((rows, 100), dtype=np.float32)),
    fits.Column(name='Z', format='C', array=np.array([1+2j, 3j, 0j])),
    fits.Column(name='VLA', format='PJ()', array=np.array([np.array([1, 2]), np.array([3]), np.array([], dtype=np.int32)], dtype=object)),
    fits.Column(name='BITS', format='8X', array=np.zeros((rows, 8), dtype=bool)),
    fits.Column(name='NAMES', format='20A', dim='(10,2)', array=np.array([['a', 'b'], ['c', 'd'], ['e', 'f']], dtype='S10')),
    fits.Column(name='TEFF', format='E', array=np.array([4500.0, 5000.0, 5500.0]))])
apogee.header['TCOMM11'] = 'effective temperature from ASPCAP, calibrated: a description longer than one FITS card holds, continued'
fits.HDUList([fits.PrimaryHDU(), apogee]).writeto(out + '/apogee.fits')
cpx = fits.BinTableHDU.from_columns([fits.Column(name='z', format='C', array=np.array([1+2j, 3j]))])
fits.HDUList([fits.PrimaryHDU(), cpx]).writeto(out + '/complex.fits')
fits.HDUList([fits.PrimaryHDU(np.zeros((2, 2)))]).writeto(out + '/image.fits')
# An ASCII table.
asc = fits.TableHDU.from_columns([fits.Column(name='a', format='F8.3', array=np.array([1.5, -2.25])),
                                  fits.Column(name='n', format='I6', array=np.array([12, -7])),
                                  fits.Column(name='s', format='A5', array=np.array(['ab', 'cde']))])
fits.HDUList([fits.PrimaryHDU(), asc]).writeto(out + '/ascii.fits')
)");
        const QString failure = starlocus::test::runPython(script, "'" + dir_.path() + "'");
        QVERIFY2(failure.isEmpty(), qPrintable(failure));
    }

    void everyScalarTypeExactly() {
        STARLOCUS_REQUIRE_ASTROPY();
        for (const char* name : {"types.fits", "types.fits.gz"}) {
            auto reader = openTable(path(name));
            QCOMPARE(int(reader->format()), int(TableFormat::Fits));
            QCOMPARE(reader->rowCount().value_or(0), std::size_t(4));
            const auto v = readAll(*reader, 3);
            auto col = [&](const char* n) { return indexOf(*reader, n); };
            const auto& c = reader->columns();
            QCOMPARE(int(c[col("source_id")].type), int(ColumnType::Integer));
            QCOMPARE(v[col("source_id")].integer,
                     (std::vector<std::int64_t>{4295806720LL, 6917528997577384320LL, 2, 5}));
            QCOMPARE(c[col("g")].unit, std::string("mag"));
            QCOMPARE(v[col("g")].real[0], 15.25);
            QVERIFY(std::isnan(v[col("g")].real[1])); // Astropy writes a masked float as NaN
            QCOMPARE(v[col("vis")].null, (std::vector<std::uint8_t>{0, 0, 1, 0})); // TNULL
            QCOMPARE(v[col("vis")].integer[3], std::int64_t(-3));
            QCOMPARE(v[col("u8")].integer, (std::vector<std::int64_t>{0, 255, 7, 1}));
            QCOMPARE(int(c[col("u16")].type), int(ColumnType::Integer)); // I with TZERO 32768
            QCOMPARE(v[col("u16")].integer, (std::vector<std::int64_t>{1, 65535, 7, 0}));
            QCOMPARE(v[col("u32")].integer, (std::vector<std::int64_t>{1, 4294967295LL, 7, 0}));
            QCOMPARE(v[col("i32")].integer, (std::vector<std::int64_t>{-2147483648LL, 2147483647LL, 0, 1}));
            QCOMPARE(int(c[col("ok")].type), int(ColumnType::Boolean));
            QCOMPARE(v[col("ok")].integer, (std::vector<std::int64_t>{1, 0, 1, 0}));
            QCOMPARE(v[col("survey")].text, (std::vector<std::string>{"LAMOST DR5", "x,y", "", "GALAH"}));
            QCOMPARE(v[col("survey")].null, (std::vector<std::uint8_t>{0, 0, 1, 0}));
            QCOMPARE(c[col("plx")].unit, std::string("mas"));
            QCOMPARE(float(v[col("plx")].real[2]), 3.0e-7f);
            QVERIFY(std::isnan(v[col("plx")].real[3]));
            QCOMPARE(v[col("plx")].null[3], std::uint8_t(0)); // NaN is a value (the import counts it)
        }
    }

    void chunksCoverEveryRowOnce() {
        STARLOCUS_REQUIRE_ASTROPY();
        auto reader = openTable(path("big.fits"));
        const auto v = readAll(*reader, 333);
        QCOMPARE(v[0].integer.size(), std::size_t(5000));
        for (std::size_t i = 0; i < 5000; ++i) {
            QCOMPARE(v[0].integer[i], std::int64_t(i) * 1000003);
            QCOMPARE(v[1].real[i], double(i) * 0.25);
        }
    }

    void scaledIntegersAndALaterHdu() {
        STARLOCUS_REQUIRE_ASTROPY();
        auto reader = openTable(path("scaled.fits")); // the first table: HDU 2, after an image
        QCOMPARE(reader->columns().size(), std::size_t(3));
        QCOMPARE(int(reader->columns()[0].type), int(ColumnType::Real));
        const auto v = readAll(*reader, 10);
        QCOMPARE(v[0].real[0], 1000 * 0.001 + 10.0);
        QCOMPARE(v[0].null, (std::vector<std::uint8_t>{0, 1, 0}));
        QCOMPARE(v[0].real[2], -2000 * 0.001 + 10.0);
        QCOMPARE(v[1].null, (std::vector<std::uint8_t>{0, 1, 0}));
        QCOMPARE(v[2].integer, (std::vector<std::int64_t>{1, 0, 1}));
        auto explicitHdu = openFitsTable(path("scaled.fits"), 2);
        QCOMPARE(explicitHdu->columns()[1].name, std::string("raw"));
        const QString image = errorOf(path("scaled.fits"), 1);
        QVERIFY2(image.contains(QStringLiteral("HDU 1")) && image.contains(QStringLiteral("image")), qPrintable(image));
        const QString beyond = errorOf(path("scaled.fits"), 7);
        QVERIFY2(beyond.contains(QStringLiteral("HDUs 0 … 2")), qPrintable(beyond));
    }

    void asciiTables() {
        STARLOCUS_REQUIRE_ASTROPY();
        auto reader = openTable(path("ascii.fits"));
        const auto v = readAll(*reader, 10);
        QCOMPARE(v[0].real, (std::vector<double>{1.5, -2.25}));
        QCOMPARE(v[1].integer, (std::vector<std::int64_t>{12, -7}));
        QCOMPARE(v[2].text, (std::vector<std::string>{"ab", "cde"}));
    }

    // Short vectors become one column per element, NAME[k] in storage order (so a TDIM matrix
    // row by row: FPARAM_COV[7 i + j] is numpy's cov[i][j]); what cannot be a column is skipped
    // and listed, and the rest of the table reads.
    void vectorColumnsExpandOthersAreSkipped() {
        STARLOCUS_REQUIRE_ASTROPY();
        auto reader = openTable(path("apogee.fits"));
        std::vector<std::string> names;
        for (const ColumnInfo& c : reader->columns())
            names.push_back(c.name);
        QCOMPARE(names.size(), std::size_t(1 + 7 + 49 + 3 + 2 + 1));
        QCOMPARE(names[1], std::string("FPARAM[0]"));
        QCOMPARE(names[8], std::string("FPARAM_COV[0]"));
        QCOMPARE(names.back(), std::string("TEFF"));
        QCOMPARE(reader->columns()[indexOf(*reader, "FPARAM[6]")].unit, std::string("K"));
        QVERIFY(reader->columns()[indexOf(*reader, "TEFF")].description.find("continued") != std::string::npos);
        std::vector<std::string> skipped;
        for (const SkippedColumn& s : reader->skippedColumns())
            skipped.push_back(s.name + ": " + s.reason);
        QCOMPARE(skipped.size(), std::size_t(5));
        for (auto [at, name, why] : {std::tuple{0, "SPEC", "100 values per row"}, std::tuple{1, "Z", "complex"},
                                     std::tuple{2, "VLA", "variable-length"}, std::tuple{3, "BITS", "bits"},
                                     std::tuple{4, "NAMES", "array of 2 strings"}}) {
            QVERIFY2(skipped[std::size_t(at)].rfind(std::string(name) + ": ", 0) == 0 &&
                         skipped[std::size_t(at)].find(why) != std::string::npos,
                     skipped[std::size_t(at)].c_str());
        }
        const auto v = readAll(*reader, 2); // chunks split the rows of the vectors too
        for (std::size_t r = 0; r < 3; ++r) {
            for (std::size_t k = 0; k < 7; ++k)
                QCOMPARE(v[indexOf(*reader, "FPARAM[" + std::to_string(k) + "]")].real[r], double(r * 7 + k));
            for (std::size_t k = 0; k < 49; ++k) {
                const double x = v[indexOf(*reader, "FPARAM_COV[" + std::to_string(k) + "]")].real[r];
                if (r == 1 && k == 1)
                    QVERIFY(std::isinf(x) && x > 0); // cov(Teff, log g) of star 1, as written
                else
                    QCOMPARE(x, double(r * 1000 + (k / 7) * 10 + k % 7));
            }
        }
        QCOMPARE(v[indexOf(*reader, "FLAGS3[0]")].null, (std::vector<std::uint8_t>{1, 0, 0})); // TNULL -1
        QCOMPARE(v[indexOf(*reader, "FLAGS3[2]")].integer, (std::vector<std::int64_t>{2, 9, 0}));
        QCOMPARE(v[indexOf(*reader, "OK2[1]")].integer, (std::vector<std::int64_t>{0, 1, 1}));
        QCOMPARE(v[indexOf(*reader, "APOGEE_ID")].text, (std::vector<std::string>{"2M001", "2M002", "2M003"}));
        QCOMPARE(v[indexOf(*reader, "TEFF")].real, (std::vector<double>{4500.0, 5000.0, 5500.0}));
    }

    void columnsThatCannotBeImportedAreNamed() {
        STARLOCUS_REQUIRE_ASTROPY();
        for (auto [name, parts] : {std::pair{"complex.fits", QStringList{"no column StarLocus can read", "z: complex"}},
                                   std::pair{"image.fits", QStringList{"no table HDU"}}}) {
            const QString text = errorOf(path(name));
            QVERIFY2(text.contains(QString::fromStdString(path(name))), qPrintable(text));
            for (const QString& part : parts)
                QVERIFY2(text.contains(part), qPrintable(text + "  (expected: " + part + ")"));
        }
    }

    // Files CFITSIO cannot read end as an InputError naming the file, not a crash.
    void damagedFiles() {
        const std::string header = path("header_only.fits");
        std::ofstream(header) << std::string("SIMPLE  =                    T") + std::string(49, ' ') + "garbage";
        const QString text = errorOf(header);
        QVERIFY2(text.contains(QString::fromStdString(header)) && text.contains(QStringLiteral("FITS")), qPrintable(text));
        if (starlocus::test::astropyMissing().isEmpty()) {
            std::ifstream in(path("big.fits"), std::ios::binary);
            std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
            std::ofstream(path("cut.fits"), std::ios::binary) << bytes.substr(0, bytes.size() / 2);
            const QString cut = errorOf(path("cut.fits"));
            QVERIFY2(cut.contains(QString::fromStdString(path("cut.fits"))) && cut.contains(QStringLiteral("truncated")),
                     qPrintable(cut));
        }
    }
};

QTEST_APPLESS_MAIN(TestFitsTableReader)
#include "test_fits_table_reader.moc"
