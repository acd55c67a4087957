// SPDX-License-Identifier: GPL-3.0-or-later
// starlocus-cli train: a short run on a synthetic sky writes a model that evaluate reads,
// the JSON summary has every promised key, resume continues a checkpoint, and bad input
// exits 2 with one line. Issue 14: every output is checked before training (never the
// input catalog, never a symlink, device or missing folder), locked against a second run,
// --resume refuses settings it would override, and --json reports the per-star rules.
#include "app/cli/cli.h"
#include "core/io/green2020_catalog.h"
#include "core/io/model_file.h"
#include "core/io/output_lock.h"
#include "core/mock/mock_sky.h"
#include "tests/support/cli_run.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <nlohmann/json.hpp>

#include <chrono>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <sys/stat.h>
#include <thread>
#include <unistd.h>

using starlocus::cli::runCli;
using Run = starlocus::test::CliRun;
static Run run(const std::vector<std::string>& args) { return starlocus::test::runCliCommand(args); }
namespace fs = std::filesystem;

static std::string bytesOf(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
}

// Exit 2 with one line that names `option` and contains each of `parts`.
static void expectRefused(const Run& r, const std::string& option, const std::vector<std::string>& parts) {
    QVERIFY2(r.code == 2, (std::to_string(r.code) + ": " + r.err).c_str());
    QVERIFY2(std::count(r.err.begin(), r.err.end(), '\n') == 1, r.err.c_str());
    QVERIFY2(r.err.find("option --" + option) != std::string::npos, r.err.c_str());
    for (const auto& part : parts)
        QVERIFY2(r.err.find(part) != std::string::npos, (r.err + " lacks: " + part).c_str());
}

class TestCliTrain : public QObject {
    Q_OBJECT
    QTemporaryDir dir_;
    std::string path(const char* name) { return dir_.filePath(name).toStdString(); }

private slots:
    void trainOnMockThenEvaluateAndResume() {
        const Run r = run({"train", "--mock", "3000", "--extinction", "linear", "--seed", "5", "--out", path("m.h5"),
                           "--iterations", "2", "--epochs", "2", "--threads", "1", "--log", path("log.csv"), "--json"});
        QVERIFY2(r.code == 0, r.err.c_str());
        const auto doc = nlohmann::json::parse(r.out);
        for (const char* key : {"train_loss", "val_loss", "test_chi2_dof_below5", "test_frac_above5", "R_mean_theta",
                                "wall_seconds", "epoch_stars_per_second"})
            QVERIFY2(doc.contains(key), key);
        QCOMPARE(doc["R_mean_theta"].size(), std::size_t(13));
        QVERIFY(std::isfinite(doc["train_loss"].get<double>()));
        QCOMPARE(doc["iterations_completed"].get<int>(), 2);
        // ~2,100 training stars in batches of 32 for 2 epochs: 2 × ⌈2100/32⌉ ≈ 130 steps per
        // iteration, far below what the scale of R needs; the run says so.
        bool advised = false;
        for (const auto& text : doc["messages"])
            advised = advised || text.get<std::string>().rfind("only ", 0) == 0;
        QVERIFY2(advised, doc["messages"].dump().c_str());
        QFile log(dir_.filePath("log.csv"));
        QVERIFY(log.open(QIODevice::ReadOnly));
        QCOMPARE(log.readAll().count('\n'), 1 + 4); // header + 2 × 2 epochs

        // The trained model is an ordinary model for predict.
        const Run p = run({"predict", "--model", path("m.h5"), "--teff", "5500", "--logg", "4", "--feh", "0", "--json"});
        QVERIFY2(p.code == 0, p.err.c_str());

        // Resuming the final checkpoint continues with its own configuration: nothing is left.
        const Run again = run({"train", "--mock", "3000", "--extinction", "linear", "--seed", "5", "--out",
                               path("m2.h5"), "--resume", path("m.h5.checkpoint.h5"), "--json"});
        QVERIFY2(again.code == 0, again.err.c_str());
        QCOMPARE(nlohmann::json::parse(again.out)["iterations_completed"].get<int>(), 2);

        // A checkpoint from another sky is refused in one line.
        const Run other = run({"train", "--mock", "2000", "--seed", "5", "--out", path("m3.h5"), "--resume",
                               path("m.h5.checkpoint.h5")});
        QCOMPARE(other.code, 2);
        QVERIFY(other.err.find("another catalog") != std::string::npos);
        // The mock's seed is also the run's: another one is a setting the checkpoint fixes.
        const Run otherSeed = run({"train", "--mock", "3000", "--seed", "6", "--out", path("m3.h5"), "--resume",
                                   path("m.h5.checkpoint.h5")});
        QCOMPARE(otherSeed.code, 2);
        QVERIFY2(otherSeed.err.find("--seed 6 (checkpoint: 5)") != std::string::npos, otherSeed.err.c_str());
    }

