// SPDX-License-Identifier: GPL-3.0-or-later
// `mpirun -np 2 starlocus-cli train` (issue 17, docs/SCALING.md): bit-identical weights, Adam
// moments and per-star state to the one-process run that simulates two ranks; a rank that
// dies ends the job with a clear message and leaves the last checkpoint intact, which then
// resumes on one process, and on two ranks as on two simulated ones. Needs a build with MPI
// (STARLOCUS_MPI) and mpirun: skipped, saying what to install, without them; with
// STARLOCUS_REQUIRE_MPI=1 (CI) their absence fails.
#include "core/io/model_file.h"
#include "core/io/training_checkpoint.h"
#include "core/training/mpi_ranks.h"

#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <cmath>

using namespace starlocus;

namespace {

struct Run {
    int code = -1;
    QString out, err;
};

// A small sky and a short schedule: 2 × 3 epochs on ~1,400 training stars (44 steps per epoch).
QStringList trainArgs(const QString& out) {
    return {"train", "--mock", "2000", "--extinction", "linear", "--seed", "5", "--iterations", "2", "--epochs", "3",
            "--threads", "1", "--out", out};
}

bool sameValues(const std::vector<double>& a, const std::vector<double>& b) {
    return std::equal(a.begin(), a.end(), b.begin(), b.end(),
                      [](double x, double y) { return x == y || (std::isnan(x) && std::isnan(y)); });
}

} // namespace

class TestCliTrainMpi : public QObject {
    Q_OBJECT
    QTemporaryDir dir_;
    QString mpirun_;

    QString path(const char* name) const { return dir_.filePath(name); }

    Run launch(const QString& program, const QStringList& args, const QProcessEnvironment& extra = {}) {
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        // Stay on this machine (shared memory), and allow root (CI runs as root).
        env.insert("OMPI_MCA_btl", "self,vader");
        env.insert("OMPI_MCA_oob_tcp_if_include", "lo");
        env.insert("OMPI_MCA_btl_tcp_if_include", "lo");
        env.insert("OMPI_ALLOW_RUN_AS_ROOT", "1");
        env.insert("OMPI_ALLOW_RUN_AS_ROOT_CONFIRM", "1");
        env.insert("OMPI_MCA_rmaps_base_oversubscribe", "1"); // 2 ranks on a 1-core runner
        for (const QString& key : extra.keys())
            env.insert(key, extra.value(key));
        p.setProcessEnvironment(env);
        p.start(program, args);
        if (!p.waitForFinished(300000)) {
            p.kill();
            p.waitForFinished();
        }
        return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, QString::fromUtf8(p.readAllStandardOutput()),
                QString::fromUtf8(p.readAllStandardError())};
    }
    Run cli(const QStringList& args) { return launch(STARLOCUS_CLI_EXE, args); }
    Run mpi(int ranks, const QStringList& args, const QProcessEnvironment& extra = {}) {
        return launch(mpirun_, QStringList{"-np", QString::number(ranks), STARLOCUS_CLI_EXE} + args, extra);
    }

    static void requireSame(const core::TrainingCheckpoint& a, const core::TrainingCheckpoint& b) {
        QVERIFY(a.parameters == b.parameters);
        QVERIFY(a.adam.m == b.adam.m);
        QVERIFY(a.adam.v == b.adam.v);
        QCOMPARE(a.adam.step, b.adam.step);
        QVERIFY(a.state.inUse == b.state.inUse);
        QVERIFY(sameValues(a.state.reddening, b.state.reddening));
        QVERIFY(sameValues(a.state.chi2Dof, b.state.chi2Dof));
        QCOMPARE(a.history.epochs.size(), b.history.epochs.size());
        for (std::size_t k = 0; k < a.history.epochs.size(); ++k) {
            QCOMPARE(a.history.epochs[k].trainLoss, b.history.epochs[k].trainLoss);
            QVERIFY(a.history.epochs[k].validationLoss == b.history.epochs[k].validationLoss);
        }
    }

