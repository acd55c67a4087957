// SPDX-License-Identifier: GPL-3.0-or-later
// starlocus-cli fit-stars, in-process (issue 16): the posterior file and CSV it writes, its
// summary (text and --json), the Galactic prior on catalogs with and without l, b (a mock sky
// written by `starlocus-cli mock` carries them), and exit code 2 with one line naming the
// file or option for bad input. Fast cases use a model known in closed form (toy_model.h)
// and a hand-made density; the published model, density grid and first 200 published stars
// check the fit against facts from outside it (spectroscopic labels, parallaxes).
#include "app/cli/cli.h"
#include "core/diagnostics/density_grid_file.h"
#include "core/diagnostics/training_density.h"
#include "core/io/green2020_catalog.h"
#include "core/io/model_file.h"
#include "core/io/posterior_file.h"
#include "tests/core/io/catalog_fixtures.h"
#include "tests/support/cli_run.h"
#include "tests/support/published_data.h"
#include "tests/support/published_model.h"
#include "tests/support/shared_data.h"
#include "tests/support/toy_model.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <fstream>
#include <numbers>

using namespace starlocus;
using nlohmann::json;
using Run = test::CliRun;
static Run run(const std::vector<std::string>& args) { return test::runCliCommand(args); }

namespace {

constexpr double kDeg = std::numbers::pi / 180.0;

// Training density 1 in a box around the Sun (Teff 5000–6500 K, log g 3.9–4.9, [Fe/H]
// −0.5–0.5), 0 elsewhere: a small validity region, so the label grid builds in a moment.
core::DensityGrid sunBoxDensity() {
    core::DensityGrid g;
    g.axes = core::publishedDensityAxes();
    g.values.assign(core::kDensityChannelCount * g.nodes(0) * g.nodes(1) * g.nodes(2), 0.0f);
    for (std::size_t ch = 0; ch < core::kDensityChannelCount; ++ch)
        for (std::size_t t = 0; t < g.nodes(0); ++t)
            for (std::size_t l = 0; l < g.nodes(1); ++l)
                for (std::size_t f = 0; f < g.nodes(2); ++f) {
                    const bool inside = g.axes[0][t] >= 5000 && g.axes[0][t] <= 6500 && g.axes[1][l] >= 3.9 &&
                                        g.axes[1][l] <= 4.9 && g.axes[2][f] >= -0.5 && g.axes[2][f] <= 0.5;
                    g.values[g.index(ch, t, l, f)] = inside ? 1.0f : 0.0f;
                }
    return g;
}

// sin δ of Galactic (l, b) [deg], from the J2000 north Galactic pole (δ = 27.12825°) and the
// Galactic longitude of the north celestial pole (122.93192°): spherical trigonometry,
// written here independently of the mock's own SightLine.
double sinDeclination(double lDeg, double bDeg) {
    const double poleDec = 27.12825 * kDeg, lNcp = 122.93192 * kDeg;
    return std::sin(bDeg * kDeg) * std::sin(poleDec) + std::cos(bDeg * kDeg) * std::cos(poleDec) * std::cos(lNcp - lDeg * kDeg);
}

double median(std::vector<double> v) {
    if (v.empty())
        return std::nan("");
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
}

std::size_t lineCount(const std::string& path) {
    std::ifstream in(path);
    std::size_t n = 0;
    for (std::string line; std::getline(in, line);)
        ++n;
    return n;
}

} // namespace

class TestCliFitStars : public QObject {
    Q_OBJECT
    QTemporaryDir dir_;
    std::string toyModel_, toyDensity_, cleanCatalog_;

    std::string path(const char* name) const { return dir_.filePath(name).toStdString(); }
    static bool exists(const std::string& file) { return QFile::exists(QString::fromStdString(file)); }

