// SPDX-License-Identifier: GPL-3.0-or-later
// starlocus-cli export, in-process: the published 10,000-star catalog written in each format
// and read back (a) by Astropy — row count, units, values of chosen stars equal to the HDF5
// file's, nulls where a band is unobserved — and (b) by our openTable, every field of every
// star exactly (what `import --preset starlocus` relies on); the summary and --json; exit
// code 2 with one line naming the file for a bad catalog, an unwritable output, a bad format.
#include "app/cli/cli.h"
#include "core/io/green2020_catalog.h"
#include "core/table/catalog_export.h"
#include "core/table/table_reader.h"
#include "tests/core/table/table_test_support.h"
#include "tests/support/astropy_tables.h"
#include "tests/support/cli_run.h"
#include "tests/support/published_data.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <nlohmann/json.hpp>

#include <charconv>
#include <cmath>
#include <fstream>
#include <map>

using namespace starlocus::core;
using starlocus::test::CliRun;

namespace {

CliRun run(const std::vector<std::string>& args) { return starlocus::test::runCliCommand(args); }

// Stars whose values Astropy's reading is checked on: the first, the last, and ones with
// unobserved bands (found in the catalog).
constexpr std::size_t kFirst = 0, kLast = 9999;

bool sameDouble(double a, double b) { return (std::isnan(a) && std::isnan(b)) || a == b; }

double parseDouble(const std::string& text) {
    double x = std::numeric_limits<double>::quiet_NaN();
    std::from_chars(text.data(), text.data() + text.size(), x);
    return x;
}

} // namespace

class TestCliExport : public QObject {
    Q_OBJECT
    QTemporaryDir dir_;
    std::string path(const std::string& name) const { return dir_.filePath(QString::fromStdString(name)).toStdString(); }

