// SPDX-License-Identifier: GPL-3.0-or-later
// TrainingController: start / pause / resume / stop sequences and resuming from a
// checkpoint on a small synthetic sky, and failures that become messages. Counts are
// checked against the schedule given (iterations × epochs), the checkpoint against what
// the core reads back from disk.
#include "core/io/training_checkpoint.h"
#include "tests/ui/training/training_test_sky.h"
#include "ui/training/training_controller.h"

#include <QFileInfo>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using starlocus::ui::TrainingController;
using starlocus::ui::TrainingJob;
using starlocus::ui::TrainingOutcome;
using State = TrainingController::State;
namespace core = starlocus::core;
namespace test = starlocus::test;

namespace {

constexpr int kRunTimeoutMs = 120000; // a generous bound for a loaded machine, not a timing test

TrainingJob job(const QString& checkpoint, int iterations, int epochs) {
    static const auto sky = test::smallSky();
    return {sky, test::quickSchedule(iterations, epochs), checkpoint, {}};
}

TrainingOutcome outcomeOf(const QSignalSpy& finished) {
    return finished.first().first().value<TrainingOutcome>();
}

} // namespace

class TestTrainingController : public QObject {
    Q_OBJECT
private slots:
    void runsTheWholeSchedule() {
        QTemporaryDir dir;
        const QString checkpoint = dir.filePath(QStringLiteral("run.h5"));
        TrainingController controller;
        QSignalSpy epochs(&controller, &TrainingController::epochFinished);
        QSignalSpy iterations(&controller, &TrainingController::iterationFinished);
        QSignalSpy finished(&controller, &TrainingController::finished);
        QSignalSpy failed(&controller, &TrainingController::failed);
        QVERIFY(controller.start(job(checkpoint, 2, 2)));
        QCOMPARE(controller.state(), State::Running);
        QVERIFY(!controller.start(job(checkpoint, 2, 2))); // one run at a time
        QTRY_COMPARE_WITH_TIMEOUT(finished.count() + failed.count(), 1, kRunTimeoutMs);
        QCOMPARE(failed.count(), 0);
        QCOMPARE(controller.state(), State::Idle);
        QCOMPARE(epochs.count(), 2 * 2);
        QCOMPARE(iterations.count(), 2);
        for (int i = 0; i < epochs.count(); ++i) {
            const auto e = epochs.at(i).first().value<core::EpochEvent>();
            QCOMPARE(e.globalEpoch, i + 1);
            QCOMPARE(e.iteration, i / 2 + 1);
            QVERIFY(e.model); // a snapshot with every epoch
            QVERIFY(std::isfinite(e.trainLoss) && e.trainLoss > 0);
        }
        const TrainingOutcome outcome = outcomeOf(finished);
        QVERIFY(!outcome.stopped);
        QVERIFY(outcome.model && outcome.final);
        QCOMPARE(outcome.final->completedIterations, 2);
        QVERIFY(QFileInfo::exists(checkpoint));
        QCOMPARE(core::loadTrainingCheckpoint(checkpoint.toStdString()).completedIterations, 2);
    }