    // `train --out missing-dir/m.h5` failed only after the whole run; every output is now
    // checked first: nothing is trained (no log line written) when one cannot be written.
    void outputsAreCheckedBeforeTraining() {
        const std::vector<std::string> quick{"--mock",   "300", "--iterations", "1",
                                             "--epochs", "1",   "--threads",    "1"};
        const auto train = [&](std::vector<std::string> extra) {
            std::vector<std::string> args{"train"};
            args.insert(args.end(), quick.begin(), quick.end());
            args.insert(args.end(), extra.begin(), extra.end());
            return run(args);
        };
        expectRefused(train({"--out", path("missing-dir/m.h5"), "--log", path("early.csv")}), "out",
                      {path("missing-dir/m.h5"), "does not exist"});
        QVERIFY2(!fs::exists(path("early.csv")), "the run started before the output was checked");
        expectRefused(train({"--out", path("early-m.h5"), "--checkpoint", path("missing-dir/c.h5"), "--log",
                             path("early.csv")}),
                      "checkpoint", {path("missing-dir/c.h5"), "does not exist"});
        expectRefused(train({"--out", path("early-m.h5"), "--log", path("missing-dir/log.csv")}), "log",
                      {path("missing-dir/log.csv")});
        QVERIFY(!fs::exists(path("early.csv")) && !fs::exists(path("early-m.h5")));

        // A symlink, a FIFO (as a device would be) and a folder are never replaced.
        { std::ofstream(path("linked.h5")) << "the user's file"; }
        fs::create_symlink(path("linked.h5"), path("link.h5"));
        expectRefused(train({"--out", path("link.h5")}), "out", {path("link.h5"), "symbolic link"});
        QVERIFY(fs::is_symlink(fs::symlink_status(path("link.h5"))));
        QCOMPARE(bytesOf(path("linked.h5")), std::string("the user's file"));
        QVERIFY(::mkfifo(path("fifo").c_str(), 0600) == 0);
        expectRefused(train({"--out", path("fifo"), "--log", path("early.csv")}), "out",
                      {path("fifo"), "FIFO"});
        QVERIFY(fs::is_fifo(fs::symlink_status(path("fifo"))));
        expectRefused(train({"--out", path("early-m.h5"), "--log", path("fifo")}), "log", {"FIFO"});
        fs::create_directory(path("folder.h5"));
        expectRefused(train({"--out", path("folder.h5")}), "out", {"is a folder"});
        QVERIFY(!fs::exists(path("early.csv")));
    }

    // `train --catalog a.h5 --out a.h5` replaced the catalog with the model.
    void outputsAreNeverTheInputs() {
        QCOMPARE(run({"mock", "--stars", "300", "--seed", "2", "--out", path("sky.h5")}).code, 0);
        const std::string sky = bytesOf(path("sky.h5"));
        fs::create_hard_link(path("sky.h5"), path("sky-link.h5"));
        const std::vector<std::string> quick{"--iterations", "1", "--epochs", "1", "--threads", "1"};
        const auto train = [&](std::vector<std::string> args) {
            args.insert(args.begin(), "train");
            args.insert(args.end(), quick.begin(), quick.end());
            return run(args);
        };
        expectRefused(train({"--catalog", path("sky.h5"), "--out", path("sky.h5")}), "out",
                      {path("sky.h5"), "is also the --catalog file"});
        expectRefused(train({"--catalog", path("sky.h5"), "--out", dir_.path().toStdString() + "/./sky.h5"}),
                      "out", {"is also the --catalog file"});
        expectRefused(train({"--catalog", path("sky.h5"), "--out", path("sky-link.h5")}), "out",
                      {"is also the --catalog file"});
        expectRefused(
            train({"--catalog", path("sky.h5"), "--out", path("own-m.h5"), "--log", path("sky-link.h5")}),
            "log", {"is also the --catalog file"});
        expectRefused(
            train({"--catalog", path("sky.h5"), "--out", path("own-m.h5"), "--checkpoint", path("sky.h5")}),
            "checkpoint", {"is also the --catalog file"});
        expectRefused(
            train({"--catalog", path("sky.h5"), "--out", path("own-m.h5"), "--checkpoint", path("own-m.h5")}),
            "checkpoint", {"is also the --out file"});
        expectRefused(train({"--catalog", path("sky.h5"), "--out", path("own-m.h5"), "--log",
                             path("own-m.h5.checkpoint.h5")}),
                      "log", {"is also the --checkpoint file"});
        QCOMPARE(bytesOf(path("sky.h5")), sky); // the catalog is untouched

        // A real checkpoint: the model may not replace it, the next checkpoints may.
        Run r = train({"--catalog", path("sky.h5"), "--out", path("own-m.h5")});
        QVERIFY2(r.code == 0, r.err.c_str());
        expectRefused(train({"--catalog", path("sky.h5"), "--out", path("own-m.h5.checkpoint.h5"), "--resume",
                             path("own-m.h5.checkpoint.h5")}),
                      "out", {"is also the --resume file"});
        r = train({"--catalog", path("sky.h5"), "--out", path("own-m.h5"), "--resume",
                   path("own-m.h5.checkpoint.h5")});
        QVERIFY2(r.code == 0, r.err.c_str());
        QCOMPARE(bytesOf(path("sky.h5")), sky);
    }