    // Astropy's reading of `file`: for each of `columns`, its unit and, at each of `rows`, its
    // value (repr, exact) and mask.
    static QJsonObject astropyReading(const std::string& file, const std::string& format,
                                      const std::vector<std::string>& columns, const std::vector<std::size_t>& rows) {
        QString names, indices;
        for (const auto& c : columns)
            names += QString::fromStdString(c) + ",";
        for (std::size_t r : rows)
            indices += QString::number(r) + ",";
        names.chop(1);
        indices.chop(1);
        const QString script = QStringLiteral(R"(import sys, json, numpy as np
from astropy.table import Table, MaskedColumn
path, fmt, names, rows, out = sys.argv[1:6]
kw = {'csv': dict(format='ascii.csv'), 'ecsv': dict(format='ascii.ecsv'),
      'fits': dict(format='fits', mask_invalid=False), 'votable': dict(format='votable')}[fmt]
t = Table.read(path, **kw)
doc = {'rows': len(t), 'columns': {}}
for name in names.split(','):
    c = t[name]
    mask = np.ma.getmaskarray(c)
    data = c.data.data if isinstance(c, MaskedColumn) else np.asarray(c)
    def text(x):
        if data.dtype.kind == 'f': return repr(float(x))
        if data.dtype.kind in 'iu': return str(int(x))
        s = x.decode() if isinstance(x, bytes) else str(x)
        return s.rstrip(' ')
    doc['columns'][name] = {'unit': '' if c.unit is None else c.unit.to_string(),
                            'values': [text(data[int(r)]) for r in rows.split(',')],
                            'mask': [bool(mask[int(r)]) for r in rows.split(',')]}
json.dump(doc, open(out, 'w'))
)");
        QTemporaryDir out;
        const QString json = out.filePath(QStringLiteral("read.json"));
        const QString failure = starlocus::test::runPython(script, "'" + QString::fromStdString(file) + "' " +
                                                                       QString::fromStdString(format) + " '" + names +
                                                                       "' '" + indices + "' '" + json + "'");
        if (!failure.isEmpty()) {
            QTest::qFail(qPrintable(failure), __FILE__, __LINE__);
            return {};
        }
        QFile f(json);
        f.open(QIODevice::ReadOnly);
        return QJsonDocument::fromJson(f.readAll()).object();
    }

private slots:
    void publishedCatalogReadByAstropy() {
        STARLOCUS_REQUIRE_ASTROPY();
        std::string modelPath, normPath, catalogPath;
        STARLOCUS_PUBLISHED_PATHS(modelPath, normPath, catalogPath);
        const Catalog cat = readGreen2020Catalog(catalogPath);
        QCOMPARE(cat.size(), std::size_t(10000));
        // A star without PS1 g and one without W1 (the catalog has both kinds).
        std::size_t noPs1g = cat.size(), noW1 = cat.size();
        for (std::size_t i = 0; i < cat.size(); ++i) {
            if (noPs1g == cat.size() && std::isnan(cat.mag[i][3]))
                noPs1g = i;
            if (noW1 == cat.size() && std::isnan(cat.mag[i][11]))
                noW1 = i;
        }
        QVERIFY(noPs1g < cat.size() && noW1 < cat.size());
        const std::vector<std::size_t> rows = {kFirst, noPs1g, noW1, kLast};
        // column → (unit, value of star i)
        struct Expect {
            std::string unit;
            std::function<double(std::size_t)> value;
        };
        const std::map<std::string, Expect> expect = {
            {"teff", {"K", [&](std::size_t i) { return cat.theta[i][0]; }}},
            {"logg", {"dex", [&](std::size_t i) { return cat.theta[i][1]; }}},
            {"feh", {"dex", [&](std::size_t i) { return cat.theta[i][2]; }}},
            {"cov_teff_logg", {"", [&](std::size_t i) { return cat.thetaCov[i][1]; }}},
            {"cov_feh_feh", {"", [&](std::size_t i) { return cat.thetaCov[i][8]; }}},
            {"mag_gaia_g", {"mag", [&](std::size_t i) { return cat.mag[i][0]; }}},
            {"mag_ps1_g", {"mag", [&](std::size_t i) { return cat.mag[i][3]; }}},
            {"mag_err_ps1_g", {"mag", [&](std::size_t i) { return cat.magErr[i][3]; }}},
            {"mag_unwise_w1", {"mag", [&](std::size_t i) { return cat.mag[i][11]; }}},
            {"parallax", {"mas", [&](std::size_t i) { return cat.parallaxMas[i]; }}},
            {"parallax_error", {"mas", [&](std::size_t i) { return cat.parallaxErrMas[i]; }}},
            {"ebv_prior", {"mag", [&](std::size_t i) { return cat.reddening[i]; }}},
            {"ebv_prior_err", {"mag", [&](std::size_t i) { return cat.reddeningErr[i]; }}},
        };
        std::vector<std::string> names;
        for (const auto& [name, e] : expect)
            names.push_back(name);
        names.push_back("atm_source");
        for (const std::string format : {"fits", "csv", "ecsv", "votable"}) {
            const std::string out = path("published." + format);
            const CliRun r = run({"export", catalogPath, "--format", format, "--out", out});
            QVERIFY2(r.code == 0, r.err.c_str());
            QVERIFY2(r.out.find("10000 stars") != std::string::npos, r.out.c_str());
            const QJsonObject doc = astropyReading(out, format, names, rows);
            if (QTest::currentTestFailed())
                return;
            QCOMPARE(doc[QStringLiteral("rows")].toInt(), 10000);
            const QJsonObject columns = doc[QStringLiteral("columns")].toObject();
            for (const auto& [name, e] : expect) {
                const QJsonObject col = columns[QString::fromStdString(name)].toObject();
                const std::string where = format + ", " + name;
                // CSV states no units; the others carry them (covariances' compound units
                // are spelled by Astropy's unit parser: only the simple ones are compared).
                if (format != "csv" && !e.unit.empty())
                    QVERIFY2(col[QStringLiteral("unit")].toString().toStdString() == e.unit,
                             (where + ": unit '" + col[QStringLiteral("unit")].toString().toStdString() + "'").c_str());
                for (std::size_t k = 0; k < rows.size(); ++k) {
                    const double want = e.value(rows[k]);
                    const std::string text = col[QStringLiteral("values")].toArray()[qsizetype(k)].toString().toStdString();
                    const bool masked = col[QStringLiteral("mask")].toArray()[qsizetype(k)].toBool();
                    const std::string cell = where + ", star " + std::to_string(rows[k]) + ": " + text +
                                             (masked ? " (masked)" : "") + ", HDF5 " + std::to_string(want);
                    if (std::isnan(want)) { // an unobserved band: a null (FITS: NaN)
                        QVERIFY2(format == "fits" ? std::isnan(parseDouble(text)) : masked, cell.c_str());
                        continue;
                    }
                    QVERIFY2(!masked && sameDouble(parseDouble(text), want), cell.c_str());
                }
            }
            const QJsonObject atm = columns[QStringLiteral("atm_source")].toObject();
            for (std::size_t k = 0; k < rows.size(); ++k)
                QCOMPARE(atm[QStringLiteral("values")].toArray()[qsizetype(k)].toString().toStdString(),
                         cat.atmSource[rows[k]]);
        }
    }

