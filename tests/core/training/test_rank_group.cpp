// SPDX-License-Identifier: GPL-3.0-or-later
// Data-parallel training in one process (core/training/rank_group.h): the star blocks and the
// exact sums against hand-worked values; a run on simulated ranks is deterministic whatever
// the threads, stays within rounding of the one-process run, resumes exactly on the same
// number of ranks and completes on another; more ranks than stars are refused.
#include "core/io/training_checkpoint.h"
#include "core/mock/mock_sky.h"
#include "core/training/rank_group.h"
#include "core/training/trainer.h"
#include "tests/core/training/short_training_run.h"

#include <QTemporaryDir>
#include <QTest>

#include <cmath>

using namespace starlocus::core;

namespace {

struct StopAfter : TrainingObserver {
    TrainingControl* control = nullptr;
    int iteration = 0;
    void onIteration(const IterationEvent& e) override {
        if (control && e.iteration == iteration)
            control->stopRequested = true;
    }
};

const Catalog& sky() { return starlocus::test::shortRunSky(); }

TrainingConfig shortRun(int threads) {
    TrainingConfig c = starlocus::test::shortRunConfig(threads);
    return c;
}

TrainingResult trainOn(RankGroup& ranks, const TrainingConfig& config, const std::string& checkpoint = {},
                       const TrainingCheckpoint* resume = nullptr, int stopAfter = 0) {
    Trainer trainer(sky(), config);
    trainer.setRanks(ranks);
    trainer.setCheckpointPath(checkpoint);
    if (resume)
        trainer.resumeFrom(*resume);
    TrainingControl control;
    StopAfter observer;
    observer.control = &control;
    observer.iteration = stopAfter;
    return trainer.run(observer, control);
}

} // namespace

class TestRankGroup : public QObject {
    Q_OBJECT
private slots:
    void blocksAreContiguousAndCoverTheCatalog() {
        // ⌊10·r/3⌋ = 0, 3, 6, 10.
        QCOMPARE(starRangeOf(0, 3, 10).begin, std::size_t(0));
        QCOMPARE(starRangeOf(0, 3, 10).end, std::size_t(3));
        QCOMPARE(starRangeOf(1, 3, 10).end, std::size_t(6));
        QCOMPARE(starRangeOf(2, 3, 10).end, std::size_t(10));
        QCOMPARE(starRangeOf(7, 8, 9).begin, std::size_t(7)); // ⌊9·7/8⌋ = 7 to ⌊9·8/8⌋ = 9
        QCOMPARE(starRangeOf(7, 8, 9).size(), std::size_t(2));
        const auto ranks = simulatedRanks(3);
        QCOMPARE(ranks->localStars(10).begin, std::size_t(0));
        QCOMPARE(ranks->localStars(10).end, std::size_t(10));
        QVERIFY(ranks->isRoot() && ranks->isParallel());
        QVERIFY(!singleProcessRanks()->isParallel());
    }

    // v·2⁴⁰ held exactly: the sum of the same values in any order has the same bits.
    void exactSumsDoNotDependOnOrder() {
        const double values[] = {0.1, -0.2, 0.3, 1e-9, -123.456, 5e7};
        std::vector<ExactSumBuffer> forward, backward;
        for (double v : values) {
            ExactSumBuffer b(1);
            QVERIFY(b.set(0, v));
            QCOMPARE(b.get(0), std::nearbyint(v * 1099511627776.0) / 1099511627776.0);
            forward.push_back(b);
        }
        backward.assign(forward.rbegin(), forward.rend());
        const auto ranks = simulatedRanks(int(forward.size()));
        ExactSumBuffer a(1), b(1);
        ranks->sumExact(forward, a);
        ranks->sumExact(backward, b);
        QCOMPARE(a.get(0), b.get(0));
        QVERIFY(std::fabs(a.get(0) - (0.1 - 0.2 + 0.3 + 1e-9 - 123.456 + 5e7)) < 1e-8);
        ExactSumBuffer bad(1);
        QVERIFY(!bad.set(0, std::nan("")));
        QVERIFY(!bad.set(0, 2e12)); // beyond 2⁴⁰
        QCOMPARE(bad.get(0), 0.0);
    }

    void simulatedRanksAreDeterministic() {
        auto two = simulatedRanks(2);
        const TrainingResult a = trainOn(*two, shortRun(1));
        const TrainingResult b = trainOn(*two, shortRun(2));
        QVERIFY(a.final.parameters == b.final.parameters); // threads do not matter
        QVERIFY(a.final.state.inUse == b.final.state.inUse);
        auto single = singleProcessRanks();
        const TrainingResult one = trainOn(*single, shortRun(1));
        QVERIFY(one.final.parameters != a.final.parameters); // each step's sum rounds differently ...
        float worst = 0.0f;
        for (std::size_t k = 0; k < one.final.parameters.size(); ++k)
            worst = std::max(worst, std::fabs(one.final.parameters[k] - a.final.parameters[k]));
        QVERIFY2(worst < 1e-3f, qPrintable(QString::number(worst))); // ... by rounding only
        auto three = simulatedRanks(3);
        QVERIFY(trainOn(*three, shortRun(1)).final.parameters != a.final.parameters);
    }

    void resumeOnTheSameOrAnotherNumberOfRanks() {
        QTemporaryDir dir;
        const std::string ckpt = dir.filePath("c.h5").toStdString();
        auto two = simulatedRanks(2);
        const TrainingResult full = trainOn(*two, shortRun(1));
        QVERIFY(trainOn(*two, shortRun(1), ckpt, nullptr, 1).stopped);
        const TrainingCheckpoint cp = loadTrainingCheckpoint(ckpt);
        QCOMPARE(cp.completedIterations, 1);
        QVERIFY(trainOn(*two, shortRun(1), {}, &cp).final.parameters == full.final.parameters);
        for (int n : {1, 3}) {
            auto other = simulatedRanks(n);
            const TrainingResult r = trainOn(*other, shortRun(1), {}, &cp);
            QCOMPARE(r.final.completedIterations, 2);
            QVERIFY(r.final.parameters != full.final.parameters);
        }
    }

    void moreRanksThanStarsAreRefused() {
        MockSkyConfig config;
        config.starCount = 3;
        const MockSky tiny(config, 1);
        auto five = simulatedRanks(5);
        Trainer trainer(tiny.catalog(), shortRun(1));
        trainer.setRanks(*five);
        TrainingObserver quiet;
        TrainingControl control;
        try {
            trainer.run(quiet, control);
            QFAIL("5 ranks for 3 stars ran");
        } catch (const TrainingError& e) {
            QVERIFY2(std::string(e.what()).find("5 ranks for 3 stars") == 0, e.what());
        }
    }
};

QTEST_GUILESS_MAIN(TestRankGroup)
#include "test_rank_group.moc"
