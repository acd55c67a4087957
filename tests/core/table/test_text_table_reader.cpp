// SPDX-License-Identifier: GPL-3.0-or-later
// CSV and ECSV tables (issue 15): the column model read from an ECSV header in both styles
// Astropy writes (flow and block mappings, space and comma delimiters), nulls, 64-bit
// integers kept exact, gzip looked through, rows streamed in chunks across the CSV type
// sample, and every structural defect an InputError naming the file, row and column.
#include "core/common/input_error.h"
#include "core/table/table_reader.h"
#include "tests/core/table/table_test_support.h"
#include "tests/support/astropy_tables.h"

#include <QTemporaryDir>
#include <QTest>

#include <zlib.h>

#include <cmath>
#include <fstream>
#include <limits>
#include <string>

using namespace starlocus::core;
using namespace starlocus::core::table;

namespace {

// As Astropy 5.2 (Debian 12) writes `Table.write(…, format="ascii.ecsv")`: flow items, a
// block item with description and meta, a masked float ("" in a space-delimited file).
const char* const kAstropyEcsv = R"(# %ECSV 1.0
# ---
# datatype:
# - {name: source_id, datatype: int64}
# - name: g
#   unit: mag
#   datatype: float64
#   description: Gaia G, "mean"
#   meta: {ucd: phot.mag}
# - {name: flag, datatype: bool}
# - {name: name, datatype: string}
# - {name: e, datatype: float32}
# meta: !!omap
# - {survey: test}
# schema: astropy-2.0
source_id g flag name e
4295806720 15.25 True "a star" 0.1
6917528997577384320 "" False b,c 0.2
)";

using starlocus::test::readAll;

} // namespace

class TestTextTableReader : public QObject {
    Q_OBJECT
private:
    QTemporaryDir dir_;

    std::string write(const char* name, const std::string& text) {
        const std::string path = dir_.filePath(name).toStdString();
        std::ofstream(path, std::ios::binary) << text;
        return path;
    }
    std::string writeGzip(const char* name, const std::string& text) {
        const std::string path = dir_.filePath(name).toStdString();
        gzFile f = gzopen(path.c_str(), "wb");
        gzwrite(f, text.data(), unsigned(text.size()));
        gzclose(f);
        return path;
    }
    static void expectError(const std::string& path, std::initializer_list<const char*> parts) {
        const QString wrong = starlocus::test::errorMismatch(
            starlocus::test::errorOfReading(path, [](const std::string& p) { return openTable(p); }), path, parts);
        QVERIFY2(wrong.isEmpty(), qPrintable(wrong));
    }

private slots:
    void astropyEcsvSpaceDelimited() {
        auto reader = openTable(write("astropy.ecsv", kAstropyEcsv));
        QCOMPARE(int(reader->format()), int(TableFormat::Ecsv));
        const auto& c = reader->columns();
        QCOMPARE(c.size(), std::size_t(5));
        QCOMPARE(c[0].name, std::string("source_id"));
        QCOMPARE(int(c[0].type), int(ColumnType::Integer));
        QCOMPARE(c[1].unit, std::string("mag"));
        QCOMPARE(c[1].description, std::string("Gaia G, \"mean\""));
        QCOMPARE(c[1].ucd, std::string("phot.mag"));
        QCOMPARE(int(c[2].type), int(ColumnType::Boolean));
        QCOMPARE(int(c[3].type), int(ColumnType::Text));
        QCOMPARE(int(c[4].type), int(ColumnType::Real));
        QCOMPARE(c[4].fileType, std::string("float32"));
        const auto v = readAll(*reader, 100);
        // 6917528997577384320 > 2⁵³: kept to the last digit.
        QCOMPARE(v[0].integer, (std::vector<std::int64_t>{4295806720LL, 6917528997577384320LL}));
        QCOMPARE(v[1].real[0], 15.25);
        QCOMPARE(v[1].null, (std::vector<std::uint8_t>{0, 1}));
        QCOMPARE(v[2].integer, (std::vector<std::int64_t>{1, 0}));
        QCOMPARE(v[3].text, (std::vector<std::string>{"a star", "b,c"}));
        QCOMPARE(v[4].real[1], 0.2);
    }

    void astropyEcsvCommaDelimitedAndGzipped() {
        std::string text = kAstropyEcsv;
        text.replace(text.find("# meta: !!omap"), 0, "# delimiter: ','\n");
        text.replace(text.find("source_id g flag name e"), std::string("source_id g flag name e").size(),
                     "source_id,g,flag,name,e");
        text.replace(text.find("4295806720 15.25 True \"a star\" 0.1"), 34, "4295806720,15.25,True,a star,0.1");
        text.replace(text.find("6917528997577384320 \"\" False b,c 0.2"), 36, "6917528997577384320,,False,\"b,c\",0.2");
        for (const std::string& path : {write("comma.ecsv", text), writeGzip("comma.ecsv.gz", text)}) {
            auto reader = openTable(path);
            QCOMPARE(int(reader->format()), int(TableFormat::Ecsv));
            const auto v = readAll(*reader, 1);
            QCOMPARE(v[0].integer[1], 6917528997577384320LL);
            QCOMPARE(v[1].null, (std::vector<std::uint8_t>{0, 1}));
            QCOMPARE(v[3].text, (std::vector<std::string>{"a star", "b,c"}));
        }
    }