private slots:
    void initTestCase() {
        QVERIFY(dir_.isValid());
        mpirun_ = QStandardPaths::findExecutable("mpirun");
        QString missing;
        if (!core::mpiBuilt())
            missing = "this build has no MPI (install libopenmpi-dev openmpi-bin, then configure with "
                      "-DSTARLOCUS_MPI=ON)";
        else if (mpirun_.isEmpty())
            missing = "mpirun is not installed (install openmpi-bin)";
        if (missing.isEmpty())
            return;
        if (qEnvironmentVariableIntValue("STARLOCUS_REQUIRE_MPI") != 0)
            QFAIL(qPrintable(missing));
        QSKIP(qPrintable(missing));
    }

    // The free shuffle (the paper's) and the block shuffle, whose blocks each rank walks in
    // its own part of the sample layout.
    void twoRanksAreTheSimulatedTwo_data() {
        QTest::addColumn<QStringList>("order");
        QTest::newRow("free shuffle") << QStringList{"--shuffle-block", "full"};
        QTest::newRow("blocks of 256") << QStringList{"--shuffle-block", "256"};
    }
    void twoRanksAreTheSimulatedTwo() {
        QFETCH(QStringList, order);
        const QString tag = QString::fromUtf8(QTest::currentDataTag()).replace(' ', '_');
        const QString mpiOut = dir_.filePath(tag + "_mpi.h5"), simOut = dir_.filePath(tag + "_sim.h5"),
                      oneOut = dir_.filePath(tag + "_one.h5");
        const Run m = mpi(2, trainArgs(mpiOut) + order + QStringList{"--json"});
        QVERIFY2(m.code == 0, qPrintable(m.err));
        QVERIFY2(m.out.count("\"ranks\": 2") == 1 || m.out.count("\"ranks\":2") == 1, qPrintable(m.out)); // rank 0 alone reports
        const Run s = cli(trainArgs(simOut) + order + QStringList{"--simulate-ranks", "2"});
        QVERIFY2(s.code == 0, qPrintable(s.err));
        const auto a = core::loadTrainingRecord(mpiOut.toStdString());
        const auto b = core::loadTrainingRecord(simOut.toStdString());
        QVERIFY(a && b);
        QCOMPARE(a->config.shuffleBlockStars, order.last() == "full" ? core::kFullShuffle : 256);
        requireSame(*a, *b);
        // One process without simulation rounds each step's sum differently: close, not equal.
        const Run one = cli(trainArgs(oneOut) + order);
        QVERIFY2(one.code == 0, qPrintable(one.err));
        const auto c = core::loadTrainingRecord(oneOut.toStdString());
        QVERIFY(c && c->parameters != a->parameters);
        float worst = 0.0f;
        for (std::size_t k = 0; k < a->parameters.size(); ++k)
            worst = std::max(worst, std::fabs(a->parameters[k] - c->parameters[k]));
        QVERIFY2(worst < 1e-3f, qPrintable(QString::number(worst)));
    }

    void aDyingRankEndsTheJobAndTheCheckpointResumes() {
        const QString out = path("killed.h5"), ckpt = path("killed.h5.checkpoint.h5");
        QProcessEnvironment hook;
        // Iteration 1 takes 3 × (44 steps + 1 validation) = 135 exact sums: rank 1 dies in iteration 2.
        hook.insert("STARLOCUS_TEST_MPI_EXIT", "1:200");
        const Run killed = mpi(2, trainArgs(out), hook);
        QVERIFY(killed.code != 0);
        QVERIFY2(killed.err.contains("starlocus-cli train: rank 0 of 2: the job was ended from outside"),
                 qPrintable(killed.err));
        QVERIFY2(killed.err.contains("--resume " + ckpt), qPrintable(killed.err));
        QVERIFY(!QFile::exists(out));
        const core::TrainingCheckpoint cp = core::loadTrainingCheckpoint(ckpt.toStdString());
        QCOMPARE(cp.completedIterations, 1);

        // On one process (no mpirun at all) ...
        const Run alone = cli({"train", "--mock", "2000", "--extinction", "linear", "--seed", "5", "--out",
                               path("alone.h5"), "--resume", ckpt, "--checkpoint", path("alone.ckpt.h5"), "--json"});
        QVERIFY2(alone.code == 0, qPrintable(alone.err));
        QVERIFY(alone.out.contains("\"iterations_completed\": 2") || alone.out.contains("\"iterations_completed\":2"));
        // ... and on two ranks, bit for bit as on two simulated ones.
        const QStringList resume{"train", "--mock", "2000", "--extinction", "linear", "--seed", "5", "--resume", ckpt};
        const Run m = mpi(2, resume + QStringList{"--out", path("r_mpi.h5"), "--checkpoint", path("r_mpi.ckpt.h5")});
        QVERIFY2(m.code == 0, qPrintable(m.err));
        const Run s = cli(resume + QStringList{"--out", path("r_sim.h5"), "--checkpoint", path("r_sim.ckpt.h5"),
                                               "--simulate-ranks", "2"});
        QVERIFY2(s.code == 0, qPrintable(s.err));
        const auto a = core::loadTrainingRecord(path("r_mpi.h5").toStdString());
        const auto b = core::loadTrainingRecord(path("r_sim.h5").toStdString());
        QVERIFY(a && b);
        QCOMPARE(a->completedIterations, 2);
        requireSame(*a, *b);
    }

    // More ranks than stars: refused by every rank together, said once.
    void moreRanksThanStarsAreRefused() {
        const Run r = mpi(3, {"train", "--mock", "2", "--out", path("tiny.h5"), "--iterations", "1", "--epochs", "1"});
        QCOMPARE(r.code, 2);
        QCOMPARE(r.err.count("starlocus-cli train: 3 ranks for 2 stars"), 1);
    }
};

QTEST_GUILESS_MAIN(TestCliTrainMpi)
#include "test_cli_train_mpi.moc"