    // Exit 2 and exactly one line that names `file` and contains `needle`; nothing written.
    static void expectBadInput(const Run& r, const std::string& file, const std::string& needle) {
        QCOMPARE(r.code, 2);
        QVERIFY2(std::count(r.err.begin(), r.err.end(), '\n') == 1, r.err.c_str());
        QVERIFY2(r.err.rfind("starlocus-cli fit-stars: ", 0) == 0, r.err.c_str());
        QVERIFY2(r.err.find(file) != std::string::npos, r.err.c_str());
        QVERIFY2(r.err.find(needle) != std::string::npos, r.err.c_str());
        QVERIFY(r.out.empty());
    }
    // fit-stars on the toy model, its density and `catalog`, plus `extra`.
    Run fitToy(const std::string& catalog, const std::string& out, std::vector<std::string> extra = {}) const {
        std::vector<std::string> args{"fit-stars", "--model", toyModel_, "--catalog", catalog, "--density", toyDensity_,
                                      "--out", out};
        args.insert(args.end(), extra.begin(), extra.end());
        return run(args);
    }

private slots:
    void initTestCase() {
        QVERIFY(dir_.isValid());
        toyModel_ = path("toy_model.h5");
        core::saveModel(toyModel_, test::toyModel(test::toySunMagnitudes(), test::toyExtinction()));
        toyDensity_ = path("sun_box_density.h5");
        core::writeDensityGrid(toyDensity_, sunBoxDensity());
        cleanCatalog_ = path("clean.h5");
        core::writeGreen2020Catalog(cleanCatalog_, test::makeCleanCatalog(6), {{5780.0, 4.44, 0.0}, {1000.0, 1.0, 0.5}});
    }

    // Solar photometry at m − M = 10 and ϖ = 1 mas: both say 1000 pc, and no reddening.
    void toyStarsAtAKiloparsec() {
        const std::string out = path("toy.h5"), csv = path("toy.csv");
        const Run r = fitToy(cleanCatalog_, out, {"--csv", csv});
        QVERIFY2(r.code == 0, r.err.c_str());
        QVERIFY2(r.out.find("posteriors of 6 of 6 stars") != std::string::npos, r.out.c_str());
        QVERIFY2(r.out.find("stars per status: fitted 6") != std::string::npos, r.out.c_str());
        QVERIFY2(r.out.find("stars/s") != std::string::npos, r.out.c_str());
        const core::PosteriorFile file = core::readPosteriorFile(out);
        QCOMPARE(file.posteriors.size(), std::size_t(6));
        for (const core::StarPosterior& p : file.posteriors) {
            QVERIFY(p.fitted());
            QVERIFY2(std::abs(p.distancePc.median - 1000.0) < 20.0, qPrintable(QString::number(p.distancePc.median)));
            QVERIFY(p.distancePc.lower < p.distancePc.median && p.distancePc.median < p.distancePc.upper);
            QVERIFY(p.reddening.lower >= 0.0 && p.reddening.upper < 0.1);
            QCOMPARE(p.bandsUsed, 13);
            QVERIFY(p.parallaxUsed);
            // The labels are free inside the density's box (M does not depend on them).
            QVERIFY(p.teff.median >= 4950.0 && p.teff.median <= 6550.0);
        }
        QCOMPARE(file.metadata.modelFile, toyModel_);
        QCOMPARE(file.metadata.catalogFile, cleanCatalog_);
        QCOMPARE(file.metadata.densitySource, toyDensity_);
        QCOMPARE(int(file.metadata.grid.prior), int(core::LabelPrior::ValidRegion));
        QVERIFY(!file.metadata.starlocusVersion.empty());
        QCOMPARE(lineCount(csv), std::size_t(7)); // header + one row per star
        QVERIFY(!exists(out + ".lock") && !exists(csv + ".lock"));
    }

