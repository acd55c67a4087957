// SPDX-License-Identifier: GPL-3.0-or-later
// The automatic schedule (`--epochs auto`, the default): the rule against hand-computed
// cases (the paper's catalog, the 7,000 published training stars, the cap), a run choosing it
// from its training stars, the choice kept by a resumed run and stored in the model file
// ("auto" in the config, the epochs in the history and the description).
#include "core/common/input_error.h"
#include "core/io/model_file.h"
#include "core/io/training_checkpoint.h"
#include "core/mock/mock_sky.h"
#include "core/training/epoch_schedule.h"
#include "core/training/trainer.h"
#include "core/training/training_config_fields.h"

#include <QTemporaryDir>
#include <QTest>

using namespace starlocus::core;

namespace {

struct EpochCounter : TrainingObserver {
    std::vector<EpochEvent> epochs;
    std::vector<std::string> messages;
    int stopAfterIteration = 0;
    TrainingControl* control = nullptr;
    void onEpoch(const EpochEvent& e) override {
        epochs.push_back(e);
        if (control && e.iteration > stopAfterIteration && stopAfterIteration > 0)
            control->stopRequested = true;
    }
    void onMessage(const std::string& m) override { messages.push_back(m); }
};

const Catalog& sky(std::size_t n) {
    static std::map<std::size_t, std::unique_ptr<MockSky>> cache;
    auto& s = cache[n];
    if (!s) {
        MockSkyConfig config;
        config.starCount = n;
        config.extinction = ExtinctionMode::Linear;
        s = std::make_unique<MockSky>(config, 77);
    }
    return s->catalog();
}

TrainingConfig autoConfig(int iterations) {
    TrainingConfig c;
    c.iterations = iterations;
    c.thresholdDecayIterations = std::max(2, iterations);
    c.threads = 1;
    c.seed = 3;
    return c;
}

// Training stars iteration 1 uses, from the run's own per-star record and the catalog's σ_E:
// usable, in the training split, σ_E within the iteration-1 limit.
std::size_t firstIterationTrainingStars(const Catalog& catalog, const TrainingCheckpoint& run) {
    std::size_t n = 0;
    for (std::size_t i = 0; i < catalog.size(); ++i)
        n += run.state.usable[i] && run.state.split[i] == Split::Train &&
                     catalog.reddeningErr[i] <= run.config.firstIterationMaxSigmaE
                 ? 1
                 : 0;
    return n;
}

} // namespace

class TestEpochSchedule : public QObject {
    Q_OBJECT
private slots:
    // ⌈50,000 / ⌈stars / batch⌉⌉ epochs, within [25, 500], worked out by hand.
    void ruleOnCatalogSizes() {
        QCOMPARE(kPaperEpochsPerIteration, 25);
        QCOMPARE(kStepsPerIterationNeeded, 50000.0);
        QCOMPARE(autoEpochsPerIteration(2030000, 32), 25); // the paper: 63,438 steps per epoch
        QCOMPARE(autoEpochsPerIteration(64000, 32), 25);   // 2,000 steps × 25 = 50,000 exactly
        QCOMPARE(autoEpochsPerIteration(63968, 32), 26);   // 1,999 steps: 25 epochs give 49,975
        QCOMPARE(autoEpochsPerIteration(60000, 32), 27);   // 1,875 steps: 26.7 epochs
        QCOMPARE(autoEpochsPerIteration(6531, 32), 244);   // the published stars: 205 steps
        QCOMPARE(autoEpochsPerIteration(6531, 64), 486);   // 103 steps
        QCOMPARE(autoEpochsPerIteration(3200, 32), 500);   // 100 steps: exactly at the cap
        QCOMPARE(autoEpochsPerIteration(1000, 32), 500);   // 32 steps would need 1,563
        QCOMPARE(autoEpochsPerIteration(0, 32), 500);
        QCOMPARE(stepsPerEpoch(6531, 32), std::size_t(205));

        TrainingConfig fixed;
        fixed.epochsPerIteration = 25;
        const EpochSchedule f = chooseEpochSchedule(fixed, 1000);
        QCOMPARE(f.epochsPerIteration, 25);
        QVERIFY(!f.automatic);
        const EpochSchedule a = chooseEpochSchedule(TrainingConfig{}, 6531);
        QVERIFY(a.automatic);
        QCOMPARE(a.epochsPerIteration, 244);
        QCOMPARE(a.stepsPerIteration(), 244.0 * 205.0);
        QCOMPARE(scheduleText(f, 32), std::string("25 epochs per iteration (fixed)"));
        QCOMPARE(scheduleText(a, 32), std::string("244 epochs per iteration (automatic: 6,531 training stars, batch "
                                                  "32: 205 steps per epoch, 50,020 per iteration)"));
    }

