// SPDX-License-Identifier: GPL-3.0-or-later
// starlocus-cli end to end, in-process: published numbers through predict, evaluate and
// refit-reddening; exit code 2 with one line naming the file and field on bad input;
// per-star defects counted in --json.
#include "app/cli/cli.h"
#include "tests/support/cli_run.h"
#include "core/io/green2020_catalog.h"
#include "core/io/hdf5_handle.h"
#include "tests/core/io/catalog_fixtures.h"
#include "tests/support/published_model.h"
#include "tests/support/published_data.h"
#include "tests/support/shared_data.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <sstream>

using nlohmann::json;
using starlocus::cli::runCli;
using Run = starlocus::test::CliRun;
static Run run(const std::vector<std::string>& args) { return starlocus::test::runCliCommand(args); }

class TestCli : public QObject {
    Q_OBJECT
    QTemporaryDir dir_;
    std::string model_, norm_, catalog_;

    // Structural error: exit 2 and exactly one line that names `file` and `needle`.
    void expectBadInput(const Run& r, const std::string& file, const std::string& needle) {
        QCOMPARE(r.code, 2);
        QVERIFY2(std::count(r.err.begin(), r.err.end(), '\n') == 1, r.err.c_str());
        QVERIFY2(r.err.find(file) != std::string::npos, r.err.c_str());
        QVERIFY2(r.err.find(needle) != std::string::npos, r.err.c_str());
        QVERIFY(r.out.empty());
    }
    std::string path(const char* name) { return dir_.filePath(name).toStdString(); }

private slots:
    void init() {
        STARLOCUS_PUBLISHED_PATHS(model_, norm_, catalog_);
    }

    void predictSunJson() {
        const Run r = run({"predict", "--model", model_, "--normalization", norm_, "--teff", "5780", "--logg", "4.44",
                           "--feh", "0.0", "--E", "1", "--json"});
        QCOMPARE(r.code, 0);
        const json doc = json::parse(r.out);
        QCOMPARE(doc["bands"].size(), std::size_t(13));
        QCOMPARE(doc["bands"][10].get<std::string>(), std::string("Ks"));
        for (std::size_t b = 0; b < 13; ++b)
            QVERIFY(std::abs(doc["mag_color"][b].get<double>() - starlocus::test::kPublishedSunAtE1[b]) < 1e-4);
        // abs_mag = B⁻¹ mag_color: G itself, other bands colour + G.
        QVERIFY(std::abs(doc["abs_mag"][0].get<double>() - starlocus::test::kPublishedSunAtE1[0]) < 1e-4);
        QVERIFY(std::abs(doc["abs_mag"][3].get<double>() -
                         (starlocus::test::kPublishedSunAtE1[3] + starlocus::test::kPublishedSunAtE1[0])) < 1e-4);
        for (const auto& r_b : doc["R"])
            QVERIFY(r_b.get<double>() > 0.0);
    }

    void predictTableFindsNormalisationBesideModel() {
        const Run r = run({"predict", "--model", model_, "--teff", "4800", "--logg", "2.5", "--feh", "-0.3"});
        QCOMPARE(r.code, 0);
        QVERIFY(r.out.find("unWISE W2") != std::string::npos);
        QVERIFY(r.out.find("Teff 4800 K") != std::string::npos);
    }

    void predictUsageErrors() {
        Run r = run({"predict", "--model", model_, "--logg", "4", "--feh", "0"});
        QCOMPARE(r.code, 2);
        QVERIFY(r.err.find("--teff") != std::string::npos);
        r = run({"predict", "--model", model_, "--teff", "hot", "--logg", "4", "--feh", "0"});
        QCOMPARE(r.code, 2);
        QVERIFY(r.err.find("'hot' is not a finite number") != std::string::npos);
        r = run({"predict", "--model", model_, "--teff", "5000", "--logg", "4", "--feh", "0", "--colour", "x"});
        QCOMPARE(r.code, 2);
        QVERIFY(r.err.find("unknown option '--colour'") != std::string::npos);
        QCOMPARE(run({"frobnicate"}).code, 2);
        QCOMPARE(run({}).code, 2);
        QCOMPARE(run({"--help"}).code, 0);
    }

    // `figures` moved to its own program (it needs the GUI library, starlocus-cli links no Qt):
    // the old command line gets one line saying where, not "unknown command".
    void figuresPointsToItsOwnProgram() {
        const Run r = run({"figures", "--model", model_, "--catalog", catalog_, "--out", path("figures")});
        QCOMPARE(r.code, 2);
        QVERIFY2(std::count(r.err.begin(), r.err.end(), '\n') == 1, r.err.c_str());
        QVERIFY2(r.err.find("starlocus-figures --model FILE --catalog FILE --out DIR") != std::string::npos,
                 r.err.c_str());
        QVERIFY(r.out.empty());
        QVERIFY(run({"--help"}).out.find("starlocus-figures") != std::string::npos);
    }

    void missingModelFile() {
        expectBadInput(run({"predict", "--model", path("nope.h5"), "--teff", "5000", "--logg", "4", "--feh", "0"}),
                       path("nope.h5"), "file not found");
    }

    void modelNotHdf5() {
        QFile f(dir_.filePath("model.txt"));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("weights");
        f.close();
        expectBadInput(run({"predict", "--model", path("model.txt"), "--teff", "5000", "--logg", "4", "--feh", "0"}),
                       path("model.txt"), "not an HDF5 file");
    }