    // Paused before its first mini-batch (the flag is set before the worker reads it), the
    // run cannot finish an epoch: none arrives until it is resumed, then all of them do.
    void pauseHoldsTheRunAndResumeFinishesIt() {
        QTemporaryDir dir;
        TrainingController controller;
        QSignalSpy epochs(&controller, &TrainingController::epochFinished);
        QSignalSpy finished(&controller, &TrainingController::finished);
        QVERIFY(controller.start(job(dir.filePath(QStringLiteral("run.h5")), 2, 3)));
        controller.pause();
        QCOMPARE(controller.state(), State::Paused);
        QTest::qWait(1000); // observe that nothing moves (no timing is asserted)
        QCOMPARE(epochs.count(), 0);
        QCOMPARE(finished.count(), 0);
        controller.resume();
        QCOMPARE(controller.state(), State::Running);
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, kRunTimeoutMs);
        QCOMPARE(epochs.count(), 2 * 3);
        QVERIFY(!outcomeOf(finished).stopped);
    }

    void stopKeepsTheLastCheckpointAndResumeContinuesIt() {
        QTemporaryDir dir;
        const QString checkpoint = dir.filePath(QStringLiteral("run.h5"));
        TrainingController controller;
        QSignalSpy iterations(&controller, &TrainingController::iterationFinished);
        QSignalSpy finished(&controller, &TrainingController::finished);
        // Stop as soon as the first iteration is checkpointed (the slot runs on this thread).
        connect(&controller, &TrainingController::iterationFinished, &controller, &TrainingController::stop);
        QVERIFY(controller.start(job(checkpoint, 8, 2)));
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, kRunTimeoutMs);
        const TrainingOutcome stopped = outcomeOf(finished);
        QVERIFY(stopped.stopped);
        const int done = stopped.final->completedIterations;
        QVERIFY(done >= 1 && done < 8); // the stop lands long before the schedule ends
        QCOMPARE(core::loadTrainingCheckpoint(checkpoint.toStdString()).completedIterations, done);

        controller.disconnect(&controller);
        QSignalSpy restored(&controller, &TrainingController::historyRestored);
        TrainingJob resume = job(checkpoint, 8, 2);
        resume.resumeCheckpointPath = checkpoint;
        QVERIFY(controller.start(resume));
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 2, kRunTimeoutMs);
        QCOMPARE(restored.count(), 1);
        QCOMPARE(int(restored.first().first().value<core::TrainingHistory>().epochs.size()), done * 2);
        const auto final = finished.at(1).first().value<TrainingOutcome>();
        QVERIFY(!final.stopped);
        QCOMPARE(final.final->completedIterations, 8);
        QCOMPARE(int(final.final->history.epochs.size()), 8 * 2);
    }

    void stopWhilePausedEndsTheRun() {
        QTemporaryDir dir;
        TrainingController controller;
        QSignalSpy epochs(&controller, &TrainingController::epochFinished);
        QSignalSpy finished(&controller, &TrainingController::finished);
        QVERIFY(controller.start(job(dir.filePath(QStringLiteral("run.h5")), 2, 3)));
        controller.pause();
        controller.stop();
        QCOMPARE(controller.state(), State::Stopping);
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, kRunTimeoutMs);
        const TrainingOutcome outcome = outcomeOf(finished);
        QVERIFY(outcome.stopped);
        QCOMPARE(outcome.final->completedIterations, 0);
        QCOMPARE(epochs.count(), 0);
        QCOMPARE(controller.state(), State::Idle);
    }

    void failuresBecomeMessages() {
        TrainingController controller;
        QSignalSpy failed(&controller, &TrainingController::failed);
        // A missing checkpoint: the message names the file.
        TrainingJob missing = job({}, 1, 1);
        missing.resumeCheckpointPath = QStringLiteral("/nonexistent/run.h5");
        QVERIFY(controller.start(missing));
        QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 1, kRunTimeoutMs);
        QVERIFY(failed.first().first().toString().contains(QStringLiteral("/nonexistent/run.h5")));
        QCOMPARE(controller.state(), State::Idle);

        // A catalog without stars: no usable training star.
        auto empty = std::make_shared<core::Catalog>();
        empty->sourceFile = "empty.h5";
        QVERIFY(controller.start({empty, test::quickSchedule(1, 1), {}, {}}));
        QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 2, kRunTimeoutMs);
        QVERIFY(!failed.at(1).first().toString().isEmpty());

        // A checkpoint of another catalog.
        QTemporaryDir dir;
        const QString checkpoint = dir.filePath(QStringLiteral("run.h5"));
        QSignalSpy finished(&controller, &TrainingController::finished);
        QVERIFY(controller.start(job(checkpoint, 1, 1)));
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, kRunTimeoutMs);
        QVERIFY(controller.start({test::smallSky(2000, 99), test::quickSchedule(1, 1), {}, checkpoint}));
        QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 3, kRunTimeoutMs);
        QVERIFY(failed.at(2).first().toString().contains(QStringLiteral("another catalog")));
    }
};

QTEST_MAIN(TestTrainingController)
#include "test_training_controller.moc"