    // Our reader gets every field of every star back exactly: the export → import promise.
    void everyFieldReadsBackExactly() {
        std::string modelPath, normPath, catalogPath;
        STARLOCUS_PUBLISHED_PATHS(modelPath, normPath, catalogPath);
        const Catalog cat = readGreen2020Catalog(catalogPath);
        for (const std::string format : {"fits", "csv", "ecsv", "votable"}) {
            const std::string out = path("exact." + format);
            const CliRun r = run({"export", catalogPath, "--format", format, "--out", out});
            QVERIFY2(r.code == 0, r.err.c_str());
            auto reader = table::openTable(out);
            const auto v = starlocus::test::readAll(*reader, 4096);
            std::map<std::string, std::size_t> at;
            for (std::size_t c = 0; c < reader->columns().size(); ++c)
                at[reader->columns()[c].name] = c;
            auto real = [&](const std::string& name, std::size_t i) {
                const auto& col = v[at.at(name)];
                return col.null[i] ? std::numeric_limits<double>::quiet_NaN()
                                   : col.real.empty() ? double(col.integer[i]) : col.real[i];
            };
            QCOMPARE(v[0].null.size(), cat.size());
            const char* labels[3] = {"teff", "logg", "feh"};
            const char* cov[9] = {"cov_teff_teff", "cov_teff_logg", "cov_teff_feh", "", "cov_logg_logg",
                                  "cov_logg_feh", "", "", "cov_feh_feh"};
            for (std::size_t i = 0; i < cat.size(); ++i) {
                bool same = real("star_index", i) == double(i);
                for (int k = 0; k < 3; ++k)
                    same = same && sameDouble(real(labels[k], i), cat.theta[i][k]);
                for (int k = 0; k < 9; ++k)
                    same = same && (!*cov[k] || sameDouble(real(cov[k], i), cat.thetaCov[i][k]));
                for (std::size_t b = 0; b < kBandCount; ++b)
                    same = same && sameDouble(real("mag_" + table::exportBandName(b), i), cat.mag[i][b]) &&
                           sameDouble(real("mag_err_" + table::exportBandName(b), i), cat.magErr[i][b]);
                same = same && sameDouble(real("parallax", i), cat.parallaxMas[i]) &&
                       sameDouble(real("parallax_error", i), cat.parallaxErrMas[i]) &&
                       sameDouble(real("ebv_prior", i), cat.reddening[i]) &&
                       sameDouble(real("ebv_prior_err", i), cat.reddeningErr[i]) &&
                       v[at.at("atm_source")].text[i] == cat.atmSource[i] &&
                       v[at.at("r_source")].text[i] == cat.rSource[i];
                if (cat.reddeningFit)
                    same = same && sameDouble(real("r_fit", i), (*cat.reddeningFit)[i]) &&
                           sameDouble(real("r_var", i), (*cat.reddeningFitVar)[i]);
                QVERIFY2(same, (format + ": star " + std::to_string(i) + " differs").c_str());
            }
        }
    }

    void jsonSummary() {
        std::string modelPath, normPath, catalogPath;
        STARLOCUS_PUBLISHED_PATHS(modelPath, normPath, catalogPath);
        const CliRun r = run({"export", catalogPath, "--format", "ecsv", "--out", path("j.ecsv"), "--json"});
        QVERIFY2(r.code == 0, r.err.c_str());
        const auto doc = nlohmann::json::parse(r.out);
        QCOMPARE(doc["rows"].get<int>(), 10000);
        QCOMPARE(doc["format"].get<std::string>(), std::string("ecsv"));
        QCOMPARE(doc["path"].get<std::string>(), path("j.ecsv"));
        // star_index, 3 labels, 6 covariances, the lower triangle (111 published stars store it
        // different in its last digits), 13 × 2 bands, parallax ± error, the prior ± width,
        // 2 sources, r_fit and r_var (the published file has them).
        QCOMPARE(doc["columns"].get<int>(), 1 + 3 + 6 + 3 + 26 + 2 + 2 + 2 + 2);
        QCOMPARE(doc["column_names"][10].get<std::string>(), std::string("cov_logg_teff"));
        QCOMPARE(doc["column_names"][13].get<std::string>(), std::string("mag_gaia_g"));
    }

    void badInputIsOneLineNamingTheFile() {
        const std::string notCatalog = path("not_a_catalog.h5");
        std::ofstream(notCatalog) << "plain text, not HDF5\n";
        const std::string out = path("never.fits");
        struct Case {
            std::vector<std::string> args;
            std::string named;
        };
        const std::vector<Case> cases = {
            {{"export", notCatalog, "--format", "fits", "--out", out}, notCatalog},
            {{"export", path("missing.h5"), "--format", "csv", "--out", out}, path("missing.h5")},
            {{"export", notCatalog, "--format", "fits", "--out", path("no/such/folder/t.fits")},
             path("no/such/folder/t.fits")},
            {{"export", notCatalog, "--format", "fits", "--out", notCatalog}, notCatalog},
            {{"export", notCatalog, "--format", "hdf5", "--out", out}, "--format"},
            {{"export", "--format", "fits", "--out", out}, "catalog"},
        };
        for (const Case& c : cases) {
            const CliRun r = run(c.args);
            QCOMPARE(r.code, starlocus::cli::kExitBadInput);
            QVERIFY2(r.err.rfind("starlocus-cli export: ", 0) == 0, r.err.c_str());
            QVERIFY2(std::count(r.err.begin(), r.err.end(), '\n') == 1, r.err.c_str());
            QVERIFY2(r.err.find(c.named) != std::string::npos, (r.err + " (expected " + c.named + ")").c_str());
        }
        QVERIFY(!QFile::exists(QString::fromStdString(out)));
    }
};

QTEST_APPLESS_MAIN(TestCliExport)
#include "test_cli_export.moc"