    // Two runs with the same --out raced silently; the second now stops at once.
    void aSecondRunWithTheSameOutputStopsAtOnce() {
        const std::string out = path("busy.h5");
        {
            const starlocus::core::OutputLock running(out); // as a run in progress holds it
            const auto t0 = std::chrono::steady_clock::now();
            const Run r =
                run({"train", "--mock", "3000", "--out", out, "--iterations", "1", "--epochs", "1"});
            expectRefused(
                r, "out",
                {"another StarLocus run is writing " + out + " (pid " + std::to_string(::getpid()) + ")"});
            QVERIFY(std::chrono::steady_clock::now() - t0 < std::chrono::seconds(2));
        }
        // Two real runs: the first holds the lock from before its catalog is made to its save.
        Run first{};
        std::thread running([&] {
            first = run({"train", "--mock", "2000", "--seed", "3", "--out", out, "--iterations", "2",
                         "--epochs", "3", "--threads", "1"});
        });
        const std::string lockFile = starlocus::core::OutputLock::lockPathFor(out);
        const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
        while (!fs::exists(lockFile) && std::chrono::steady_clock::now() < deadline)
            std::this_thread::sleep_for(std::chrono::milliseconds(1));
        const Run second =
            run({"train", "--mock", "500", "--out", out, "--iterations", "1", "--epochs", "1"});
        running.join();
        QVERIFY2(first.code == 0, first.err.c_str());
        expectRefused(second, "out", {"another StarLocus run is writing " + out});
        QVERIFY(!fs::exists(lockFile)); // removed at the end of the first run
        const Run third = run({"train", "--mock", "500", "--out", out, "--iterations", "1", "--epochs", "1"});
        QVERIFY2(third.code == 0, third.err.c_str());
    }

    // --resume took the checkpoint's schedule whatever --iterations or --epochs said.
    void resumeRefusesSettingsItWouldOverride() {
        const std::vector<std::string> sky{"--mock", "800", "--seed", "4", "--extinction", "linear"};
        const auto train = [&](std::vector<std::string> args) {
            args.insert(args.begin(), sky.begin(), sky.end());
            args.insert(args.begin(), "train");
            return run(args);
        };
        Run r = train({"--out", path("r.h5"), "--iterations", "2", "--epochs", "1", "--threads", "1"});
        QVERIFY2(r.code == 0, r.err.c_str());
        const std::string ckpt = path("r.h5.checkpoint.h5");
        r = train({"--out", path("r2.h5"), "--resume", ckpt, "--iterations", "5", "--epochs", "3", "--lr",
                   "0.01", "--hidden", "16,16"});
        expectRefused(r, "resume",
                      {ckpt, "--iterations 5 (checkpoint: 2)", "--epochs 3 (checkpoint: 1)",
                       "--lr 0.01 (checkpoint: 0.001)", "--hidden 16,16 (checkpoint: 32,32)"});
        QVERIFY(!fs::exists(path("r2.h5")));
        // The checkpoint's own values are no conflict, and --threads may change.
        r = train({"--out", path("r2.h5"), "--resume", ckpt, "--iterations", "2", "--epochs", "1", "--lr",
                   "1e-3", "--threads", "2", "--json"});
        QVERIFY2(r.code == 0, r.err.c_str());
        const auto record = starlocus::core::loadTrainingRecord(path("r2.h5"));
        QVERIFY(record.has_value());
        QCOMPARE(record->config.threads, 2);
        QCOMPARE(record->config.iterations, 2);
    }

