// SPDX-License-Identifier: GPL-3.0-or-later
// starlocus-cli import (issue 15): every structural defect is exit 2 with a message naming the
// file and the column or field, and nothing is written; per-star defects are counted in the
// report and the import goes on.
#include "core/io/green2020_catalog.h"
#include "core/io/hdf5_handle.h"
#include "tests/support/cli_run.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <fstream>
#include <nlohmann/json.hpp>

using starlocus::test::runCliCommand;

namespace {

// A LAMOST×Gaia cross-match with the archives' names (the presets recognise it), as CSV.
const char* const kHeader =
    "source_id,ra,dec,b,parallax,parallax_error,phot_g_mean_mag,phot_g_mean_flux_over_error,visibility_periods_used,"
    "astrometric_chi2_al,astrometric_n_good_obs_al,phot_g_n_obs,teff,teff_err,logg,logg_err,feh,feh_err,snr_g,"
    "qflag_chi2,flag_singlestar,sfd_ebv";
// Teff "" is a null; by default the labels grow with the id (5000 K + 10 K × id, …), so that they vary (a catalog whose
// labels are all equal cannot be normalised, and is refused).
std::string row(const std::string& id, const std::string& g = "14.0", std::string teff = "default",
                const std::string& parallaxErr = "0.02", std::string feh = "default") {
    const int n = std::stoi(id);
    if (teff == "default")
        teff = std::to_string(5000 + 10 * n);
    if (feh == "default")
        feh = std::to_string(-0.2 + 0.01 * n);
    const std::string logg = std::to_string(4.0 + 0.01 * n);
    return id + ",150,20,60,2.0," + parallaxErr + "," + g + ",1000,15,300,300,300," + teff + ",40," + logg + ",0.1," + feh +
           ",0.05,50,good,YES,0.1";
}

} // namespace

class TestCliImport : public QObject {
    Q_OBJECT
    QTemporaryDir dir_;
    std::string path(const char* name) const { return dir_.filePath(QString::fromLatin1(name)).toStdString(); }
    std::string write(const char* name, const std::string& text) const {
        std::ofstream(path(name), std::ios::binary) << text;
        return path(name);
    }
    // Exit 2, the message contains every `parts`, and the output was not written.
    void expectRefused(const std::vector<std::string>& args, const std::vector<std::string>& parts) {
        const std::string out = path("refused.h5");
        std::vector<std::string> all = {"import"};
        all.insert(all.end(), args.begin(), args.end());
        all.insert(all.end(), {"--out", out});
        const auto r = runCliCommand(all);
        QCOMPARE(r.code, 2);
        for (const std::string& part : parts)
            QVERIFY2(r.err.find(part) != std::string::npos, (r.err + " lacks " + part).c_str());
        QVERIFY2(r.err.find("internal error") == std::string::npos, r.err.c_str());
        QVERIFY(!QFile::exists(QString::fromStdString(out)));
    }

private slots:
    void importsAndWritesTheReport() {
        const std::string in = write("good.csv", std::string(kHeader) + "\n" + row("1") + "\n" + row("2") + "\n");
        const std::string out = path("good.h5"), report = path("good.json");
        const auto r = runCliCommand({"import", in, "--out", out, "--report", report});
        QVERIFY2(r.code == 0, r.err.c_str());
        QVERIFY(r.out.find("imported 2 stars of 2 rows") != std::string::npos);
        const auto catalog = starlocus::core::readGreen2020Catalog(out);
        QCOMPARE(catalog.size(), std::size_t(2));
        QCOMPARE(catalog.theta[0][0], double(float(5010.0 - 3.6))); // stored as float32, as published
        std::ifstream reportFile(report);
        const auto json = nlohmann::json::parse(reportFile);
        QCOMPARE(json["stars_out"].get<int>(), 2);
        // The same report is in the catalog's attributes.
        starlocus::core::hdf5::Handle file(H5Fopen(out.c_str(), H5F_ACC_RDONLY, H5P_DEFAULT));
        const auto attribute = starlocus::core::hdf5::readStringAttribute(file.get(), "import_report");
        QVERIFY(attribute && nlohmann::json::parse(*attribute)["rows_in"].get<int>() == 2);
    }

