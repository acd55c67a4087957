// SPDX-License-Identifier: GPL-3.0-or-later
// VOTable tables (issue 15): files Astropy writes at test time in its three encodings
// (TABLEDATA, BINARY, BINARY2) and gzip-compressed, read back with exact values (64-bit IDs,
// masked values, float32, units, UCDs, descriptions); a 5,000-row table streamed in chunks;
// hand-written files for the conventions Astropy does not write and for every structural
// defect, each an InputError naming the file and the row, column or field.
#include "core/common/input_error.h"
#include "core/table/base64_decoder.h"
#include "core/table/votable_reader.h"
#include "tests/core/table/table_test_support.h"
#include "tests/support/astropy_tables.h"

#include <QTemporaryDir>
#include <QTest>

#include <zlib.h>

#include <cmath>
#include <fstream>
#include <string>

using namespace starlocus::core;
using namespace starlocus::core::table;

namespace {

using starlocus::test::readAll;

// A hand-written VOTable 1.4 around `fields` and `data` (the inside of TABLE's DATA).
std::string voTable(const std::string& fields, const std::string& data) {
    return "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"                                  // line 1
           "<VOTABLE version=\"1.4\" xmlns=\"http://www.ivoa.net/xml/VOTable/v1.3\">\n"      // line 2
           "<RESOURCE type=\"results\">\n"                                                   // line 3
           "<TABLE>\n" +                                                                     // line 4
           fields + "<DATA>\n" + data + "</DATA>\n</TABLE>\n</RESOURCE>\n</VOTABLE>\n";
}

} // namespace

class TestVoTableReader : public QObject {
    Q_OBJECT
private:
    QTemporaryDir dir_;