    // `train --json` did not report how many stars each per-star rule touched.
    void jsonReportsThePerStarRules() {
        starlocus::core::MockSkyConfig config;
        config.starCount = 600;
        config.extinction = starlocus::core::ExtinctionMode::Linear;
        const starlocus::core::MockSky mock(config, 9);
        starlocus::core::Catalog cat = mock.catalog();
        for (std::size_t i = 0; i < cat.size(); ++i) // the sky has none of the defects made below
            QVERIFY(std::isfinite(cat.mag[i][0]) && std::isfinite(cat.theta[i][0]) &&
                    std::isfinite(cat.theta[i][1]));
        for (std::size_t i : {10, 20, 30})
            cat.mag[i][0] = std::nan("");
        for (std::size_t i : {40, 50})
            cat.theta[i][1] = std::nan("");
        starlocus::core::writeGreen2020Catalog(path("defects.h5"), cat, mock.normalization());
        const std::vector<std::string> args{
            "train",    "--catalog", path("defects.h5"), "--out", path("d.h5"), "--iterations", "1",
            "--epochs", "1",         "--threads",        "1"};
        Run r = run(args);
        QVERIFY2(r.code == 0, r.err.c_str());
        QVERIFY2(r.out.find("excluded_missing_G: 3") != std::string::npos, r.out.c_str());
        std::vector<std::string> withJson = args;
        withJson.push_back("--json");
        for (const auto& extra :
             {std::vector<std::string>{}, std::vector<std::string>{"--resume", path("d.h5.checkpoint.h5")}}) {
            std::vector<std::string> a = withJson;
            a.insert(a.end(), extra.begin(), extra.end());
            r = run(a);
            QVERIFY2(r.code == 0, r.err.c_str());
            const auto doc = nlohmann::json::parse(r.out);
            QVERIFY2(doc.contains("defects"), r.out.c_str());
            const auto& d = doc["defects"];
            QCOMPARE(d["excluded_missing_G"].get<int>(), 3);
            QCOMPARE(d["excluded_bad_labels"].get<int>(), 2);
            QVERIFY(d["excluded_total"].get<int>() >= 5);
            for (const char* key : {"parallax_dropped_low_snr", "band_values_unobserved",
                                    "reddening_clipped_at_0", "reddening_variance_floored"})
                QVERIFY2(d.contains(key), key);
        }
    }

    // Paths are bytes: a non-UTF-8 --out made `train --json` end with exit 1 and the JSON
    // library's message after the whole run.
    void jsonWithANonUtf8Path() {
        const std::string out = dir_.path().toStdString() + "/model-\xff.h5"; // not through QString: kept as bytes
        const Run r = run({"train", "--mock", "300", "--out", out, "--iterations", "1", "--epochs", "1", "--threads",
                           "1", "--json"});
        QVERIFY2(r.code == 0, r.err.c_str());
        const auto doc = nlohmann::json::parse(r.out);
        QCOMPARE(doc["out"].get<std::string>(), dir_.path().toStdString() + "/model-\xef\xbf\xbd.h5"); // U+FFFD
        QVERIFY(fs::exists(out));
    }

    // With no validation star the validation loss has no value: the text says so (it printed
    // "nan", earlier a number), JSON has null and the CSV log an empty field.
    void noValidationStarMeansNoValidationLoss() {
        const std::vector<std::string> args{"train", "--mock", "300", "--iterations", "1", "--epochs", "2",
                                            "--validation-fraction", "0", "--threads", "1"};
        std::vector<std::string> textArgs = args;
        textArgs.insert(textArgs.end(), {"--out", path("nv-text.h5"), "--log", path("nv.csv")});
        const Run text = run(textArgs);
        QVERIFY2(text.code == 0, text.err.c_str());
        QVERIFY2(text.out.find("validation loss no value") != std::string::npos, text.out.c_str());
        QVERIFY2(text.out.find("nan") == std::string::npos, text.out.c_str());
        std::istringstream log(bytesOf(path("nv.csv")));
        std::string line;
        std::getline(log, line); // header
        int rows = 0;
        while (std::getline(log, line)) {
            ++rows;
            std::vector<std::string> fields;
            std::stringstream cells(line);
            for (std::string cell; std::getline(cells, cell, ',');)
                fields.push_back(cell);
            QVERIFY2(fields.size() >= 4 && !fields[2].empty() && fields[3].empty(), line.c_str());
        }
        QCOMPARE(rows, 2);
        std::vector<std::string> jsonArgs = args;
        jsonArgs.insert(jsonArgs.end(), {"--out", path("nv-json.h5"), "--json"});
        const Run json = run(jsonArgs);
        QVERIFY2(json.code == 0, json.err.c_str());
        const auto doc = nlohmann::json::parse(json.out);
        QVERIFY(doc["val_loss"].is_null());
        QVERIFY(doc["train_loss"].is_number());
    }

