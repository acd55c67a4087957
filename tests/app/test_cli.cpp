// SPDX-License-Identifier: GPL-3.0-or-later
// starlocus-cli end to end, in-process: published numbers through predict, evaluate and
// refit-reddening; exit code 2 with one line naming the file and field on bad input;
// per-star defects counted in --json.
#include "app/cli/cli.h"
#include "tests/support/cli_run.h"
#include "core/common/input_error.h"
#include "core/io/green2020_catalog.h"
#include "core/io/hdf5_handle.h"
#include "tests/core/io/catalog_fixtures.h"
#include "tests/support/published_model.h"
#include "tests/support/published_data.h"
#include "tests/support/shared_data.h"
#include "tests/support/toy_model.h"
#include "core/io/model_file.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <new>
#include <sstream>
#include <stdexcept>

using nlohmann::json;
using starlocus::cli::runCli;
using Run = starlocus::test::CliRun;
static Run run(const std::vector<std::string>& args) { return starlocus::test::runCliCommand(args); }
// The normalisation written beside hand-made catalogs (atm_param_med/std): plausible values,
// since the catalog reader checks them.
static starlocus::core::LabelNormalization catalogNormalization() { return {{5780.0, 4.44, 0.0}, {1000.0, 1.0, 0.5}}; }

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
    // A count of the defects document, -1 when the key is missing (a const json's operator[]
    // asserts on a missing key).
    static int count(const json& d, const char* key, const char* band = nullptr) {
        if (!d.contains(key))
            return -1;
        if (!band)
            return d[key].get<int>();
        return d[key].contains(band) ? d[key][band].get<int>() : -1;
    }

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
        cat.reddeningErr[3] = std::nan("");
        cat.parallaxMas[4] = -2.0;
        starlocus::core::writeGreen2020Catalog(path("defects.h5"), cat, catalogNormalization());
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

    // #14: values no star has were used (a parallax of 1e30 mas, an error of 1e-30 mag: mean
    // χ²/dof 686,575), a negative G error counted as "missing G", a negative parallax error
    // as "not finite". Each is now its own kind, by name in --json and in the text, and the
    // star is scored exactly as if the value were absent.
    void evaluateFlagsValuesNoStarHas() {
        starlocus::core::Catalog cat = starlocus::test::makeCleanCatalog(7);
        starlocus::core::Catalog absent = cat;
        cat.parallaxMas[0] = 1e30f;
        absent.parallaxMas[0] = std::nan("");
        cat.magErr[1][3] = 1e-30;
        absent.mag[1][3] = std::nan("");
        cat.magErr[2][0] = -0.03;
        absent.mag[2][0] = std::nan("");
        cat.parallaxErrMas[3] = -0.05;
        absent.parallaxMas[3] = std::nan("");
        cat.mag[4][8] = 99.99;
        absent.mag[4][8] = std::nan("");
        cat.reddeningErr[5] = -0.05;
        absent.reddeningErr[5] = std::nan("");
        const starlocus::core::LabelNormalization norm = catalogNormalization();
        starlocus::core::writeGreen2020Catalog(path("impossible.h5"), cat, norm);
        starlocus::core::writeGreen2020Catalog(path("as-absent.h5"), absent, norm);
        const Run r = run({"evaluate", "--model", model_, "--catalog", path("impossible.h5"), "--json"});
        const Run a = run({"evaluate", "--model", model_, "--catalog", path("as-absent.h5"), "--json"});
        QCOMPARE(r.code, 0);
        QCOMPARE(a.code, 0);
        const json doc = json::parse(r.out), ref = json::parse(a.out);
        // Scored as if absent: the same stars used, the same means.
        const json& all = doc["groups"]["all"];
        const json& allRef = ref["groups"]["all"];
        QCOMPARE(all["n_used"].get<int>(), 5);
        QCOMPARE(all["n_used"].get<int>(), allRef["n_used"].get<int>());
        for (const char* key : {"chi2_per_band", "chi2_dof", "chi2_dof_below5", "frac_above5"})
            QVERIFY2(all[key] == allRef[key], (std::string(key) + ": " + all[key].dump() + " with the values, " +
                                               allRef[key].dump() + " without them").c_str());

        const json& d = doc["defects"];
        QCOMPARE(count(d, "parallax_dropped_out_of_range"), 1);
        QCOMPARE(count(d, "parallax_dropped_negative_error"), 1);
        QCOMPARE(count(d, "parallax_dropped_not_finite"), 0);
        QCOMPARE(count(d, "band_values_error_below_1e-4"), 1);
        QCOMPARE(count(d, "band_values_error_below_1e-4_by_band", "g"), 1);
        QCOMPARE(count(d, "band_values_negative_error"), 1);
        QCOMPARE(count(d, "band_values_negative_error_by_band", "G"), 1);
        QCOMPARE(count(d, "band_values_magnitude_out_of_range_by_band", "J"), 1);
        QCOMPARE(count(d, "excluded_defective_G"), 1);
        QCOMPARE(count(d, "excluded_missing_G"), 0);
        QCOMPARE(count(d, "excluded_negative_reddening_prior_error"), 1);
        QCOMPARE(count(d, "excluded_bad_reddening_prior"), 0);
        QCOMPARE(count(d, "excluded_total"), 2);

        const Run text = run({"evaluate", "--model", model_, "--catalog", path("impossible.h5")});
        QCOMPARE(text.code, 0);
        for (const char* line : {"band_values_negative_error: 1 (G 1)", "band_values_error_below_1e-4: 1 (g 1)",
                                 "parallax_dropped_out_of_range: 1", "parallax_dropped_negative_error: 1",
                                 "excluded_defective_G: 1", "excluded_labels_out_of_range: 0"})
            QVERIFY2(text.out.find(line) != std::string::npos, line);
    }

    // #14: `evaluate` on a catalog without a usable star printed 0.0 means and exit 0.
    void noUsableStarIsAnErrorNamingTheCatalog() {
        starlocus::core::Catalog cat = starlocus::test::makeCleanCatalog(3);
        for (auto& m : cat.mag)
            m[0] = std::nan("");
        cat.magErr[2][0] = -0.1;
        cat.mag[2][0] = 14.67;
        starlocus::core::writeGreen2020Catalog(path("unusable.h5"), cat, catalogNormalization());
        for (const char* flag : {"--json", ""}) {
            std::vector<std::string> args{"evaluate", "--model", model_, "--catalog", path("unusable.h5")};
            if (*flag)
                args.push_back(flag);
            const Run r = run(args);
            expectBadInput(r, path("unusable.h5"), "no usable star: 3 stars, all excluded (missing_G 2, defective_G 1)");
        }
        const Run refit = run({"refit-reddening", "--model", model_, "--catalog", path("unusable.h5"), "--out",
                               path("unusable-refit.h5")});
        expectBadInput(refit, path("unusable.h5"), "no usable star");
        QVERIFY(!QFile::exists(dir_.filePath("unusable-refit.h5"))); // never an all-NaN r_fit
    }

    // A group with no star in a mean has no value there: null in JSON, "-" in the text.
    void meansOverNoStarHaveNoValue() {
        starlocus::core::Catalog cat = starlocus::test::makeCleanCatalog(3);
        cat.rSource[0] = "sfd";
        cat.mag[0][0] = std::nan(""); // the only sfd star is excluded
        starlocus::core::writeGreen2020Catalog(path("groups.h5"), cat, catalogNormalization());
        const Run r = run({"evaluate", "--model", model_, "--catalog", path("groups.h5"), "--json"});
        QCOMPARE(r.code, 0);
        const json sfd = json::parse(r.out)["groups"]["r_source:sfd"];
        QCOMPARE(sfd["n"].get<int>(), 1);
        QCOMPARE(sfd["n_used"].get<int>(), 0);
        for (const char* key : {"chi2_per_band", "chi2_dof", "chi2_dof_below5", "frac_above5"})
            QVERIFY2(sfd[key].is_null(), key);
        QVERIFY(json::parse(r.out)["groups"]["all"]["chi2_dof"].is_number());
        const Run text = run({"evaluate", "--model", model_, "--catalog", path("groups.h5")});
        QCOMPARE(text.code, 0);
        QVERIFY2(text.out.find("no value") != std::string::npos, text.out.c_str());
        const auto row = text.out.substr(text.out.find("r_source:sfd"));
        QVERIFY2(row.substr(0, row.find('\n')).find("0.0000") == std::string::npos, row.c_str());
    }

    // #14: a model with a NaN weight gave `predict` nulls, `evaluate` exit 0 with no star
    // used, `refit-reddening` an all-NaN r_fit with exit 0. Refused, naming the model file.
    void modelWithNonFiniteWeightsIsRefused() {
        using namespace starlocus::core;
        const StellarModel toy = starlocus::test::toyModel(starlocus::test::toySunMagnitudes(),
                                                           starlocus::test::toyExtinction());
        DenseLayer ext = toy.extinctionLayer();
        ext.kernel[4] = std::nan("");
        saveModel(path("nan-model.h5"), StellarModel(toy.normalization(), {}, toy.colorOutputLayer(), ext, {}));
        writeGreen2020Catalog(path("clean.h5"), starlocus::test::makeCleanCatalog(4), catalogNormalization());
        const std::string m = path("nan-model.h5");
        for (const Run& r :
             {run({"predict", "--model", m, "--teff", "5000", "--logg", "4", "--feh", "0", "--json"}),
              run({"evaluate", "--model", m, "--catalog", path("clean.h5"), "--json"}),
              run({"refit-reddening", "--model", m, "--catalog", path("clean.h5"), "--out", path("nan-refit.h5")})})
            expectBadInput(r, m, "");
        QVERIFY(!QFile::exists(dir_.filePath("nan-refit.h5")));
    }

    // #14: non-UTF-8 bytes in a path or a catalog's tags ended `--json` with exit 1 and
    // "json.exception.type_error.316". Paths are bytes: the JSON stays valid, the byte
    // becomes U+FFFD.
    void nonUtf8BytesInJsonOutput() {
        starlocus::core::Catalog cat = starlocus::test::makeCleanCatalog(3);
        cat.rSource[1] = "sfd\xff";
        const std::string catalog = path("cat-\xff.h5");
        starlocus::core::writeGreen2020Catalog(catalog, cat, catalogNormalization());
        const std::string replacement = "\xef\xbf\xbd";
        Run r = run({"evaluate", "--model", model_, "--catalog", catalog, "--json"});
        QVERIFY2(r.code == 0, r.err.c_str());
        json doc = json::parse(r.out);
        QCOMPARE(doc["catalog"].get<std::string>(), path("cat-") + replacement + ".h5");
        QVERIFY(doc["groups"].contains("r_source:sfd" + replacement));
        r = run({"refit-reddening", "--model", model_, "--catalog", catalog, "--out", path("refit-\xff.h5"), "--json"});
        QVERIFY2(r.code == 0, r.err.c_str());
        QCOMPARE(json::parse(r.out)["out"].get<std::string>(), path("refit-") + replacement + ".h5");
        r = run({"mock", "--stars", "20", "--seed", "3", "--out", path("mock-\xff.h5"), "--json"});
        QVERIFY2(r.code == 0, r.err.c_str());
        QCOMPARE(json::parse(r.out)["file"].get<std::string>(), path("mock-") + replacement + ".h5");
    }

    // #14: predict named the training catalog as the model file. It names the file it read,
    // and the catalog the weights were trained on apart.
    void predictNamesTheModelFileAndItsTrainingCatalog() {
        using namespace starlocus::core;
        const StellarModel toy = starlocus::test::toyModel(starlocus::test::toySunMagnitudes(),
                                                           starlocus::test::toyExtinction());
        const std::string trainedOn = path("training-catalog.h5");
        saveModel(path("trained.h5"), StellarModel(toy.normalization(), {}, toy.colorOutputLayer(),
                                                   toy.extinctionLayer(),
                                                   {"starlocus-training", "", "", trainedOn}));
        const std::vector<std::string> args{"predict", "--model", path("trained.h5"), "--teff", "5780",
                                            "--logg", "4.44", "--feh", "0"};
        const Run r = run(args);
        QCOMPARE(r.code, 0);
        QVERIFY2(r.out.find("model: " + path("trained.h5") + "\n") != std::string::npos, r.out.c_str());
        QVERIFY2(r.out.find("model: " + trainedOn) == std::string::npos, r.out.c_str());
        QVERIFY2(r.out.find("trained on: " + trainedOn + "\n") != std::string::npos, r.out.c_str());
        std::vector<std::string> jsonArgs = args;
        jsonArgs.push_back("--json");
        const json doc = json::parse(run(jsonArgs).out);
        QCOMPARE(doc.value("model", std::string()), path("trained.h5"));
        QCOMPARE(doc.value("trained_on", std::string()), trainedOn);
    }

    // One error path: running out of memory (input-driven: a huge dimension, --stars) is
    // exit 2 in one line without the library's text; anything else unexpected is exit 1,
    // marked as a bug, still on one line.
    void errorsEndInOneLineWithTheirExitCode() {
        using starlocus::cli::runReportingErrors;
        std::ostringstream out, err;
        int code = runReportingErrors("who", [](const std::vector<std::string>&, std::ostream&) -> int {
            throw std::bad_alloc();
        }, {}, out, err);
        QCOMPARE(code, 2);
        QVERIFY2(err.str().find("bad_alloc") == std::string::npos, err.str().c_str());
        QVERIFY2(err.str().rfind("who: not enough memory", 0) == 0, err.str().c_str());
        err.str("");
        code = runReportingErrors("who", [](const std::vector<std::string>&, std::ostream&) -> int {
            std::vector<double> v;
            v.resize(v.max_size() + 1); // std::length_error
            return 0;
        }, {}, out, err);
        QCOMPARE(code, 2);
        err.str("");
        code = runReportingErrors("who", [](const std::vector<std::string>&, std::ostream&) -> int {
            throw starlocus::core::InputError("f.h5", "data", "two\nlines");
        }, {}, out, err);
        QCOMPARE(code, 2);
        QCOMPARE(err.str(), std::string("who: f.h5: field 'data': two lines\n"));
        err.str("");
        code = runReportingErrors("who", [](const std::vector<std::string>&, std::ostream&) -> int {
            throw std::logic_error("oops");
        }, {}, out, err);
        QCOMPARE(code, 1);
        QCOMPARE(err.str(), std::string("who: internal error (a bug: please report it): oops\n"));
        err.str("");
        code = runReportingErrors("who", [](const std::vector<std::string>&, std::ostream&) -> int { throw 42; }, {},
                                  out, err);
        QCOMPARE(code, 1);
        QVERIFY(run({"--help"}).out.find("more memory") != std::string::npos);
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
                       path("no/such/folder/out.h5"), "folder");
    }

    // `refit-reddening --catalog sky.h5 --out sky.h5` replaced the catalog with the fit: the
    // output is checked against every input before any work, and the catalog stays intact.
    void refitReddeningNeverOverwritesItsInputs() {
        const std::string sky = path("refit-sky.h5");
        QCOMPARE(run({"mock", "--stars", "200", "--seed", "3", "--out", sky}).code, 0);
        const Run r = run({"refit-reddening", "--model", model_, "--catalog", sky, "--out", sky});
        expectBadInput(r, sky, "is also the --catalog file");
        QCOMPARE(starlocus::core::readGreen2020Catalog(sky).size(), std::size_t(200));
        expectBadInput(run({"refit-reddening", "--model", model_, "--catalog", sky, "--out", model_}), model_,
                       "is also the --model file");
    }

    // `mock --out missing-dir/sky.h5` is refused before the sky is drawn, naming the option.
    void mockChecksItsOutputFirst() {
        const std::string out = path("no/such/folder/sky.h5");
        const Run r = run({"mock", "--stars", "100", "--seed", "1", "--out", out});
        expectBadInput(r, out, "option --out");
    }

    // A model file written before StarLocus stored checksums still opens, and every command
    // that reads it says that damage to its arrays cannot be detected.
    void modelFileWithoutChecksumsOpensWithANote() {
        using namespace starlocus::core;
        const std::string file = path("old-format.h5");
        saveModel(file, starlocus::test::toyModel(starlocus::test::toySunMagnitudes(),
                                                  starlocus::test::toyExtinction()));
        {
            const auto lock = hdf5::libraryLock();
            hdf5::Handle f(H5Fopen(file.c_str(), H5F_ACC_RDWR, H5P_DEFAULT));
            QVERIFY(f.valid());
            int removed = 0;
            H5Ovisit2(
                f.get(), H5_INDEX_NAME, H5_ITER_NATIVE,
                [](hid_t root, const char* name, const H5O_info_t* info, void* data) -> herr_t {
                    if (info->type == H5O_TYPE_DATASET && H5Aexists_by_name(root, name, "checksum", H5P_DEFAULT) > 0)
                        *static_cast<int*>(data) += H5Adelete_by_name(root, name, "checksum", H5P_DEFAULT) >= 0;
                    return 0;
                },
                &removed, H5O_INFO_BASIC);
            QVERIFY(removed >= 4); // kernel and bias of two layers at least, and the normalisation
        }
        const std::vector<std::string> args{"predict", "--model", file, "--teff", "5780", "--logg", "4.44",
                                            "--feh", "0"};
        const Run text = run(args);
        QCOMPARE(text.code, 0);
        QVERIFY2(text.out.find("note: ") != std::string::npos && text.out.find("checksum") != std::string::npos,
                 text.out.c_str());
        std::vector<std::string> jsonArgs = args;
        jsonArgs.push_back("--json");
        const json doc = json::parse(run(jsonArgs).out);
        QVERIFY(doc.contains("notes") && doc["notes"].size() == 1);
        // A file with its checksums carries no note.
        const std::string fresh = path("new-format.h5");
        saveModel(fresh, starlocus::test::toyModel(starlocus::test::toySunMagnitudes(),
                                                   starlocus::test::toyExtinction()));
        const Run clean = run({"predict", "--model", fresh, "--teff", "5780", "--logg", "4.44", "--feh", "0"});
        QCOMPARE(clean.code, 0);
        QVERIFY2(clean.out.find("note: ") == std::string::npos, clean.out.c_str());
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "test_cli.moc"
