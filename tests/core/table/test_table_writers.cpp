// SPDX-License-Identifier: GPL-3.0-or-later
// Table writers (issue 15): a table of every column type — a 19-digit Gaia source_id beyond
// 2⁵³, doubles that need all 17 digits, NaN and ±Inf, −0, nulls in every column, text with
// commas, quotes, a leading '#' and two spaces — written in two chunks to CSV, ECSV, FITS and VOTable
// (BINARY2 and TABLEDATA), then read back (a) by our openTable and (b) by Astropy, each
// compared with the values the test wrote (literals below), the nulls, units, UCDs and
// descriptions, within what each format can state. A writer destroyed without commit() leaves
// neither the target nor a temporary; a target that cannot be written is an InputError naming it.
#include "core/common/input_error.h"
#include "core/table/table_reader.h"
#include "core/table/table_writer.h"
#include "tests/core/table/table_test_support.h"
#include "tests/support/astropy_tables.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <charconv>
#include <cmath>
#include <cstring>
#include <limits>

using namespace starlocus::core;
using namespace starlocus::core::table;

namespace {

using starlocus::test::readAll;

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr double kInf = std::numeric_limits<double>::infinity();
constexpr std::size_t kRows = 5;

// The table every format writes. Row 2 is null in every column but `g`; `g` is null in row 3.
const std::vector<ColumnInfo>& testColumns() {
    static const std::vector<ColumnInfo> columns = {
        {"source_id", ColumnType::Integer, "", "meta.id;meta.main", "Gaia DR3 source_id", ""},
        {"g", ColumnType::Real, "mag", "phot.mag;em.opt", "G: \"mean\" magnitude, Vega", ""},
        {"ok", ColumnType::Boolean, "", "meta.code", "", ""},
        {"survey", ColumnType::Text, "", "", "", ""},
        {"plx", ColumnType::Real, "mas", "pos.parallax.trig", "", ""},
    };
    return columns;
}
const std::int64_t kIds[kRows] = {6917528997577384320LL, -5, 0, 4295806720LL, 2};
const double kG[kRows] = {15.25, kNaN, kInf, 0.0, -kInf};
const std::int64_t kOk[kRows] = {1, 0, 0, 1, 0};
const char* const kSurvey[kRows] = {"LAMOST DR5", "x,y", "", "say \"hi\"", "#tag,  two spaces"};
const double kPlx[kRows] = {0.1, -0.0, 1e300, 1.0 / 3.0, 0.0};
// Nulls per column (row 2 everywhere but g; g in row 3; plx in row 4).
bool isNullCell(std::size_t column, std::size_t row) {
    if (column == 1)
        return row == 3;
    if (column == 4)
        return row == 2 || row == 4;
    return row == 2;
}

TableChunk chunkOf(std::size_t first, std::size_t rows) {
    TableChunk chunk;
    chunk.firstRow = first;
    chunk.rows = rows;
    chunk.columns.resize(testColumns().size());
    for (std::size_t r = first; r < first + rows; ++r) {
        chunk.columns[0].integer.push_back(kIds[r]);
        chunk.columns[1].real.push_back(kG[r]);
        chunk.columns[2].integer.push_back(kOk[r]);
        chunk.columns[3].text.emplace_back(kSurvey[r]);
        chunk.columns[4].real.push_back(kPlx[r]);
        for (std::size_t c = 0; c < chunk.columns.size(); ++c)
            chunk.columns[c].null.push_back(isNullCell(c, r) ? 1 : 0);
    }
    return chunk;
}

// Writes the table in two chunks (the longest text in the second, so FITS widens its column
// after rows were written).
void writeTestTable(const std::string& path, TableFormat format, VoTableEncoding encoding = VoTableEncoding::Binary2) {
    TableWriteOptions options;
    options.tableName = "crossmatch";
    options.description = "Test table: every type, nulls, NaN and Inf";
    options.voTableEncoding = encoding;
    auto writer = createTableWriter(path, format, testColumns(), options);
    writer->write(chunkOf(0, 3));
    writer->write(chunkOf(3, 2));
    writer->commit();
}

bool sameDouble(double a, double b) {
    if (std::isnan(a) || std::isnan(b))
        return std::isnan(a) && std::isnan(b);
    return std::memcmp(&a, &b, sizeof a) == 0; // −0 is not +0: the sign must survive too
}

// What a format states (CSV: no types, units, UCDs; FITS: a null double is NaN).
struct FormatTraits {
    bool metadata = true;         // units, UCDs, descriptions
    bool typed = true;            // column types as written (CSV: guessed)
    bool realNullIsNaN = false;   // FITS
};

std::vector<std::string> filesIn(const QString& folder) {
    std::vector<std::string> names;
    for (const QString& name : QDir(folder).entryList(QDir::Files | QDir::Hidden | QDir::System))
        names.push_back(name.toStdString());
    return names;
}

} // namespace