    void jsonSummary() {
        const Run r = fitToy(cleanCatalog_, path("toy_json.h5"), {"--json", "--theta-prior", "density",
                                                                   "--reddening-prior", "catalog"});
        QVERIFY2(r.code == 0, r.err.c_str());
        const json doc = json::parse(r.out);
        QCOMPARE(doc["stars"].get<int>(), 6);
        QCOMPARE(doc["status"]["fitted"].get<int>(), 6);
        QCOMPARE(doc["status"]["no_galactic_position"].get<int>(), 0);
        QVERIFY(doc["flags"].contains("poor_fit") && doc["flags"].contains("at_grid_edge"));
        QCOMPARE(doc["theta_prior"].get<std::string>(), std::string("density"));
        QCOMPARE(doc["reddening_prior"].get<std::string>(), std::string("catalog"));
        QVERIFY(doc["grid_nodes"].get<int>() > 0);
        QVERIFY(doc["grid_seconds"].get<double>() >= 0.0 && doc["fit_seconds"].get<double>() >= 0.0);
        QVERIFY(doc.contains("stars_per_second"));
        QVERIFY(!doc.contains("notes"));
    }

    // --threads changes nothing in the results (fixed chunking), and the environment the
    // option set for the run is put back.
    void threadsDoNotChangeTheResult() {
        qunsetenv("STARLOCUS_THREADS");
        const Run one = fitToy(cleanCatalog_, path("t1.h5"), {"--threads", "1"});
        const Run two = fitToy(cleanCatalog_, path("t2.h5"), {"--threads", "2"});
        QCOMPARE(one.code, 0);
        QCOMPARE(two.code, 0);
        QVERIFY(qgetenv("STARLOCUS_THREADS").isNull());
        const auto a = core::readPosteriorFile(path("t1.h5")).posteriors;
        const auto b = core::readPosteriorFile(path("t2.h5")).posteriors;
        for (std::size_t i = 0; i < a.size(); ++i) {
            QCOMPARE(a[i].teff.median, b[i].teff.median);
            QCOMPARE(a[i].mu.median, b[i].mu.median);
            QCOMPARE(a[i].chi2, b[i].chi2);
        }
        expectBadInput(fitToy(cleanCatalog_, path("t0.h5"), {"--threads", "0"}), "--threads", "1 … 256");
    }

    void densityFromATrainingCatalog() {
        const std::string out = path("kde.h5");
        const Run r = run({"fit-stars", "--model", toyModel_, "--catalog", cleanCatalog_, "--density-from-catalog",
                           cleanCatalog_, "--out", out, "--json"});
        QVERIFY2(r.code == 0, r.err.c_str());
        const json doc = json::parse(r.out);
        QCOMPARE(doc["status"]["fitted"].get<int>(), 6);
        QCOMPARE(core::readPosteriorFile(out).metadata.densitySource, "catalog KDE of " + cleanCatalog_);
    }

    // The Galactic distance prior on a catalog without l, b: every star says why it has no
    // posterior, and the command succeeds and says so (text and JSON).
    void galacticPriorWithoutPositions() {
        const std::string out = path("no_lb.h5");
        const Run r = fitToy(cleanCatalog_, out, {"--distance-prior", "galactic"});
        QVERIFY2(r.code == 0, r.err.c_str());
        QVERIFY2(r.out.find("no_galactic_position 6") != std::string::npos, r.out.c_str());
        QVERIFY2(r.out.find("note: the catalog has no Galactic l, b") != std::string::npos, r.out.c_str());
        QVERIFY2(r.out.find("--distance-prior flat") != std::string::npos, r.out.c_str());
        for (const auto& p : core::readPosteriorFile(out).posteriors)
            QCOMPARE(int(p.status), int(core::PosteriorStatus::NoGalacticPosition));
        const Run j = fitToy(cleanCatalog_, path("no_lb_json.h5"), {"--distance-prior", "galactic", "--json"});
        QCOMPARE(j.code, 0);
        const json doc = json::parse(j.out);
        QCOMPARE(doc["status"]["no_galactic_position"].get<int>(), 6);
        QVERIFY(doc.contains("notes") && doc["notes"].dump().find("no Galactic l, b") != std::string::npos);
    }