    void perStarDefectsAreCounted() {
        const std::string in = write("defects.csv", std::string(kHeader) + "\n" + row("1") + "\n" +
                                                        row("2", "14", "") + "\n" +       // null Teff
                                                        row("3", "14", "default", "0.02", "nan") + "\n" +
                                                        row("4", "inf") + "\n" +          // G not finite
                                                        row("5", "35") + "\n" +           // G outside −5…30
                                                        row("6", "14", "default", "0") + "\n" + // σ_ϖ = 0
                                                        row("7", "14", "default", "-1") + "\n");
        const std::string report = path("defects.json");
        const auto r = runCliCommand({"import", in, "--out", path("defects.h5"), "--report", report});
        QVERIFY2(r.code == 0, r.err.c_str());
        std::ifstream reportFile(report);
        const auto json = nlohmann::json::parse(reportFile);
        std::map<std::string, nlohmann::json> rules;
        for (const auto& rule : json["rules"])
            rules[rule["name"].get<std::string>()] = rule;
        QCOMPARE(rules["invalid_label"]["stars_removed"].get<int>(), 2);
        QCOMPARE(rules["invalid_magnitude"]["bands_total"].get<int>(), 2);
        QCOMPARE(rules["gaia_g_missing"]["stars_removed"].get<int>(), 2); // the two stars whose G was dropped
        QCOMPARE(rules["invalid_parallax"]["parallaxes_removed"].get<int>(), 2);
        QCOMPARE(json["stars_out"].get<int>(), 3);
    }

    void structuralDefectsAreRefused() {
        const std::string good = write("base.csv", std::string(kHeader) + "\n" + row("1") + "\n");
        expectRefused({path("missing.csv")}, {"missing.csv"});
        expectRefused({write("junk.bin", std::string("\x89HDF\r\n\x1a\n", 8) + std::string(100, '\0'))},
                      {"junk.bin"});
        // A required column missing: the preset says which fields it could not map.
        std::string noLogg = kHeader;
        noLogg.replace(noLogg.find(",logg,logg_err"), 14, ",lg,lg_err");
        expectRefused({write("nologg.csv", noLogg + "\n" + row("1") + "\n")}, {"nologg.csv", "logg", "var_logg"});
        // Text where numbers are needed.
        expectRefused({write("textteff.csv", std::string(kHeader) + "\n" + row("1", "14", "hot") + "\n")},
                      {"textteff.csv", "teff", "needs numbers"});
        // Duplicate column names.
        std::string twice = kHeader;
        twice.replace(twice.find("snr_g"), 5, "feh_err");
        expectRefused({write("twice.csv", twice + "\n" + row("1") + "\n")}, {"twice.csv", "feh_err"});
        // A spec naming a column that does not exist; an expression that does not parse; an unknown field.
        expectRefused({"--map", write("nocol.json", R"({"survey":"lamost","fields":{"teff":"T_eff"}})"), good},
                      {"T_eff", "teff"});
        expectRefused({"--map", write("badexpr.json", R"({"survey":"lamost","fields":{"var_teff":"teff_err^"}})"), good},
                      {"badexpr.json", "var_teff"});
        expectRefused({"--map", write("nofield.json", R"({"fields":{"mass":"teff"}})"), good}, {"nofield.json", "mass"});
        // A flux where a magnitude is expected, without a conversion.
        const std::string ecsv = write("flux.ecsv", "# %ECSV 1.0\n# ---\n# datatype:\n# - {name: flux_g, unit: nanomaggy, "
                                                    "datatype: float64}\nflux_g\n100.0\n");
        expectRefused({"--map", write("flux.json", R"({"survey":"lamost","fields":{"mag_G":"flux_g"}})"), ecsv},
                      {"flux.ecsv", "nanomaggy", "mag_G"});
        // Settings and options.
        expectRefused({good, "--rule", "no_such_rule=off"}, {"no_such_rule"});
        expectRefused({good, "--rule", "invalid_label=off"}, {"invalid_label"});
        expectRefused({good, "--preset", "sdss_dr99"}, {"sdss_dr99"});
        expectRefused({}, {"no input table"});
        // The input is not overwritten.
        const auto same = runCliCommand({"import", good, "--out", good});
        QCOMPARE(same.code, 2);
    }
};

QTEST_GUILESS_MAIN(TestCliImport)
#include "test_cli_import.moc"