class TestTableWriters : public QObject {
    Q_OBJECT
private:
    QTemporaryDir dir_;
    std::string path(const char* name) const { return dir_.filePath(QString::fromLatin1(name)).toStdString(); }

    struct Case {
        const char* file;
        TableFormat format;
        VoTableEncoding encoding;
        FormatTraits traits;
        const char* astropyFormat;
    };
    static std::vector<Case> cases() {
        return {{"t.csv", TableFormat::Csv, VoTableEncoding::Binary2, {false, false, false}, "csv"},
                {"t.ecsv", TableFormat::Ecsv, VoTableEncoding::Binary2, {}, "ecsv"},
                {"t.fits", TableFormat::Fits, VoTableEncoding::Binary2, {true, true, true}, "fits"},
                {"t.vot", TableFormat::VoTable, VoTableEncoding::Binary2, {}, "votable"},
                {"t_tabledata.vot", TableFormat::VoTable, VoTableEncoding::TableData, {}, "votable"}};
    }

    // Our reader on `path`: every value, null, type and unit as written (within `traits`).
    static void checkOurReading(const std::string& path, TableFormat format, const FormatTraits& traits) {
        auto reader = openTable(path);
        QCOMPARE(int(reader->format()), int(format));
        const auto& columns = reader->columns();
        QCOMPARE(columns.size(), testColumns().size());
        const auto v = readAll(*reader, 2);
        for (std::size_t c = 0; c < columns.size(); ++c) {
            const ColumnInfo& expected = testColumns()[c];
            const std::string where = path + ", column " + expected.name;
            QVERIFY2(columns[c].name == expected.name, where.c_str());
            if (traits.metadata) {
                QVERIFY2(columns[c].unit == expected.unit, (where + ": unit " + columns[c].unit).c_str());
                QVERIFY2(columns[c].ucd == expected.ucd, (where + ": ucd " + columns[c].ucd).c_str());
                QVERIFY2(columns[c].description == expected.description,
                         (where + ": description " + columns[c].description).c_str());
            }
            if (traits.typed)
                QVERIFY2(columns[c].type == expected.type, (where + ": type").c_str());
            QCOMPARE(v[c].null.size(), kRows);
            for (std::size_t r = 0; r < kRows; ++r) {
                const std::string cell = where + ", row " + std::to_string(r);
                bool null = isNullCell(c, r);
                if (null && traits.realNullIsNaN && expected.type == ColumnType::Real) {
                    QVERIFY2(!v[c].null[r] && std::isnan(v[c].real[r]), (cell + ": a null double is NaN").c_str());
                    continue;
                }
                QVERIFY2(bool(v[c].null[r]) == null, (cell + ": null flag").c_str());
                if (null)
                    continue;
                switch (columns[c].type) {
                case ColumnType::Real: {
                    const double want = c == 1 ? kG[r] : c == 4 ? kPlx[r] : double(kIds[r]);
                    QVERIFY2(sameDouble(v[c].real[r], want), (cell + ": " + std::to_string(v[c].real[r])).c_str());
                    break;
                }
                case ColumnType::Integer:
                case ColumnType::Boolean:
                    QCOMPARE(v[c].integer[r], c == 0 ? kIds[r] : kOk[r]);
                    break;
                case ColumnType::Text:
                    // CSV states no types: a boolean column reads as the words Astropy writes.
                    QCOMPARE(v[c].text[r], c == 2 ? std::string(kOk[r] ? "True" : "False") : std::string(kSurvey[r]));
                    break;
                }
            }
        }
    }