    std::string write(const char* name, const std::string& text) {
        const std::string path = dir_.filePath(name).toStdString();
        std::ofstream(path, std::ios::binary) << text;
        return path;
    }
    static QString errorOf(const std::string& path) {
        return starlocus::test::errorOfReading(path, [](const std::string& p) { return openVoTable(p); });
    }
    static void expectError(const std::string& path, std::initializer_list<const char*> parts) {
        const QString wrong = starlocus::test::errorMismatch(errorOf(path), path, parts);
        QVERIFY2(wrong.isEmpty(), qPrintable(wrong));
    }

private slots:
    // Astropy 5.2's votable writer in its three encodings, plain and gzip-compressed.
    void astropyVoTablesInEveryEncoding() {
        STARLOCUS_REQUIRE_ASTROPY();
        const QString script = QString::fromUtf8(starlocus::test::kCrossMatchTablePython) + QStringLiteral(R"(from astropy.io.votable import from_table, writeto
t['band'] = np.array([b'G', b'BP', b'RP'])
t['name'] = np.array(['a', 'bb', '\u03a9\u03bc'], dtype=object)
v = from_table(t)
fields = v.get_first_table().fields
fields[1].ucd = 'phot.mag;em.opt.G'
fields[2].values.null = -32768  # Astropy writes a masked integer in a binary stream only with one
out = sys.argv[1]
for encoding in ['tabledata', 'binary', 'binary2']:
    writeto(v, out + '/' + encoding + '.vot', tabledata_format=encoding)
    with open(out + '/' + encoding + '.vot', 'rb') as f, gzip.open(out + '/' + encoding + '.vot.gz', 'wb') as g:
        shutil.copyfileobj(f, g)
)");
        QTemporaryDir out;
        const QString failure = starlocus::test::runPython(script, "'" + out.path() + "'");
        QVERIFY2(failure.isEmpty(), qPrintable(failure));
        for (const char* name : {"tabledata.vot", "binary.vot", "binary2.vot", "tabledata.vot.gz", "binary.vot.gz",
                                 "binary2.vot.gz"}) {
            const std::string path = out.filePath(QString::fromLatin1(name)).toStdString();
            const bool binary1 = std::string(name).rfind("binary.", 0) == 0;
            auto reader = openVoTable(path);
            QCOMPARE(int(reader->format()), int(TableFormat::VoTable));
            const auto& c = reader->columns();
            QCOMPARE(c.size(), std::size_t(8));
            QCOMPARE(c[0].name, std::string("source_id"));
            QCOMPARE(int(c[0].type), int(ColumnType::Integer));
            QCOMPARE(c[0].fileType, std::string("long"));
            QCOMPARE(int(c[1].type), int(ColumnType::Real));
            QCOMPARE(c[1].unit, std::string("mag"));
            QCOMPARE(c[1].ucd, std::string("phot.mag;em.opt.G"));
            QCOMPARE(c[1].description, std::string("G, \"mean\" magnitude"));
            QCOMPARE(int(c[2].type), int(ColumnType::Integer));
            QCOMPARE(c[2].fileType, std::string("short"));
            QCOMPARE(int(c[3].type), int(ColumnType::Integer)); // Astropy writes bool as 'bit'
            QCOMPARE(c[3].fileType, std::string("bit"));
            QCOMPARE(int(c[4].type), int(ColumnType::Text));
            QCOMPARE(c[5].unit, std::string("mas"));
            QCOMPARE(c[5].fileType, std::string("float"));
            QCOMPARE(int(c[6].type), int(ColumnType::Text));
            QCOMPARE(c[6].fileType.rfind("char[", 0), std::size_t(0));
            QCOMPARE(c[7].fileType, std::string("unicodeChar[*]"));
            const auto v = readAll(*reader, 2);
            QCOMPARE(v[0].integer, (std::vector<std::int64_t>{4295806720LL, 6917528997577384320LL, 2}));
            QCOMPARE(v[0].null, (std::vector<std::uint8_t>{0, 0, 0}));
            QCOMPARE(v[1].real[0], 15.25);
            QCOMPARE(v[1].real[2], -1.5e-3);
            if (binary1) {
                // BINARY has no null flag: Astropy writes a masked float as NaN, a value.
                QVERIFY(std::isnan(v[1].real[1]));
                QCOMPARE(v[1].null, (std::vector<std::uint8_t>{0, 0, 0}));
            } else {
                QCOMPARE(v[1].null, (std::vector<std::uint8_t>{0, 1, 0}));
            }
            QCOMPARE(v[2].integer[0], std::int64_t(9));
            QCOMPARE(v[2].integer[1], std::int64_t(12));
            QCOMPARE(v[2].null, (std::vector<std::uint8_t>{0, 0, 1}));
            QCOMPARE(v[3].integer, (std::vector<std::int64_t>{1, 0, 1}));
            QCOMPARE(v[4].text[0], std::string("LAMOST DR5"));
            QCOMPARE(v[4].text[1], std::string("x,y"));
            QCOMPARE(v[4].null, (std::vector<std::uint8_t>{0, 0, 1}));
            QCOMPARE(float(v[5].real[0]), 1.25f);
            QCOMPARE(float(v[5].real[1]), -0.5f);
            QCOMPARE(float(v[5].real[2]), 3.0e-7f);
            QCOMPARE(v[6].text, (std::vector<std::string>{"G", "BP", "RP"}));
            QCOMPARE(v[7].text, (std::vector<std::string>{"a", "bb", "\xce\xa9\xce\xbc"})); // Ωμ in UTF-8
        }
    }

    // 5,000 rows in chunks of 333: 16 chunks, every row once and in order, in TABLEDATA
    // and BINARY2 (whose rows cross base64 block boundaries).
    void rowsStreamInChunks() {
        STARLOCUS_REQUIRE_ASTROPY();
        const QString script = QStringLiteral(R"(import sys
import numpy as np
from astropy.table import Table
from astropy.io.votable import from_table, writeto
t = Table()
i = np.arange(5000, dtype=np.int64)
t['id'] = 1000000000000000000 + i * 1000003
t['x'] = i + 0.5
t['s'] = np.array(['star %d' % k for k in i], dtype=object)
v = from_table(t)
for encoding in ['tabledata', 'binary2']:
    writeto(v, sys.argv[1] + '/' + encoding + '.vot', tabledata_format=encoding)
)");
        QTemporaryDir out;
        const QString failure = starlocus::test::runPython(script, "'" + out.path() + "'");
        QVERIFY2(failure.isEmpty(), qPrintable(failure));
        for (const char* name : {"tabledata.vot", "binary2.vot"}) {
            auto reader = openVoTable(out.filePath(QString::fromLatin1(name)).toStdString());
            std::size_t chunks = 0;
            const auto v = readAll(*reader, 333, &chunks);
            QCOMPARE(chunks, std::size_t(16));
            QCOMPARE(v[0].integer.size(), std::size_t(5000));
            for (std::int64_t i = 0; i < 5000; ++i) {
                QCOMPARE(v[0].integer[std::size_t(i)], 1000000000000000000LL + i * 1000003);
                QCOMPARE(v[1].real[std::size_t(i)], double(i) + 0.5);
            }
            QCOMPARE(v[2].text[4321], std::string("star 4321"));
        }
    }