    // `starlocus-cli mock` writes each star's l, b; they lie where the star's survey looks
    // (LAMOST north of δ = −10°, GALAH south of +10°), and the Galactic prior then uses them.
    void mockSkyCarriesGalacticPosition() {
        const std::string sky = path("sky.h5");
        const Run m = run({"mock", "--stars", "60", "--seed", "5", "--out", sky});
        QVERIFY2(m.code == 0, m.err.c_str());
        const core::Catalog cat = core::readGreen2020Catalog(sky);
        QVERIFY(cat.galacticL && cat.galacticB);
        for (std::size_t i = 0; i < cat.size(); ++i) {
            const double l = (*cat.galacticL)[i], b = (*cat.galacticB)[i];
            QVERIFY2(l >= 0.0 && l < 360.0 && b >= -90.0 && b <= 90.0, qPrintable(QString("%1 %2").arg(l).arg(b)));
            const double sinDec = sinDeclination(l, b);
            if (cat.atmSource[i] == "lamost")
                QVERIFY(sinDec >= std::sin(-10.0 * kDeg) - 1e-9);
            if (cat.atmSource[i] == "galah")
                QVERIFY(sinDec <= std::sin(10.0 * kDeg) + 1e-9);
        }
        const std::string out = path("sky_fit.h5");
        const Run r = fitToy(sky, out, {"--distance-prior", "galactic", "--json"});
        QVERIFY2(r.code == 0, r.err.c_str());
        const json doc = json::parse(r.out);
        QCOMPARE(doc["status"]["no_galactic_position"].get<int>(), 0);
        QVERIFY(!doc.contains("notes"));
        QCOMPARE(core::readPosteriorFile(out).posteriors.size(), cat.size());
    }

    // ---- bad input: exit 2, one line naming the file or the option, nothing written ----

    void missingModel() {
        const std::string out = path("bad1.h5");
        const Run r = run({"fit-stars", "--model", path("absent_model.h5"), "--catalog", cleanCatalog_, "--density",
                           toyDensity_, "--out", out});
        expectBadInput(r, path("absent_model.h5"), "");
        QVERIFY(!exists(out));
    }

    void missingCatalog() {
        const std::string out = path("bad2.h5");
        expectBadInput(fitToy(path("absent_catalog.h5"), out), path("absent_catalog.h5"), "");
        QVERIFY(!exists(out));
    }

    void missingDensityFile() {
        const Run r = run({"fit-stars", "--model", toyModel_, "--catalog", cleanCatalog_, "--density",
                           path("absent_density.h5"), "--out", path("bad3.h5")});
        expectBadInput(r, path("absent_density.h5"), "");
    }

    void noDensityNeedsTheBoxPrior() {
        const std::string out = path("bad4.h5");
        const Run r = run({"fit-stars", "--model", toyModel_, "--catalog", cleanCatalog_, "--out", out});
        expectBadInput(r, "--density", "--theta-prior box");
        QVERIFY(!exists(out));
        const Run both = run({"fit-stars", "--model", toyModel_, "--catalog", cleanCatalog_, "--density", toyDensity_,
                              "--density-from-catalog", cleanCatalog_, "--out", out});
        expectBadInput(both, "--density-from-catalog", "at most one");
    }

