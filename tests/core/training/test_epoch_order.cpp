// SPDX-License-Identifier: GPL-3.0-or-later
// The epoch's order of stars (core/training/epoch_order.h) and the samples' layout
// (sample_layout.h): the free shuffle is the order of runs before the block shuffle existed;
// a block shuffle visits every training star once, one block of consecutive positions at a
// time, and still puts any star anywhere in the epoch with equal chance; the layout is a
// permutation whose share on one rank is contiguous per block; the trainer with small blocks
// is deterministic whatever the threads, resumes exactly, and gives the same mini-batches on
// simulated ranks; a checkpoint written before the setting resumes with the free shuffle; an
// epoch that times its batches alone and on the team takes the team's steps bit for bit, and
// one beside a background validation pass too (that pass gives the pass's loss, also paused).
#include "core/common/counter_random.h"
#include "core/io/training_checkpoint.h"
#include "core/mock/mock_sky.h"
#include "core/training/epoch_order.h"
#include "core/training/epoch_runner.h"
#include "core/training/sample_layout.h"
#include "core/training/trainer.h"
#include "tests/core/training/random_star_samples.h"
#include "tests/core/training/short_training_run.h"

#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cmath>
#include <numeric>
#include <set>
#include <thread>

using namespace starlocus::core;

namespace {

// A random ~70 % of [0, n), ascending (the training stars of a split).
std::vector<std::uint32_t> someStars(std::size_t n, std::uint64_t seed) {
    std::vector<std::uint32_t> train;
    CounterRandom rng(seed, 99);
    for (std::size_t p = 0; p < n; ++p)
        if (rng.uniform() < 0.7)
            train.push_back(std::uint32_t(p));
    return train;
}

// Whether `order` is a run of blocks [r + kS, r + (k+1)S) (mod n) for some r, each block in
// one piece: tried for every r in [0, S) (n a multiple of S, so the blocks depend on r only).
bool walksWholeBlocks(const std::vector<std::uint32_t>& order, std::size_t n, std::size_t S) {
    for (std::size_t r = 0; r < S; ++r) {
        std::set<std::size_t> done;
        bool ok = true;
        for (std::size_t k = 0; ok && k < order.size(); ++k) {
            const std::size_t block = (order[k] + n - r) % n / S;
            if (k > 0 && block == (order[k - 1] + n - r) % n / S)
                continue;
            ok = done.insert(block).second; // a block seen before, in an earlier run
        }
        if (ok)
            return true;
    }
    return false;
}

const Catalog& sky() { return starlocus::test::shortRunSky(); }

// One epoch of the EpochRunner on `threads` threads; `trialBatches` as setTrialBatches.
struct EpochRun {
    ParameterVector params;
    double loss = 0.0;
    std::size_t alone = 0, onTeam = 0;
};
EpochRun oneEpoch(const std::vector<StarSample>& samples, unsigned threads, std::size_t trialBatches) {
    TrainingConfig config = starlocus::test::shortRunConfig(int(threads));
    const NetworkLayout layout(config.hiddenLayers);
    const auto ranks = singleProcessRanks();
    const SampleLayout sampleLayout = SampleLayout::catalogOrder(samples.size(), {0, samples.size()});
    WorkerTeam team{threads};
    TrainingControl control;
    EpochRunner runner(layout, config, *ranks, samples.size(), team, control);
    runner.setSamples(&samples, &sampleLayout);
    runner.setTrialBatches(trialBatches);
    EpochRun run{initialParameters(layout, 3)};
    AdamState adam(layout.size);
    std::vector<std::uint32_t> order(samples.size());
    std::iota(order.begin(), order.end(), 0u);
    run.loss = runner.run(run.params, adam, order, 1e-3);
    run.alone = runner.epochsAlone();
    run.onTeam = runner.epochsOnTeam();
    return run;
}

// Blocks of 256 positions: a dozen blocks on 3,000 stars.
TrainingConfig smallBlocks(int threads) {
    TrainingConfig c = starlocus::test::shortRunConfig(threads);
    c.shuffleBlockStars = 256;
    return c;
}

struct StopAfter : TrainingObserver {
    TrainingControl* control = nullptr;
    int iteration = 0;
    void onIteration(const IterationEvent& e) override {
        if (control && e.iteration == iteration)
            control->stopRequested = true;
    }
};

TrainingResult train(const TrainingConfig& config, RankGroup* ranks = nullptr, const std::string& checkpoint = {},
                     const TrainingCheckpoint* resume = nullptr, int stopAfter = 0) {
    Trainer trainer(sky(), config);
    if (ranks)
        trainer.setRanks(*ranks);
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

class TestEpochOrder : public QObject {
    Q_OBJECT
private slots:
    // Fisher–Yates from the back with draws of the stream 2⁴⁰ + epoch: what the trainer did
    // before the block shuffle, so that runs and checkpoints of then go on the same way.
    void freeShuffleIsTheEarlierOrder() {
        const auto train = someStars(5000, 1);
        for (int epoch : {1, 7}) {
            std::vector<std::uint32_t> expected = train;
            CounterRandom rng(42, (1ull << 40) + std::uint64_t(epoch));
            for (std::size_t i = expected.size(); i > 1; --i)
                std::swap(expected[i - 1], expected[std::min(i - 1, std::size_t(rng.uniform() * double(i)))]);
            QVERIFY(freeShuffle(train, 42, epoch) == expected);
        }
    }

    void blockShuffleVisitsEveryStarOnceBlockByBlock() {
        constexpr std::size_t n = 40 * 1024, S = 1024;
        const auto train = someStars(n, 2);
        for (int epoch : {1, 2, 3}) {
            const auto order = blockShuffle(train, n, S, 5, epoch);
            std::vector<std::uint32_t> sorted = order;
            std::sort(sorted.begin(), sorted.end());
            QVERIFY(sorted == train);
            QVERIFY(walksWholeBlocks(order, n, S));
            QVERIFY(order == blockShuffle(train, n, S, 5, epoch)); // a pure function
            // The blocks come in a random order: from one block to the next the walk jumps
            // (40 blocks, 39 changes; a block's neighbour in memory follows with chance 2/39).
            int jumps = 0;
            for (std::size_t k = 1; k < order.size(); ++k) {
                const std::size_t d = (order[k] + n - order[k - 1]) % n;
                jumps += std::min(d, n - d) >= S ? 1 : 0;
            }
            QVERIFY2(jumps >= 30 && jumps <= 39, qPrintable(QString::number(jumps)));
        }
        QVERIFY(blockShuffle(train, n, S, 5, 1) != blockShuffle(train, n, S, 5, 2));
        QVERIFY(blockShuffle(train, n, S, 5, 1) != blockShuffle(train, n, S, 6, 1));
        // The free shuffle does not walk blocks (the check can tell them apart).
        QVERIFY(!walksWholeBlocks(freeShuffle(train, 5, 1), n, S));
        // One block larger than the catalog: every star in one random order.
        const auto one = blockShuffle(train, n, 10 * n, 5, 1);
        QCOMPARE(one.size(), train.size());
        QVERIFY(!std::is_sorted(one.begin(), one.end()));
        QVERIFY(blockShuffle({}, n, S, 5, 1).empty());
    }

    // Where a given star falls in the epoch is uniform over the epoch, as in a free shuffle:
    // over 4,000 epochs its mean place is 1/2 and a quarter of the time it is in each quarter
    // (binomial σ 0.0068 for a quarter, 0.0046 for the mean; tolerances 4σ and 5σ).
    void aStarFallsAnywhereInTheEpoch() {
        constexpr std::size_t n = 32 * 1024, S = 1024;
        constexpr int kEpochs = 4000;
        const auto train = someStars(n, 3);
        for (const std::uint32_t star : {train.front(), train[train.size() / 2], train.back()}) {
            double mean = 0.0;
            int quarters[4] = {};
            for (int epoch = 1; epoch <= kEpochs; ++epoch) {
                const auto order = blockShuffle(train, n, S, 11, epoch);
                const double place =
                    double(std::find(order.begin(), order.end(), star) - order.begin()) / double(order.size());
                mean += place / kEpochs;
                ++quarters[std::min(3, int(place * 4))];
            }
            QVERIFY2(std::fabs(mean - 0.5) < 5 * std::sqrt(1.0 / 12.0 / kEpochs), qPrintable(QString::number(mean)));
            for (int q : quarters)
                QVERIFY2(std::fabs(double(q) / kEpochs - 0.25) < 4 * std::sqrt(0.25 * 0.75 / kEpochs),
                         qPrintable(QString::number(q)));
        }
    }

    void layoutIsAPermutationAndARanksShareIsInPositionOrder() {
        constexpr std::size_t n = 1000;
        const SampleLayout identity = SampleLayout::catalogOrder(n, {0, n});
        QVERIFY(identity.isCatalogOrder());
        QCOMPARE(identity.position(17), 17u);
        QCOMPARE(identity.starAt(17), 17u);
        QCOMPARE(SampleLayout::catalogOrder(n, {300, 600}).slot(450), 150u);

        const SampleLayout all = SampleLayout::shuffled(n, {0, n}, 4);
        QVERIFY(all.positionIsSlot());
        std::vector<std::uint32_t> seen(n, 0);
        for (std::size_t i = 0; i < n; ++i) {
            QCOMPARE(all.starAt(all.position(i)), std::uint32_t(i));
            QCOMPARE(all.slot(i), all.position(i));
            ++seen[all.position(i)];
        }
        QVERIFY(std::all_of(seen.begin(), seen.end(), [](std::uint32_t c) { return c == 1; }));
        QVERIFY(all.position(0) != 0 || all.position(1) != 1); // not the catalog order
        // The same positions whatever the process holds; its own stars' slots 0 … size−1 in
        // ascending position, so the stars of a block of positions are adjacent.
        const StarRange mine{250, 700};
        const SampleLayout part = SampleLayout::shuffled(n, mine, 4);
        QVERIFY(!part.positionIsSlot());
        std::vector<std::pair<std::uint32_t, std::uint32_t>> bySlot; // (slot, position)
        for (std::size_t i = mine.begin; i < mine.end; ++i) {
            QCOMPARE(part.position(i), all.position(i));
            bySlot.push_back({part.slot(i), part.position(i)});
        }
        std::sort(bySlot.begin(), bySlot.end());
        for (std::size_t k = 0; k < bySlot.size(); ++k) {
            QCOMPARE(bySlot[k].first, std::uint32_t(k));
            if (k > 0)
                QVERIFY(bySlot[k].second > bySlot[k - 1].second);
        }
    }

    void trainerWithBlocksIsDeterministicAndResumesExactly() {
        const TrainingResult one = train(smallBlocks(1));
        const TrainingResult two = train(smallBlocks(2));
        QVERIFY(one.final.parameters == two.final.parameters);
        QVERIFY(one.final.state.reddening == two.final.state.reddening);
        TrainingConfig free = smallBlocks(1);
        free.shuffleBlockStars = kFullShuffle;
        QVERIFY(train(free).final.parameters != one.final.parameters);

        QTemporaryDir dir;
        const std::string ckpt = dir.filePath("c.h5").toStdString();
        QVERIFY(train(smallBlocks(2), nullptr, ckpt, nullptr, 1).stopped);
        const TrainingCheckpoint cp = loadTrainingCheckpoint(ckpt);
        QCOMPARE(cp.config.shuffleBlockStars, 256);
        QVERIFY(train(smallBlocks(1), nullptr, {}, &cp).final.parameters == one.final.parameters);
    }

    // Simulated ranks hold their samples in their own layout and still draw the batches of
    // one process: only each step's rounding differs (as for the free shuffle, test_rank_group).
    void ranksDrawTheSameBatches() {
        auto twoRanks = simulatedRanks(2);
        const TrainingResult a = train(smallBlocks(1), twoRanks.get());
        const TrainingResult b = train(smallBlocks(2), twoRanks.get());
        QVERIFY(a.final.parameters == b.final.parameters);
        const TrainingResult single = train(smallBlocks(1));
        float worst = 0.0f;
        for (std::size_t k = 0; k < single.final.parameters.size(); ++k)
            worst = std::max(worst, std::fabs(single.final.parameters[k] - a.final.parameters[k]));
        QVERIFY2(worst < 1e-3f, qPrintable(QString::number(worst)));
        QVERIFY(single.final.state.inUse == a.final.state.inUse);
    }

    // An epoch long enough to try (here 4 × 8 phases of 2 batches) runs the phases on this
    // thread alone and on the team in turn, then the rest the faster way: the same steps, bit
    // for bit, as one thread.
    void epochThatTriesOneThreadTakesTheSameSteps() {
        const auto samples = starlocus::test::randomStarSamples(3000, 11); // 94 batches of 32
        const EpochRun team = oneEpoch(samples, 2, 2);
        QCOMPARE(team.alone + team.onTeam, std::size_t(1));
        const EpochRun one = oneEpoch(samples, 1, 2); // one thread: nothing to try
        QCOMPARE(one.alone + one.onTeam, std::size_t(0));
        QVERIFY(team.params == one.params);
        QCOMPARE(team.loss, one.loss);
        const EpochRun untried = oneEpoch(samples, 2, 0);
        QCOMPARE(untried.alone + untried.onTeam, std::size_t(0));
        QVERIFY(untried.params == one.params);
        QVERIFY(std::isfinite(one.loss) && one.params != initialParameters(NetworkLayout({32, 32}), 3));
    }

    // The validation pass beside an epoch (the trainer's way on more than one thread): the
    // same loss as the pass alone, the epoch the same steps as without it, the "team free"
    // call once; and a paused epoch still makes that call as soon as the pass is done (a
    // paused run shows the epoch before), not only after it resumes.
    void validationBesideAnEpochIsTheSamePass() {
        const auto samples = starlocus::test::randomStarSamples(3000, 11);
        TrainingConfig config = starlocus::test::shortRunConfig(2);
        const NetworkLayout layout(config.hiddenLayers);
        const auto ranks = singleProcessRanks();
        const SampleLayout sampleLayout = SampleLayout::catalogOrder(samples.size(), {0, samples.size()});
        std::vector<std::uint32_t> order, validation;
        for (std::uint32_t p = 0; p < samples.size(); ++p)
            (p % 5 == 0 ? validation : order).push_back(p);
        const ParameterVector start = initialParameters(layout, 3);

        WorkerTeam team{2};
        TrainingControl control;
        EpochRunner runner(layout, config, *ranks, samples.size(), team, control);
        runner.setSamples(&samples, &sampleLayout);
        const double alone = runner.validationLoss(start, validation);
        ParameterVector p1 = start;
        AdamState a1(layout.size);
        const double loss1 = runner.run(p1, a1, order, 1e-3);

        ParameterVector p2 = start;
        AdamState a2(layout.size);
        int freeCalls = 0;
        double beside = 0.0;
        runner.startValidation(p2, validation);
        const double loss2 = runner.run(p2, a2, order, 1e-3, [&] {
            ++freeCalls;
            beside = runner.finishValidation();
        });
        if (runner.validationRunning()) // the epoch was over first
            beside = runner.finishValidation();
        QVERIFY(std::isfinite(alone));
        QCOMPARE(beside, alone);
        QCOMPARE(loss2, loss1);
        QVERIFY(p2 == p1);
        QVERIFY(freeCalls <= 1);

        // Paused from the start: the call comes during the pause.
        control.pauseRequested = true;
        std::atomic<bool> calledWhilePaused{false};
        std::thread resume([&] {
            for (int k = 0; k < 500 && !calledWhilePaused.load(); ++k)
                std::this_thread::sleep_for(std::chrono::milliseconds(10));
            control.pauseRequested = false;
        });
        ParameterVector p3 = start;
        AdamState a3(layout.size);
        runner.startValidation(p3, validation);
        runner.run(p3, a3, order, 1e-3, [&] {
            calledWhilePaused = control.pauseRequested.load();
            QCOMPARE(runner.finishValidation(), alone);
        });
        resume.join();
        QVERIFY(calledWhilePaused.load());
        QVERIFY(p3 == p1);
    }

    // Checkpoints written before the setting existed shuffled freely, and resume so.
    void checkpointWithoutTheSettingResumesWithTheFreeShuffle() {
        // The default walks blocks of 8,192 (docs/VALIDATION.md: it learns what the free shuffle does).
        QCOMPARE(TrainingConfig{}.shuffleBlockStars, kDefaultShuffleBlockStars);
        QCOMPARE(kDefaultShuffleBlockStars, 8192);
        TrainingConfig c;
        c.shuffleBlockStars = 8192;
        std::string json = trainingConfigToJson(c);
        QCOMPARE(trainingConfigFromJson(json, "new.h5").shuffleBlockStars, 8192);
        const std::string key = "\"shuffle_block\":8192,";
        QVERIFY(json.find(key) != std::string::npos);
        json.erase(json.find(key), key.size());
        QCOMPARE(trainingConfigFromJson(json, "old.h5").shuffleBlockStars, kFullShuffle);
    }
};

QTEST_GUILESS_MAIN(TestEpochOrder)
#include "test_epoch_order.moc"