    // next() parses only as far as its chunk needs: rows before a defect 150 kB into the file
    // come out first, and the defect is met when the rows reach it.
    void parsesOnlyAsFarAsTheChunkNeeds() {
        std::string rows = "<TABLEDATA>\n";
        for (int i = 0; i < 5000; ++i)
            rows += "<TR><TD>" + std::to_string(i) + "</TD><TD>" + std::to_string(i) + ".25</TD></TR>\n";
        const std::string path = write("late_defect.vot", voTable("<FIELD name=\"a\" datatype=\"int\"/>\n"
                                                                  "<FIELD name=\"x\" datatype=\"double\"/>\n",
                                                                  rows + "<TR><TD>1</TD></TABLEDATA>\n"));
        auto reader = openVoTable(path);
        TableChunk chunk;
        QVERIFY(reader->next(chunk, 333));
        QCOMPARE(chunk.rows, std::size_t(333));
        QCOMPARE(chunk.columns[0].integer.back(), std::int64_t(332));
        QCOMPARE(chunk.columns[1].real.back(), 332.25);
        std::size_t rowsRead = chunk.rows;
        try {
            while (reader->next(chunk, 333))
                rowsRead += chunk.rows;
            QFAIL("the mismatched tag after row 5000 was not met");
        } catch (const InputError& e) {
            QVERIFY2(std::string(e.what()).find("mismatched tag") != std::string::npos, e.what());
        }
        QVERIFY(rowsRead >= 4995); // every whole chunk before the defect was handed out
    }

    // What Astropy does not write: booleans in every spelling, hexadecimal integers, VALUES
    // null in TABLEDATA, a prefixed namespace, a later TABLE that is not read.
    void handWrittenConventions() {
        const std::string text =
            "<?xml version=\"1.0\"?>\n"
            "<vot:VOTABLE version=\"1.5\" xmlns:vot=\"http://www.ivoa.net/xml/VOTable/v1.3\">\n"
            "<vot:RESOURCE><vot:TABLE>\n"
            "<vot:FIELD name=\"flag\" datatype=\"boolean\"/>\n"
            "<vot:FIELD name=\"n\" datatype=\"int\"><vot:VALUES null=\"-1\"/></vot:FIELD>\n"
            "<vot:FIELD name=\"x\" datatype=\"double\"/>\n"
            "<vot:DATA><vot:TABLEDATA>\n"
            "<vot:TR><vot:TD>T</vot:TD><vot:TD>0x1F</vot:TD><vot:TD> 1e400 </vot:TD></vot:TR>\n"
            "<vot:TR><vot:TD>false</vot:TD><vot:TD>-1</vot:TD><vot:TD>NaN</vot:TD></vot:TR>\n"
            "<vot:TR><vot:TD>?</vot:TD><vot:TD></vot:TD><vot:TD>-Inf</vot:TD></vot:TR>\n"
            "<vot:TR><vot:TD>1</vot:TD><vot:TD>+7</vot:TD><vot:TD/></vot:TR>\n"
            "<vot:TR><vot:TD/><vot:TD>2147483647</vot:TD><vot:TD>+2.5</vot:TD></vot:TR>\n"
            "</vot:TABLEDATA></vot:DATA></vot:TABLE>\n"
            "<vot:TABLE><vot:FIELD name=\"other\" datatype=\"char\"/></vot:TABLE>\n"
            "</vot:RESOURCE></vot:VOTABLE>\n";
        auto reader = openVoTable(write("conventions.vot", text));
        QCOMPARE(reader->columns().size(), std::size_t(3));
        QCOMPARE(int(reader->columns()[0].type), int(ColumnType::Boolean));
        const auto v = readAll(*reader, 2);
        QCOMPARE(v[0].integer, (std::vector<std::int64_t>{1, 0, 0, 1, 0}));
        QCOMPARE(v[0].null, (std::vector<std::uint8_t>{0, 0, 1, 0, 1}));
        QCOMPARE(v[1].integer[0], std::int64_t(31));
        QCOMPARE(v[1].null, (std::vector<std::uint8_t>{0, 1, 1, 0, 0}));
        QCOMPARE(v[1].integer[3], std::int64_t(7));
        QCOMPARE(v[1].integer[4], std::int64_t(2147483647));
        QCOMPARE(v[2].real[0], std::numeric_limits<double>::infinity());
        QVERIFY(std::isnan(v[2].real[1]));
        QCOMPARE(v[2].real[2], -std::numeric_limits<double>::infinity());
        QCOMPARE(v[2].null, (std::vector<std::uint8_t>{0, 0, 0, 1, 0})); // NaN is a value, empty a null
        QCOMPARE(v[2].real[4], 2.5);
    }