    // ECSV files written by Astropy itself at test time: space and comma delimiters, gzip,
    // masked values in a float, an integer and a string column, 64-bit IDs, booleans,
    // float32, units and descriptions.
    void ecsvWrittenByAstropy() {
        STARLOCUS_REQUIRE_ASTROPY();
        const QString script = QString::fromUtf8(starlocus::test::kCrossMatchTablePython) + QStringLiteral(R"(out = sys.argv[1]
t['phot_g_mean_mag'].meta['ucd'] = 'phot.mag;em.opt'  # Astropy writes it as an omap item
t.write(out + '/space.ecsv', format='ascii.ecsv')
t.write(out + '/comma.ecsv', format='ascii.ecsv', delimiter=',')
with open(out + '/space.ecsv', 'rb') as f, gzip.open(out + '/space.ecsv.gz', 'wb') as g:
    shutil.copyfileobj(f, g)
)");
        QTemporaryDir out; // Astropy refuses to overwrite the other tests' files
        const QString failure = starlocus::test::runPython(script, "'" + out.path() + "'");
        QVERIFY2(failure.isEmpty(), qPrintable(failure));
        for (const char* name : {"space.ecsv", "comma.ecsv", "space.ecsv.gz"}) {
            const std::string path = out.filePath(QString::fromLatin1(name)).toStdString();
            auto reader = openTable(path);
            QCOMPARE(int(reader->format()), int(TableFormat::Ecsv));
            const auto& c = reader->columns();
            QCOMPARE(c.size(), std::size_t(6));
            QCOMPARE(int(c[0].type), int(ColumnType::Integer));
            QCOMPARE(c[1].unit, std::string("mag"));
            QCOMPARE(c[1].description, std::string("G, \"mean\" magnitude"));
            QCOMPARE(c[1].ucd, std::string("phot.mag;em.opt")); // "meta: !!omap" then "- {ucd: …}"
            QCOMPARE(int(c[2].type), int(ColumnType::Integer));
            QCOMPARE(c[2].fileType, std::string("int16"));
            QCOMPARE(int(c[3].type), int(ColumnType::Boolean));
            QCOMPARE(int(c[4].type), int(ColumnType::Text));
            QCOMPARE(c[5].unit, std::string("mas"));
            QCOMPARE(c[5].fileType, std::string("float32"));
            const auto v = readAll(*reader, 2);
            QCOMPARE(v[0].integer, (std::vector<std::int64_t>{4295806720LL, 6917528997577384320LL, 2}));
            QCOMPARE(v[1].null, (std::vector<std::uint8_t>{0, 1, 0}));
            QCOMPARE(v[1].real[0], 15.25);
            QCOMPARE(v[1].real[2], -1.5e-3);
            QCOMPARE(v[2].null, (std::vector<std::uint8_t>{0, 0, 1}));
            QCOMPARE(v[2].integer[1], std::int64_t(12));
            QCOMPARE(v[3].integer, (std::vector<std::int64_t>{1, 0, 1}));
            QCOMPARE(v[4].text[0], std::string("LAMOST DR5"));
            QCOMPARE(v[4].text[1], std::string("x,y"));
            QCOMPARE(v[4].null, (std::vector<std::uint8_t>{0, 0, 1}));
            // float32 as Astropy prints it: the shortest text that gives the float32 back.
            QCOMPARE(float(v[5].real[0]), 1.25f);
            QCOMPARE(float(v[5].real[2]), 3.0e-7f);
        }
    }

    // A CSV file states no types: they are read off the first 1,000 rows. 2,500 rows in
    // chunks of 400 cross the end of that sample without losing or repeating a row.
    void csvTypesAndChunksAcrossTheSample() {
        std::string text = "# a comment before the header\nsource_id,ra,name,empty,count\n";
        for (int i = 0; i < 2500; ++i)
            text += std::to_string(1000000000000000000LL + i) + "," + std::to_string(i) + ".5,\"star, " +
                    std::to_string(i) + "\",," + std::to_string(i % 7) + "\n";
        auto reader = openTable(write("rows.csv", text));
        QCOMPARE(int(reader->format()), int(TableFormat::Csv));
        const auto& c = reader->columns();
        QCOMPARE(int(c[0].type), int(ColumnType::Integer)); // 19 digits: kept as integers
        QCOMPARE(int(c[1].type), int(ColumnType::Real));
        QCOMPARE(int(c[2].type), int(ColumnType::Text));
        QCOMPARE(int(c[3].type), int(ColumnType::Real)); // no value at all: a column of nulls
        QCOMPARE(int(c[4].type), int(ColumnType::Real)); // small integers are numbers like any other
        std::size_t chunks = 0;
        const auto v = readAll(*reader, 400, &chunks);
        QCOMPARE(chunks, std::size_t(7));
        QCOMPARE(v[0].integer.size(), std::size_t(2500));
        for (int i = 0; i < 2500; ++i) {
            QCOMPARE(v[0].integer[std::size_t(i)], 1000000000000000000LL + i);
            QCOMPARE(v[1].real[std::size_t(i)], i + 0.5);
            QCOMPARE(v[3].null[std::size_t(i)], std::uint8_t(1));
        }
        QCOMPARE(v[2].text[1234], std::string("star, 1234"));
    }