    // Astropy's Table.read of `path`: JSON of every column's unit, UCD, description, values
    // (Python's repr, exact for doubles) and mask.
    static QJsonObject astropyReading(const std::string& path, const char* format) {
        const QString script = QStringLiteral(R"(import sys, json, numpy as np
from astropy.table import Table, MaskedColumn
path, fmt, out = sys.argv[1], sys.argv[2], sys.argv[3]
kw = {'csv': dict(format='ascii.csv'), 'ecsv': dict(format='ascii.ecsv'),
      'fits': dict(format='fits', mask_invalid=False), 'votable': dict(format='votable')}[fmt]
t = Table.read(path, **kw)
doc = {'rows': len(t), 'names': t.colnames, 'columns': {}}
for name in t.colnames:
    c = t[name]
    mask = np.ma.getmaskarray(c).tolist()
    data = c.data.data if isinstance(c, MaskedColumn) else np.asarray(c)
    kind = data.dtype.kind
    def text(x):
        if kind == 'f': return repr(float(x))
        if kind in 'iu': return str(int(x))
        if kind == 'b': return str(bool(x))
        s = x.decode() if isinstance(x, bytes) else str(x)
        return s.rstrip(' ') if fmt == 'fits' else s  # FITS pads strings with blanks
    doc['columns'][name] = {'kind': kind, 'unit': '' if c.unit is None else str(c.unit),
                            'ucd': str(c.meta.get('ucd', '')), 'description': c.description or '',
                            'values': [text(x) for x in data], 'mask': mask}
json.dump(doc, open(out, 'w'))
)");
        QTemporaryDir out;
        const QString json = out.filePath(QStringLiteral("read.json"));
        const QString failure = starlocus::test::runPython(
            script, "'" + QString::fromStdString(path) + "' " + format + " '" + json + "'");
        if (!failure.isEmpty()) {
            QTest::qFail(qPrintable(failure), __FILE__, __LINE__);
            return {};
        }
        QFile file(json);
        file.open(QIODevice::ReadOnly);
        return QJsonDocument::fromJson(file.readAll()).object();
    }

private slots:
    void everyFormatReadsBackExactlyWithOurReader() {
        for (const Case& c : cases()) {
            writeTestTable(path(c.file), c.format, c.encoding);
            checkOurReading(path(c.file), c.format, c.traits);
            if (QTest::currentTestFailed())
                return;
        }
    }