    // BINARY2 by hand: the null bitmap (most significant bit = first field), a variable char
    // array with its 4-byte count, a fixed char array padded with NULs, a boolean '?'.
    void handWrittenBinary2() {
        // Row 1: mask 00, int 1, "ab" (count 2), "xyz" in char[4], 'T'.
        // Row 2: mask 0x40 (field 2 null), int 2, count 0, "\0\0\0\0", '?'.
        // Base64 of 00 00000001 00000002 6162 78797a00 54 | 40 00000002 00000000 00000000 3f.
        const std::string stream = "AAAAAAEAAAACYWJ4eXoAVEAAAAACAAAAAAAAAAA/";
        const std::string text = voTable("<FIELD name=\"n\" datatype=\"int\"/>\n"
                                         "<FIELD name=\"s\" datatype=\"char\" arraysize=\"*\"/>\n"
                                         "<FIELD name=\"f\" datatype=\"char\" arraysize=\"4\"/>\n"
                                         "<FIELD name=\"b\" datatype=\"boolean\"/>\n",
                                         "<BINARY2><STREAM encoding=\"base64\">\n" + stream + "\n</STREAM></BINARY2>\n");
        auto reader = openVoTable(write("hand.vot", text));
        const auto v = readAll(*reader, 1);
        QCOMPARE(v[0].integer, (std::vector<std::int64_t>{1, 2}));
        QCOMPARE(v[1].text[0], std::string("ab"));
        QCOMPARE(v[1].null, (std::vector<std::uint8_t>{0, 1}));
        QCOMPARE(v[2].text[0], std::string("xyz"));
        QCOMPARE(v[2].null, (std::vector<std::uint8_t>{0, 1}));
        QCOMPARE(v[3].integer[0], std::int64_t(1));
        QCOMPARE(v[3].null, (std::vector<std::uint8_t>{0, 1}));
    }