    void numbersBeyondTheDoubleRange() {
        auto reader = openTable(write("range.csv", "x\n1e400\n-1e400\n1e-400\nnan\ninf\n+2.5\n"));
        const auto v = readAll(*reader, 10);
        QCOMPARE(v[0].real[0], std::numeric_limits<double>::infinity());
        QCOMPARE(v[0].real[1], -std::numeric_limits<double>::infinity());
        QCOMPARE(v[0].real[2], 0.0);
        QVERIFY(std::isnan(v[0].real[3]));
        QVERIFY(std::isinf(v[0].real[4]));
        QCOMPARE(v[0].real[5], 2.5);
        QCOMPARE(v[0].null, (std::vector<std::uint8_t>(6, 0))); // NaN is a value: the import counts it
    }

    void structuralDefectsNameFileRowAndColumn() {
        expectError(write("fields.csv", "a,b\n1,2\n3\n"), {"row 2 (line 3)", "1 field,", "2 columns"});
        expectError(write("quote.csv", "a,b\n1,\"open\n"), {"row 1 (line 2)", "quoted field"});
        expectError(write("dup.csv", "a,b,a\n1,2,3\n"), {"header", "'a' appears twice"});
        expectError(write("empty.csv", ""), {"empty"});
        expectError(dir_.filePath("missing.csv").toStdString(), {"cannot be opened"});
        // A value of the wrong type after the type sample (CSV) or against the header (ECSV).
        std::string late = "source_id\n";
        for (int i = 0; i < 1001; ++i)
            late += "1000000000000000000\n";
        late += "12.5\n";
        expectError(write("late.csv", late), {"row 1002 (line 1003)", "column 'source_id'", "'12.5' is not an integer"});
        std::string ecsv = kAstropyEcsv;
        ecsv.replace(ecsv.find("15.25"), 5, "abc");
        expectError(write("word.ecsv", ecsv), {"row 1 (line 17)", "column 'g'", "'abc' is not a number"});
        std::string flag = kAstropyEcsv;
        flag.replace(flag.find("True"), 4, "maybe");
        expectError(write("flag.ecsv", flag), {"column 'flag'", "True or False"});
        std::string names = kAstropyEcsv;
        names.replace(names.find("source_id g flag"), 9, "sourceid");
        expectError(write("names.ecsv", names), {"line 16", "'sourceid'", "'source_id'"});
        std::string complex = kAstropyEcsv;
        complex.replace(complex.find("datatype: float32"), 17, "datatype: complex128");
        expectError(write("complex.ecsv", complex), {"ECSV header", "'e'", "complex128"});
        std::string multi = kAstropyEcsv;
        multi.replace(multi.find("{name: e, datatype: float32}"), 28, "{name: e, datatype: string, subtype: 'float64[3]'}");
        expectError(write("multi.ecsv", multi), {"ECSV header", "multidimensional"});
        std::string noTypes = "# %ECSV 1.0\n# ---\n# schema: astropy-2.0\na\n1\n";
        expectError(write("notypes.ecsv", noTypes), {"ECSV header", "no `datatype`"});
    }

    void truncatedGzipIsAnErrorNotAShortTable() {
        std::string text = "a,b\n";
        for (int i = 0; i < 20000; ++i)
            text += std::to_string(i * 7919 % 10007) + "," + std::to_string(i) + "\n";
        const std::string path = writeGzip("cut.csv.gz", text);
        std::ifstream in(path, std::ios::binary);
        std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
        in.close();
        const std::string cut = write("cut2.csv.gz", bytes.substr(0, bytes.size() / 2));
        expectError(cut, {"damaged or cut short"});
    }

    // openTable decides by content, not by the file's name: a FITS header, XML, HDF5 and binary
    // data each reach their reader or their refusal (here: damaged files, so an error says which).
    void formatsAreToldApartByContent() {
        expectError(write("fits.csv", std::string("SIMPLE  =                    T") + std::string(50, ' ')), {"FITS"});
        expectError(write("table.csv", "<?xml version=\"1.0\"?>\n<VOTABLE>\n"), {"malformed XML"});
        // A prefixed root after a comment, no declaration: still XML, still the VOTable reader.
        expectError(write("prefixed.txt", "\xEF\xBB\xBF  <!-- from an archive -->\n<vot:VOTABLE xmlns:vot=\"x\">\n"),
                    {"malformed XML"});
        expectError(write("model.h5", std::string("\x89HDF\r\n\x1a\n", 8) + std::string(16, '\0')), {"HDF5"});
        expectError(write("binary.dat", std::string("ab\0cd", 5)), {"binary"});
    }
};

QTEST_APPLESS_MAIN(TestTextTableReader)
#include "test_text_table_reader.moc"
