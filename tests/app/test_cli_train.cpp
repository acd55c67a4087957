// SPDX-License-Identifier: GPL-3.0-or-later
// starlocus-cli train: a short run on a synthetic sky writes a model that evaluate reads,
// the JSON summary has every promised key, resume continues a checkpoint, and bad input
// exits 2 with one line.
#include "app/cli/cli.h"
#include "tests/support/cli_run.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <nlohmann/json.hpp>

#include <cmath>
#include <sstream>

using starlocus::cli::runCli;
using Run = starlocus::test::CliRun;
static Run run(const std::vector<std::string>& args) { return starlocus::test::runCliCommand(args); }

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
        const Run other = run({"train", "--mock", "2000", "--seed", "6", "--out", path("m3.h5"), "--resume",
                               path("m.h5.checkpoint.h5")});
        QCOMPARE(other.code, 2);
        QVERIFY(other.err.find("another catalog") != std::string::npos);
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