    // Arrays as Astropy writes them, in its three encodings: short numeric arrays and numpy
    // bool arrays (which Astropy writes as bits) become NAME[k] columns in storage order
    // (numpy's C order: element [i][j] of a (2, 3) array at k = 3 i + j); long,
    // variable-length and complex ones are skipped and listed, and the rest of the table reads.
    void astropyArraysExpandOrAreSkipped() {
        STARLOCUS_REQUIRE_ASTROPY();
        const QString script = QStringLiteral(R"(import sys
import numpy as np
from astropy.table import Table
from astropy.io.votable import from_table, writeto
t = Table()
t['id'] = np.array([1, 2, 3], dtype=np.int64)
t['pm'] = np.array([[1.5, -2.5], [0.0, 1.0], [np.nan, 3.0]])
t['pm'].unit = 'mas'
t['m23'] = np.array([[[100 * r + 10 * i + j for j in range(3)] for i in range(2)] for r in range(3)], dtype=np.int32)
t['flags'] = np.array([[True, False], [False, False], [True, True]])
t['spec'] = np.zeros((3, 100), dtype=np.float32)
t['z'] = np.array([1 + 2j, 3j, 0j])
# Astropy 5.2 writes a variable-length array into a binary stream only from masked arrays.
t['var'] = np.array([np.ma.array(x, mask=[False] * len(x)) for x in ([1.0, 2.0], [3.0], [4.0, 5.0, 6.0])], dtype=object)
t['name'] = ['a', 'bb', 'ccc']
v = from_table(t)
v.get_first_table().fields[1].ucd = 'pos.pm'
for encoding in ['tabledata', 'binary', 'binary2']:
    writeto(v, sys.argv[1] + '/arrays_' + encoding + '.vot', tabledata_format=encoding)
)");
        QTemporaryDir out;
        const QString failure = starlocus::test::runPython(script, "'" + out.path() + "'");
        QVERIFY2(failure.isEmpty(), qPrintable(failure));
        for (const char* encoding : {"tabledata", "binary", "binary2"}) {
            const std::string path = out.filePath(QStringLiteral("arrays_%1.vot").arg(encoding)).toStdString();
            auto reader = openVoTable(path);
            std::vector<std::string> names;
            for (const ColumnInfo& c : reader->columns())
                names.push_back(c.name);
            const std::vector<std::string> expected = {"id", "pm[0]", "pm[1]", "m23[0]", "m23[1]", "m23[2]", "m23[3]",
                                                       "m23[4]", "m23[5]", "flags[0]", "flags[1]", "name"};
            QCOMPARE(names, expected);
            QCOMPARE(reader->columns()[2].unit, std::string("mas")); // every element keeps it
            QCOMPARE(reader->columns()[2].ucd, std::string("pos.pm"));
            std::vector<std::string> skipped;
            for (const SkippedColumn& s : reader->skippedColumns())
                skipped.push_back(s.name + ": " + s.reason);
            QCOMPARE(skipped.size(), std::size_t(3));
            QVERIFY2(skipped[0].find("spec: 100 values per row") == 0, skipped[0].c_str());
            QVERIFY2(skipped[1].find("z: complex") == 0, skipped[1].c_str());
            QVERIFY2(skipped[2].find("var: a variable-length array") == 0, skipped[2].c_str());
            const auto v = readAll(*reader, 2);
            QCOMPARE(v[0].integer, (std::vector<std::int64_t>{1, 2, 3}));
            QCOMPARE(v[1].real[0], 1.5);
            QCOMPARE(v[2].real[0], -2.5);
            QVERIFY(std::isnan(v[1].real[2]) && !v[1].null[2]); // NaN is a value
            QCOMPARE(v[2].real[2], 3.0);
            for (std::size_t r = 0; r < 3; ++r)
                for (std::size_t k = 0; k < 6; ++k)
                    QCOMPARE(v[3 + k].integer[r], std::int64_t(100 * r + 10 * (k / 3) + k % 3));
            QCOMPARE(v[9].integer, (std::vector<std::int64_t>{1, 0, 1}));
            QCOMPARE(v[10].integer, (std::vector<std::int64_t>{0, 0, 1}));
            QCOMPARE(v[11].text, (std::vector<std::string>{"a", "bb", "ccc"}));
        }
    }

    // BINARY2 by hand, for what Astropy does not write: a bit array (10 bits packed in two
    // bytes) expanded, a variable array of 2-character strings ("2x*": its count is in units of
    // 2) stepped over; a null bit on an expanded array makes every element null.
    void handWrittenArraysInBinary2() {
        // Row 1: mask 00, int 7, bits FF C0, count 2 + "abcd", 'T', pm (1.5, -2.0).
        // Row 2: mask 88 (a and pm null), int 0, bits 00 00, count 0, '?', pm (0, 0).
        const std::string stream = "AAAAAAf/wAAAAAJhYmNkVD/4AAAAAAAAwAAAAAAAAACIAAAAAAAAAAAAAD8AAAAAAAAAAAAAAAAAAAAA";
        const std::string text = voTable("<FIELD name=\"a\" datatype=\"int\"/>\n"
                                         "<FIELD name=\"bits\" datatype=\"bit\" arraysize=\"10\"/>\n"
                                         "<FIELD name=\"s2\" datatype=\"char\" arraysize=\"2x*\"/>\n"
                                         "<FIELD name=\"b\" datatype=\"boolean\"/>\n"
                                         "<FIELD name=\"pm\" datatype=\"double\" arraysize=\"2\"/>\n",
                                         "<BINARY2><STREAM encoding=\"base64\">\n" + stream + "\n</STREAM></BINARY2>\n");
        auto reader = openVoTable(write("hand_arrays.vot", text));
        QCOMPARE(reader->columns().size(), std::size_t(1 + 10 + 1 + 2));
        QCOMPARE(reader->columns()[10].name, std::string("bits[9]"));
        QCOMPARE(reader->columns()[12].name, std::string("pm[0]"));
        QCOMPARE(reader->skippedColumns().size(), std::size_t(1));
        QCOMPARE(reader->skippedColumns()[0].name, std::string("s2"));
        const auto v = readAll(*reader, 1);
        QCOMPARE(v[0].integer[0], std::int64_t(7));
        QCOMPARE(v[0].null, (std::vector<std::uint8_t>{0, 1}));
        for (std::size_t k = 0; k < 10; ++k)
            QCOMPARE(v[1 + k].integer, (std::vector<std::int64_t>{1, 0})); // FF C0: ten ones, then padding
        QCOMPARE(v[11].integer[0], std::int64_t(1));
        QCOMPARE(v[11].null, (std::vector<std::uint8_t>{0, 1}));
        QCOMPARE(v[12].real[0], 1.5);
        QCOMPARE(v[13].real[0], -2.0);
        QCOMPARE(v[12].null, (std::vector<std::uint8_t>{0, 1}));
        QCOMPARE(v[13].null, (std::vector<std::uint8_t>{0, 1}));
    }