    void normalisationWithZeroSigma() {
        QFile f(dir_.filePath("norm.json"));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(R"({"theta_med": [5372, 4.07, -0.25], "theta_std": [902.8, 0.0, 0.37]})");
        f.close();
        expectBadInput(run({"predict", "--model", model_, "--normalization", path("norm.json"), "--teff", "5000",
                            "--logg", "4", "--feh", "0"}),
                       path("norm.json"), "theta_std");
    }

    void kerasModelWithoutNormalisation() {
        QTemporaryDir alone;
        const QString copy = alone.filePath("model.h5");
        QVERIFY(QFile::copy(QString::fromStdString(model_), copy));
        expectBadInput(run({"predict", "--model", copy.toStdString(), "--teff", "5000", "--logg", "4", "--feh", "0"}),
                       copy.toStdString(), "--normalization");
    }

    // Counts checked against an independent read of the file (h5py): 92 stars with
    // ϖ̂ ≤ 0, 1,538 with ϖ̂/σ_ϖ < 5 of which those 92 are a part.
    void evaluatePublishedJson() {
        const Run r = run({"evaluate", "--model", model_, "--normalization", norm_, "--catalog", catalog_,
                           "--reddening", "refit", "--json"});
        QCOMPARE(r.code, 0);
        const json doc = json::parse(r.out);
        const json& all = doc["groups"]["all"];
        QCOMPARE(all["n"].get<int>(), 10000);
        QVERIFY(all["frac_above5"].get<double>() <= 0.05);
        QVERIFY(all["chi2_dof_below5"].get<double>() >= 0.7 && all["chi2_dof_below5"].get<double>() <= 1.0);
        QVERIFY(doc["groups"].contains("r_source:sfd"));
        QVERIFY(doc["groups"].contains("atm_source:apogee"));
        int sum = 0;
        for (const char* g : {"r_source:sfd", "r_source:b19", "r_source:default"})
            sum += doc["groups"][g]["n"].get<int>();
        QCOMPARE(sum, 10000);
        QCOMPARE(doc["defects"]["parallax_dropped_nonpositive"].get<int>(), 92);
        QCOMPARE(doc["defects"]["parallax_dropped_low_snr"].get<int>(), 1538 - 92);
        QCOMPARE(doc["defects"]["excluded_total"].get<int>(), 0);
    }

    void evaluateReportsPerStarDefects() {
        starlocus::core::Catalog cat = starlocus::test::makeCleanCatalog(6);
        cat.mag[0][0] = std::nan("");
        cat.theta[1][2] = std::nan("");
        cat.thetaCov[2] = {1, 2, 0, 2, 1, 0, 0, 0, 1}; // indefinite
        cat.reddeningErr[3] = -0.1;
        cat.parallaxMas[4] = -2.0;
        starlocus::core::writeGreen2020Catalog(path("defects.h5"), cat, starlocus::core::LabelNormalization{});
        const Run r = run({"evaluate", "--model", model_, "--catalog", path("defects.h5"), "--json"});
        QCOMPARE(r.code, 0);
        const json d = json::parse(r.out)["defects"];
        QCOMPARE(d["excluded_missing_G"].get<int>(), 1);
        QCOMPARE(d["excluded_bad_labels"].get<int>(), 1);
        QCOMPARE(d["excluded_bad_label_covariance"].get<int>(), 1);
        QCOMPARE(d["excluded_bad_reddening_prior"].get<int>(), 1);
        QCOMPARE(d["parallax_dropped_nonpositive"].get<int>(), 1);
        QCOMPARE(json::parse(r.out)["groups"]["all"]["n_used"].get<int>(), 2);
        QVERIFY(r.out.find("NaN") == std::string::npos && r.out.find("nan") == std::string::npos);
    }

    void evaluateStructuralErrors() {
        starlocus::test::writeCompound(path("nomag.h5"), 3, starlocus::test::publishedFields("mag_err"));
        expectBadInput(run({"evaluate", "--model", model_, "--catalog", path("nomag.h5")}), path("nomag.h5"),
                       "data/mag_err");
        expectBadInput(run({"evaluate", "--model", model_, "--catalog", path("absent.h5")}), path("absent.h5"),
                       "not found");
        const Run r = run({"evaluate", "--model", model_, "--catalog", catalog_, "--reddening", "sfd"});
        QCOMPARE(r.code, 2);
        QVERIFY(r.err.find("catalog, refit") != std::string::npos);
    }

    void refitReddeningWritesPosterior() {
        const std::string out = path("refit.h5");
        const Run r = run({"refit-reddening", "--model", model_, "--catalog", catalog_, "--out", out, "--json"});
        QCOMPARE(r.code, 0);
        QCOMPARE(json::parse(r.out)["fitted"].get<int>(), 10000);
        auto file = starlocus::core::hdf5::openReadOnly(out);
        const auto rFit = starlocus::core::hdf5::readDoubles(file.get(), out, "r_fit", {10000});
        const auto rVar = starlocus::core::hdf5::readDoubles(file.get(), out, "r_var", {10000});
        const auto cat = starlocus::core::readGreen2020Catalog(catalog_);
        std::vector<double> diff;
        for (std::size_t i = 0; i < rFit.size(); ++i) {
            diff.push_back(std::abs(rFit[i] - (*cat.reddeningFit)[i]));
            QVERIFY(rVar[i] > 0.0);
        }
        std::nth_element(diff.begin(), diff.begin() + 5000, diff.end());
        QVERIFY(diff[5000] < 0.001);
        // An unwritable destination is a one-line error and leaves nothing behind.
        expectBadInput(run({"refit-reddening", "--model", model_, "--catalog", catalog_, "--out",
                            path("no/such/folder/out.h5")}),
                       path("no/such/folder/out.h5"), "cannot create");
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "test_cli.moc"