    void astropyReadsWhatWasWritten() {
        STARLOCUS_REQUIRE_ASTROPY();
        for (const Case& c : cases()) {
            writeTestTable(path(c.file), c.format, c.encoding);
            const QJsonObject doc = astropyReading(path(c.file), c.astropyFormat);
            if (QTest::currentTestFailed())
                return;
            const std::string file = c.file;
            QCOMPARE(doc[QStringLiteral("rows")].toInt(), int(kRows));
            const QJsonObject columns = doc[QStringLiteral("columns")].toObject();
            for (std::size_t k = 0; k < testColumns().size(); ++k) {
                const ColumnInfo& expected = testColumns()[k];
                const QJsonObject col = columns[QString::fromStdString(expected.name)].toObject();
                const std::string where = file + ", column " + expected.name;
                QVERIFY2(!col.isEmpty(), (where + ": missing").c_str());
                if (c.traits.metadata) {
                    QVERIFY2(col[QStringLiteral("unit")].toString().toStdString() == expected.unit,
                             (where + ": unit " + col[QStringLiteral("unit")].toString().toStdString()).c_str());
                    // FITS has no standard UCD keyword: Astropy does not read TUCDn.
                    if (c.format != TableFormat::Fits) {
                        QVERIFY2(col[QStringLiteral("ucd")].toString().toStdString() == expected.ucd,
                                 (where + ": ucd " + col[QStringLiteral("ucd")].toString().toStdString()).c_str());
                        QVERIFY2(col[QStringLiteral("description")].toString().toStdString() == expected.description,
                                 (where + ": description").c_str());
                    }
                }
                const QJsonArray values = col[QStringLiteral("values")].toArray();
                QCOMPARE(values.size(), qsizetype(kRows));
                const QString kind = col[QStringLiteral("kind")].toString();
                for (std::size_t r = 0; r < kRows; ++r) {
                    const std::string cell = where + ", row " + std::to_string(r);
                    const bool masked = col[QStringLiteral("mask")].toArray()[qsizetype(r)].toBool();
                    const bool null = isNullCell(k, r);
                    const std::string text = values[qsizetype(r)].toString().toStdString() + (masked ? " (masked)" : "");
                    if (expected.type == ColumnType::Real) {
                        if (null && c.traits.realNullIsNaN) {
                            QVERIFY2(text == "nan", (cell + ": " + text + ", expected NaN for a null").c_str());
                            continue;
                        }
                        if (null) {
                            QVERIFY2(masked, (cell + ": " + text + ", expected masked").c_str());
                            continue;
                        }
                        // Astropy's VOTable reader masks NaN (the standard's null of a float);
                        // the value underneath stays NaN.
                        const bool nan = std::isnan(k == 1 ? kG[r] : kPlx[r]);
                        QVERIFY2(!masked || (nan && c.format == TableFormat::VoTable), (cell + ": " + text).c_str());
                        const std::string digits = values[qsizetype(r)].toString().toStdString();
                        double x = 0;
                        const auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), x);
                        QVERIFY2(ec == std::errc() && end == digits.data() + digits.size(), (cell + ": " + text).c_str());
                        QVERIFY2(sameDouble(x, k == 1 ? kG[r] : kPlx[r]), (cell + ": " + text).c_str());
                        continue;
                    }
                    if (expected.type == ColumnType::Boolean && c.format == TableFormat::Fits && null) {
                        // FITS's undefined logical (the byte 0): Astropy reads it as False.
                        QVERIFY2(text == "False" || masked, (cell + ": " + text).c_str());
                        continue;
                    }
                    if (expected.type == ColumnType::Text && null &&
                        (c.format == TableFormat::Fits || c.format == TableFormat::VoTable)) {
                        // FITS (read with mask_invalid=False) and Astropy's VOTable reader give
                        // a null string as '' (Astropy's own VOTables do the same).
                        QVERIFY2(text.empty() || masked, (cell + ": " + text).c_str());
                        continue;
                    }
                    if (null) {
                        QVERIFY2(masked, (cell + ": " + text + ", expected masked").c_str());
                        continue;
                    }
                    std::string want;
                    if (expected.type == ColumnType::Integer)
                        want = std::to_string(kIds[r]);
                    else if (expected.type == ColumnType::Boolean)
                        want = kOk[r] ? "True" : "False";
                    else
                        want = kSurvey[r];
                    QVERIFY2(text == want, (cell + ": '" + text + "', expected '" + want + "' (kind " +
                                            kind.toStdString() + ")")
                                               .c_str());
                }
            }
        }
    }

    // Many rows in many chunks, text widening late: every row comes back in order.
    void manyRowsStreamInChunks() {
        const std::vector<ColumnInfo> columns = {{"id", ColumnType::Integer, "", "", "", ""},
                                                 {"x", ColumnType::Real, "deg", "", "", ""},
                                                 {"name", ColumnType::Text, "", "", "", ""}};
        constexpr std::size_t n = 20000, chunkRows = 3001;
        auto nameOf = [](std::size_t i) { return std::string(1 + i / 2000, char('a' + i % 26)); };
        for (const Case& c : cases()) {
            const std::string file = path(c.file) + ".big";
            auto writer = createTableWriter(file, c.format, columns, {"big", "", c.encoding});
            for (std::size_t first = 0; first < n; first += chunkRows) {
                TableChunk chunk;
                chunk.firstRow = first;
                chunk.rows = std::min(chunkRows, n - first);
                chunk.columns.resize(3);
                for (std::size_t i = first; i < first + chunk.rows; ++i) {
                    chunk.columns[0].integer.push_back(std::int64_t(i) * 1000000007LL);
                    chunk.columns[1].real.push_back(double(i) / 7.0);
                    chunk.columns[2].text.push_back(nameOf(i));
                }
                writer->write(chunk);
            }
            writer->commit();
            auto reader = openTable(file);
            const auto v = readAll(*reader, 4096);
            QCOMPARE(v[1].real.size(), n);
            for (std::size_t i = 0; i < n; ++i) {
                if (c.format != TableFormat::Csv) // CSV: a 13-digit integer column reads as Real
                    QCOMPARE(v[0].integer[i], std::int64_t(i) * 1000000007LL);
                QCOMPARE(v[1].real[i], double(i) / 7.0);
                QCOMPARE(v[2].text[i], nameOf(i));
            }
        }
    }

    // A writer destroyed without commit(): neither the target nor a temporary remains, and an
    // existing target is untouched.
    void cancelledWriterLeavesNothing() {
        QTemporaryDir folder;
        const std::string kept = folder.filePath(QStringLiteral("kept.fits")).toStdString();
        {
            QFile f(QString::fromStdString(kept));
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("old contents");
        }
        for (const Case& c : cases()) {
            for (const std::string& target : {folder.filePath(QString::fromLatin1(c.file)).toStdString(), kept}) {
                auto writer = createTableWriter(target, c.format, testColumns(), {"t", "", c.encoding});
                writer->write(chunkOf(0, 3));
                writer.reset();
            }
            QCOMPARE(filesIn(folder.path()), std::vector<std::string>{"kept.fits"});
            QFile f(QString::fromStdString(kept));
            QVERIFY(f.open(QIODevice::ReadOnly));
            QCOMPARE(f.readAll(), QByteArray("old contents"));
        }
    }

    void unwritableTargetsAreNamed() {
        QTemporaryDir folder;
        const std::string missing = folder.filePath(QStringLiteral("no/such/folder/t.fits")).toStdString();
        const std::string isFolder = folder.path().toStdString();
        for (const Case& c : cases()) {
            for (const std::string& target : {missing, isFolder}) {
                QString text;
                try {
                    createTableWriter(target, c.format, testColumns());
                } catch (const InputError& e) {
                    text = QString::fromStdString(e.what());
                }
                QVERIFY2(text.contains(QString::fromStdString(target)), (target + ": " + text.toStdString()).c_str());
            }
        }
        QCOMPARE(filesIn(folder.path()), std::vector<std::string>{});
        // Columns a table cannot have.
        auto duplicate = testColumns();
        duplicate[1].name = "source_id";
        QVERIFY_THROWS_EXCEPTION(InputError, createTableWriter(path("dup.csv"), TableFormat::Csv, duplicate));
    }

    void formatNames() {
        QCOMPARE(int(parseTableFormat("fits")), int(TableFormat::Fits));
        QCOMPARE(int(parseTableFormat("CSV")), int(TableFormat::Csv));
        QCOMPARE(int(parseTableFormat("ecsv")), int(TableFormat::Ecsv));
        QCOMPARE(int(parseTableFormat("VOTable")), int(TableFormat::VoTable));
        try {
            parseTableFormat("hdf5");
            QFAIL("hdf5 accepted as a table format");
        } catch (const InputError& e) {
            QCOMPARE(e.field(), std::string("format"));
        }
    }
};

QTEST_APPLESS_MAIN(TestTableWriters)
#include "test_table_writers.moc"