    void unwritableOutput() {
        const std::string out = path("no_such_folder/post.h5");
        expectBadInput(fitToy(cleanCatalog_, out), "--out", "");
        // The output is one of the inputs: refused before anything is read or written.
        const QByteArray before = [&] {
            QFile f(QString::fromStdString(cleanCatalog_));
            return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
        }();
        expectBadInput(fitToy(cleanCatalog_, cleanCatalog_), "--out", "--catalog");
        QFile f(QString::fromStdString(cleanCatalog_));
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.readAll(), before);
        expectBadInput(fitToy(cleanCatalog_, path("same.h5"), {"--csv", path("same.h5")}), "--csv", "--out");
    }

    void badPriorName() {
        expectBadInput(fitToy(cleanCatalog_, path("bad5.h5"), {"--distance-prior", "exponential"}), "--distance-prior",
                       "flat, galactic");
    }

    // ---- the published model on the first 200 published stars ----

    void publishedStars() {
        std::string modelPath, normPath, catalogPath;
        STARLOCUS_PUBLISHED_PATHS(modelPath, normPath, catalogPath);
        STARLOCUS_SHARED_FILE(densityPath, "green2020/green2020_input_density.h5");
        const core::Catalog all = core::readGreen2020Catalog(catalogPath);
        core::Catalog first;
        const std::size_t n = 200;
        first.resize(n);
        for (std::size_t i = 0; i < n; ++i)
            first.copyStar(all, i, i);
        const std::string catalog = path("published_first200.h5");
        core::writeGreen2020Catalog(catalog, first, {test::kPublishedThetaMedian, test::kPublishedThetaStd});

        const std::string out = path("published_fit.h5");
        const Run r = run({"fit-stars", "--model", modelPath, "--normalization", normPath, "--catalog", catalog,
                           "--density", densityPath.toStdString(), "--out", out, "--json"});
        QVERIFY2(r.code == 0, r.err.c_str());
        const json doc = json::parse(r.out);
        const auto posteriors = core::readPosteriorFile(out).posteriors;
        QCOMPARE(posteriors.size(), n);
        std::size_t sum = 0;
        for (const auto& [name, count] : doc["status"].items())
            sum += count.get<std::size_t>();
        QCOMPARE(sum, n);

        // Against what the fit did not use: the spectroscopic labels, and (for a star with a
        // precise parallax) the distance 1/ϖ.
        std::vector<double> dTeff, dLogg, pullTeff;
        std::size_t fitted = 0, parallaxChecked = 0, parallaxAgrees = 0;
        for (std::size_t i = 0; i < n; ++i) {
            const core::StarPosterior& p = posteriors[i];
            if (!std::isfinite(first.mag[i][0]))
                QVERIFY2(!p.fitted(), "a star without G was fitted");
            if (!p.fitted())
                continue;
            ++fitted;
            QVERIFY(p.teff.lower <= p.teff.median && p.teff.median <= p.teff.upper);
            QVERIFY(p.reddening.lower >= 0.0);
            dTeff.push_back(std::abs(p.teff.median - first.theta[i][0]));
            dLogg.push_back(std::abs(p.logg.median - first.theta[i][1]));
            const double sigmaSpec = std::sqrt(first.thetaCov[i][0]);
            pullTeff.push_back(std::abs(p.teff.median - first.theta[i][0]) /
                               std::hypot(p.teff.sigma(), sigmaSpec));
            const double plx = first.parallaxMas[i], plxErr = first.parallaxErrMas[i];
            if (plx > 0.0 && plxErr > 0.0 && plx / plxErr > 20.0) {
                ++parallaxChecked;
                const double d = 1000.0 / plx;
                parallaxAgrees += std::abs(p.distancePc.median - d) < 0.15 * d ? 1 : 0;
            }
        }
        const double teffMedian = median(dTeff), loggMedian = median(dLogg), pullMedian = median(pullTeff);
        qInfo("published, first %zu stars: %zu fitted; median |ΔTeff| %.0f K, |Δlog g| %.3f dex, |pull Teff| %.2f; "
              "distance within 15 %% of 1/parallax for %zu of %zu stars with parallax S/N > 20; %.1f stars/s",
              n, fitted, teffMedian, loggMedian, pullMedian, parallaxAgrees, parallaxChecked,
              doc["stars_per_second"].get<double>());
        QVERIFY(fitted >= n * 9 / 10);
        QVERIFY2(teffMedian < 250.0, qPrintable(QString::number(teffMedian)));
        QVERIFY2(loggMedian < 0.3, qPrintable(QString::number(loggMedian)));
        QVERIFY(parallaxChecked > 0 && parallaxAgrees >= parallaxChecked * 9 / 10);
    }
};

QTEST_GUILESS_MAIN(TestCliFitStars)
#include "test_cli_fit_stars.moc"