    // RFC 4648's test vectors, fed whole and one character at a time (a STREAM's text comes
    // in pieces split anywhere), with line breaks; then a padded stream read as a table.
    void base64AsItArrives() {
        const std::pair<const char*, const char*> vectors[] = {{"", ""},         {"f", "Zg=="},       {"fo", "Zm8="},
                                                               {"foo", "Zm9v"},  {"foob", "Zm9vYg=="}, {"fooba", "Zm9vYmE="},
                                                               {"foobar", "Zm9vYmFy"}};
        for (const auto& [plain, encoded] : vectors) {
            Base64Decoder whole, split;
            std::string a, b, reason;
            QVERIFY(whole.feed(encoded, a, reason));
            const std::string text = std::string(encoded) + "\n";
            for (char ch : text)
                QVERIFY(split.feed(std::string_view(&ch, 1), b, reason));
            QCOMPARE(a, std::string(plain));
            QCOMPARE(b, std::string(plain));
            QVERIFY(whole.complete() && split.complete());
        }
        Base64Decoder cut, bad;
        std::string out, reason;
        QVERIFY(cut.feed("Zm9vY", out, reason));
        QVERIFY(!cut.complete());
        QVERIFY(!bad.feed("Zm9vZ=", out, reason)); // one character cannot end a quantum
        QVERIFY2(reason.find("misplaced '='") != std::string::npos, reason.c_str());
        // Row (00 mask, int 1) is "AAAAAAE=": a padded stream of one row.
        auto reader = openVoTable(write("padded.vot", voTable("<FIELD name=\"a\" datatype=\"int\"/>\n",
                                                              "<BINARY2><STREAM encoding=\"base64\">AAAA\nAAE=\n"
                                                              "</STREAM></BINARY2>\n")));
        QCOMPARE(readAll(*reader, 10)[0].integer, (std::vector<std::int64_t>{1}));
    }