    // "auto" is the default, read and written as a word on the command line and as 0 in a
    // checkpoint's JSON (whose integer epochs, as every checkpoint before it holds, still read).
    void autoIsTheDefaultAndRoundTrips() {
        const TrainingConfig defaults;
        QCOMPARE(defaults.epochsPerIteration, kAutoEpochs);
        const ConfigField& field = configFieldOf(&TrainingConfig::epochsPerIteration);
        QCOMPARE(fieldText(field, defaults), std::string("auto"));
        TrainingConfig c;
        setFieldFromText(field, c, "25");
        QCOMPARE(c.epochsPerIteration, 25);
        setFieldFromText(field, c, "auto");
        QCOMPARE(c.epochsPerIteration, kAutoEpochs);
        QVERIFY_THROWS_EXCEPTION(InputError, setFieldFromText(field, c, "automatic"));
        QCOMPARE(trainingConfigFromJson(trainingConfigToJson(c), "x.h5").epochsPerIteration, kAutoEpochs);
        c.epochsPerIteration = 350;
        QCOMPARE(trainingConfigFromJson(trainingConfigToJson(c), "x.h5").epochsPerIteration, 350);
        c.epochsPerIteration = -1;
        QVERIFY(fieldProblem(field, c).has_value());
        QCOMPARE(rangeText(field), std::string("must be auto or between 1 and 10000"));
    }

    // A small sky: the run picks the epochs from its own training stars (here the cap), every
    // epoch event says so, and the model file keeps "auto" and the epochs it ran.
    void runChoosesAndTheModelFileKeepsIt() {
        const Catalog& catalog = sky(700);
        EpochCounter seen;
        TrainingControl control;
        const TrainingResult r = Trainer(catalog, autoConfig(1)).run(seen, control);
        const std::size_t train = firstIterationTrainingStars(catalog, r.final);
        QVERIFY(train > 300 && train < 500);
        QCOMPARE(r.schedule.trainingStars, train);
        QCOMPARE(r.schedule.epochsPerIteration, 500); // ⌈train/32⌉ ≤ 16 steps: far below 50,000 / 500
        QCOMPARE(int(seen.epochs.size()), 500);
        QCOMPARE(seen.epochs.back().epochsPerIteration, 500);
        QCOMPARE(seen.epochs.back().totalEpochs, 500);
        bool said = false, advised = false;
        for (const auto& m : seen.messages) {
            said = said || m.find("schedule: 1 iterations, 500 epochs per iteration (automatic") == 0;
            advised = advised || (m.rfind("only ", 0) == 0 && m.find("cap") != std::string::npos);
        }
        QVERIFY2(said && advised, seen.messages.empty() ? "" : seen.messages.front().c_str());

        QTemporaryDir dir;
        const std::string path = dir.filePath("m.h5").toStdString();
        saveModel(path, r.model, &r.final);
        const auto record = loadTrainingRecord(path);
        QVERIFY(record.has_value());
        QCOMPARE(record->config.epochsPerIteration, kAutoEpochs);
        QCOMPARE(epochsPerIterationRun(record->config, record->history), 500);
        const std::string description = loadStarlocusModel(path).provenance().description;
        QVERIFY2(description.find("500 epochs (automatic)") != std::string::npos, description.c_str());
    }

    // Above the cap: ⌈50,000 / steps⌉ of the run's own training stars.
    void runBelowTheCapTakesTheRule() {
        const Catalog& catalog = sky(6000);
        EpochCounter seen;
        TrainingControl control;
        seen.control = &control;
        seen.stopAfterIteration = 1; // the choice is made before the first epoch: one is enough
        TrainingConfig config = autoConfig(2);
        const TrainingResult r = Trainer(catalog, config).run(seen, control);
        QVERIFY(r.stopped);
        const std::size_t train = r.schedule.trainingStars;
        QVERIFY(train > 3200 && train < 4200); // 70 % of 6,000 less the σ_E cut: below 64,000, above the cap
        const auto steps = (train + 31) / 32;
        QCOMPARE(r.schedule.epochsPerIteration, int((50000 + steps - 1) / steps));
        QCOMPARE(seen.epochs.front().epochsPerIteration, r.schedule.epochsPerIteration);
    }

    // A resumed automatic run keeps the epochs its checkpoint ran and ends where the
    // uninterrupted run ends.
    void resumeKeepsTheSchedule() {
        const Catalog& catalog = sky(700);
        const TrainingConfig config = autoConfig(2);
        EpochCounter full;
        TrainingControl fullControl;
        const TrainingResult uninterrupted = Trainer(catalog, config).run(full, fullControl);
        QCOMPARE(int(full.epochs.size()), 1000);

        QTemporaryDir dir;
        const std::string ckpt = dir.filePath("c.h5").toStdString();
        Trainer first(catalog, config);
        first.setCheckpointPath(ckpt);
        EpochCounter part;
        TrainingControl partControl;
        part.control = &partControl;
        part.stopAfterIteration = 1;
        QVERIFY(first.run(part, partControl).stopped);

        Trainer second(catalog, config);
        second.resumeFrom(loadTrainingCheckpoint(ckpt));
        EpochCounter rest;
        TrainingControl restControl;
        const TrainingResult resumed = second.run(rest, restControl);
        QCOMPARE(int(rest.epochs.size()), 500);
        QCOMPARE(resumed.schedule.epochsPerIteration, 500);
        QVERIFY(resumed.schedule.automatic);
        QVERIFY(resumed.final.parameters == uninterrupted.final.parameters);

        // A checkpoint whose automatic schedule left no epoch history cannot say how long its
        // iterations are: refused, not guessed.
        TrainingCheckpoint cp = loadTrainingCheckpoint(ckpt);
        cp.history.epochs.clear();
        QVERIFY_THROWS_EXCEPTION(TrainingError, Trainer(catalog, config).resumeFrom(cp));
    }
};

QTEST_GUILESS_MAIN(TestEpochSchedule)
#include "test_epoch_schedule.moc"