    // The default schedule is chosen from the catalog and said (text and JSON); the model file
    // keeps "auto"; a fixed number is one option away; anything else is refused naming it.
    void epochsAutoIsChosenAndPrinted() {
        const Run r = run({"train", "--mock", "700", "--seed", "4", "--out", path("auto.h5"), "--iterations", "1",
                           "--threads", "1", "--json"});
        QVERIFY2(r.code == 0, r.err.c_str());
        const auto schedule = nlohmann::json::parse(r.out)["schedule"];
        QVERIFY(schedule["automatic"].get<bool>());
        const auto train = schedule["training_stars"].get<std::size_t>();
        QVERIFY(train > 300 && train < 500); // ~70 % of 700
        QCOMPARE(schedule["steps_per_epoch"].get<std::size_t>(), (train + 31) / 32);
        QCOMPARE(schedule["epochs_per_iteration"].get<int>(), 500); // 50,000 steps would need > 3,000: the cap
        const auto record = starlocus::core::loadTrainingRecord(path("auto.h5"));
        QVERIFY(record.has_value());
        QCOMPARE(record->config.epochsPerIteration, 0); // "auto" in the file's config
        QCOMPARE(int(record->history.epochs.size()), 500);

        const Run text = run({"train", "--mock", "700", "--seed", "4", "--out", path("fixed.h5"), "--iterations", "1",
                              "--epochs", "2", "--threads", "1"});
        QVERIFY2(text.code == 0, text.err.c_str());
        QVERIFY2(text.out.find("schedule: 1 iterations, 2 epochs per iteration (fixed)") != std::string::npos,
                 text.out.c_str());
        const Run word = run({"train", "--mock", "700", "--seed", "4", "--out", path("auto2.h5"), "--iterations", "1",
                              "--epochs", "auto", "--threads", "1"});
        QVERIFY2(word.code == 0, word.err.c_str());
        QVERIFY2(word.out.find("schedule: 1 iterations, 500 epochs per iteration (automatic: " + std::to_string(train) +
                               " training stars") != std::string::npos,
                 word.out.c_str());
        expectRefused(run({"train", "--mock", "100", "--out", path("x.h5"), "--epochs", "many"}), "epochs",
                      {"neither auto nor a whole number"});
        expectRefused(run({"train", "--mock", "100", "--out", path("x.h5"), "--epochs", "-3"}), "epochs",
                      {"must be auto or between 1 and 10000"});
        const Run help = run({"--help"});
        QVERIFY2(help.out.find("--epochs auto|N") != std::string::npos, help.out.c_str());
    }

    void badInput() {
        Run r = run({"train", "--out", path("x.h5")});
        QCOMPARE(r.code, 2);
        QVERIFY(r.err.find("exactly one of --catalog") != std::string::npos);
        r = run({"train", "--mock", "100", "--out", path("x.h5"), "--batch", "0"});
        QCOMPARE(r.code, 2);
        QVERIFY(r.err.find("batch") != std::string::npos);
        r = run({"train", "--mock", "100", "--out", path("x.h5"), "--hidden", "32,x"});
        QCOMPARE(r.code, 2);
        QFile bad(dir_.filePath("bad.h5"));
        QVERIFY(bad.open(QIODevice::WriteOnly));
        bad.write("not a checkpoint");
        bad.close();
        r = run({"train", "--mock", "100", "--out", path("x.h5"), "--resume", path("bad.h5")});
        QCOMPARE(r.code, 2);
        QVERIFY(r.err.find(path("bad.h5")) != std::string::npos);
        QVERIFY(std::count(r.err.begin(), r.err.end(), '\n') == 1);
    }
};

QTEST_GUILESS_MAIN(TestCliTrain)
#include "test_cli_train.moc"