    void structuralDefectsNameFileRowAndField() {
        const std::string twoInts = "<FIELD name=\"a\" datatype=\"int\"/>\n<FIELD name=\"x\" datatype=\"double\"/>\n";
        // Line 9 is the first TR: fields on lines 5-6, DATA on 7, TABLEDATA on 8.
        expectError(write("mismatch.vot", voTable(twoInts, "<TABLEDATA>\n<TR><TD>1</TD><TD>2</TR>\n</TABLEDATA>\n")),
                    {"line 9", "malformed XML", "mismatched tag"});
        expectError(write("count.vot", voTable(twoInts, "<TABLEDATA>\n<TR><TD>1</TD><TD>2</TD></TR>\n"
                                                       "<TR><TD>3</TD></TR>\n</TABLEDATA>\n")),
                    {"row 2 (line 10)", "1 TD,", "2 FIELDs"});
        expectError(write("number.vot", voTable(twoInts, "<TABLEDATA>\n<TR><TD>1</TD><TD>abc</TD></TR>\n</TABLEDATA>\n")),
                    {"row 1 (line 9), column 'x'", "'abc' is not a number"});
        expectError(write("integer.vot", voTable(twoInts, "<TABLEDATA>\n<TR><TD>3.5</TD><TD>1</TD></TR>\n</TABLEDATA>\n")),
                    {"column 'a'", "'3.5' is not an integer (int)"});
        expectError(write("short.vot", voTable("<FIELD name=\"s\" datatype=\"short\"/>\n",
                                               "<TABLEDATA><TR><TD>40000</TD></TR></TABLEDATA>\n")),
                    {"column 's'", "not an integer (short)"});
        // BINARY2 rows of one int: 00 00000001 is "AAAAAAE=". Cut inside the base64 quantum,
        // and cut at a quantum boundary inside the row.
        const std::string oneInt = "<FIELD name=\"a\" datatype=\"int\"/>\n";
        expectError(write("base64.vot", voTable(oneInt, "<BINARY2><STREAM encoding=\"base64\">AAAAAA</STREAM></BINARY2>\n")),
                    {"row 1", "base64", "cut short"});
        expectError(write("inrow.vot", voTable(oneInt, "<BINARY2><STREAM encoding=\"base64\">AAAA</STREAM></BINARY2>\n")),
                    {"row 1", "ends inside the row", "truncated"});
        expectError(write("notbase64.vot", voTable(oneInt, "<BINARY><STREAM encoding=\"base64\">AA*A</STREAM></BINARY>\n")),
                    {"not base64"});
        expectError(write("gzipstream.vot", voTable(oneInt, "<BINARY><STREAM encoding=\"gzip\">xx</STREAM></BINARY>\n")),
                    {"STREAM", "encoding 'gzip'"});
        // A table of nothing but columns that are skipped has nothing to read.
        expectError(write("complex.vot", voTable("<FIELD name=\"z\" datatype=\"doubleComplex\"/>\n"
                                                 "<FIELD name=\"v\" datatype=\"double\" arraysize=\"*\"/>\n", "")),
                    {"no FIELD StarLocus can read", "z: complex", "v: a variable-length array"});
        expectError(write("arraysize.vot", voTable("<FIELD name=\"pm\" datatype=\"double\" arraysize=\"2x*x3\"/>\n", "")),
                    {"FIELD 'pm'", "arraysize '2x*x3'"});
        expectError(write("tdcount.vot", voTable("<FIELD name=\"pm\" datatype=\"double\" arraysize=\"2\"/>\n",
                                                 "<TABLEDATA><TR><TD>1 2 3</TD></TR></TABLEDATA>\n")),
                    {"row 1", "column 'pm'", "3 values, but its arraysize says 2"});
        expectError(write("unknown.vot", voTable("<FIELD name=\"q\" datatype=\"quad\"/>\n", "")),
                    {"FIELD 'q'", "unknown datatype 'quad'"});
        expectError(write("twice.vot", voTable(oneInt + oneInt, "")), {"FIELD 'a'", "appears twice"});
        expectError(write("notable.vot", "<?xml version=\"1.0\"?>\n<VOTABLE version=\"1.4\"><RESOURCE>"
                                         "<INFO name=\"QUERY_STATUS\" value=\"ERROR\"/></RESOURCE></VOTABLE>\n"),
                    {"holds no TABLE"});
        expectError(write("html.vot", "<html><body>502</body></html>\n"), {"not a VOTable", "<html>"});
        expectError(write("cut.vot", voTable(twoInts, "<TABLEDATA>\n<TR><TD>1</TD><TD>2</TD></TR>\n").substr(0, 260)),
                    {"malformed XML"});
        expectError(dir_.filePath("missing.vot").toStdString(), {"cannot be opened"});
    }

    void gzipCutShortIsAnError() {
        std::string rows = "<TABLEDATA>\n";
        for (int i = 0; i < 20000; ++i)
            rows += "<TR><TD>" + std::to_string(i * 7919 % 10007) + "</TD></TR>\n";
        const std::string text = voTable("<FIELD name=\"a\" datatype=\"int\"/>\n", rows + "</TABLEDATA>\n");
        std::string packed(compressBound(uLong(text.size())) + 64, '\0');
        // A gzip stream (windowBits 15 + 16) by deflate, then cut in half.
        z_stream z{};
        deflateInit2(&z, 6, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY);
        z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(text.data()));
        z.avail_in = uInt(text.size());
        z.next_out = reinterpret_cast<Bytef*>(packed.data());
        z.avail_out = uInt(packed.size());
        deflate(&z, Z_FINISH);
        packed.resize(z.total_out);
        deflateEnd(&z);
        QCOMPARE(readAll(*openVoTable(write("whole.vot.gz", packed)), 1000)[0].integer.size(), std::size_t(20000));
        expectError(write("half.vot.gz", packed.substr(0, packed.size() / 2)), {"cut short"});
    }
};

QTEST_APPLESS_MAIN(TestVoTableReader)
#include "test_votable_reader.moc"
