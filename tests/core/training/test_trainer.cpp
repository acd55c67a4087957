// SPDX-License-Identifier: GPL-3.0-or-later
// The trainer end to end on the synthetic sky: determinism across runs and thread counts, exact resume from a checkpoint, rollback on a non-finite loss, and
// the errors for unusable input.
#include "core/common/input_error.h"
#include "core/io/model_file.h"
#include "core/io/training_checkpoint.h"
#include "core/mock/mock_sky.h"
#include "core/training/trainer.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <cmath>
#include <functional>
#include <limits>

using namespace starlocus::core;

namespace {

struct Recorder : TrainingObserver {
    std::vector<EpochEvent> epochs;
    std::vector<IterationEvent> iterations;
    std::vector<FaultEvent> faults;
    std::vector<int> sequence; // global epoch of each epoch event, −k for iteration k's event
    int stopAfterIteration = 0;
    int stopAfterEpoch = 0; // global
    TrainingControl* control = nullptr;
    void onEpoch(const EpochEvent& e) override {
        epochs.push_back(e);
        sequence.push_back(e.globalEpoch);
        if (control && e.globalEpoch == stopAfterEpoch)
            control->stopRequested = true;
    }
    void onIteration(const IterationEvent& e) override {
        iterations.push_back(e);
        sequence.push_back(-e.iteration);
        if (control && e.iteration == stopAfterIteration)
            control->stopRequested = true;
    }
    void onFault(const FaultEvent& f) override { faults.push_back(f); }
};

const MockSky& linearSky(std::size_t n) {
    static std::map<std::size_t, std::unique_ptr<MockSky>> cache;
    auto& sky = cache[n];
    if (!sky) {
        MockSkyConfig config;
        config.starCount = n;
        config.extinction = ExtinctionMode::Linear;
        sky = std::make_unique<MockSky>(config, 2026);
    }
    return *sky;
}

TrainingConfig shortSchedule(int iterations, int epochs) {
    TrainingConfig c;
    c.iterations = iterations;
    c.epochsPerIteration = epochs;
    c.thresholdDecayIterations = std::max(2, iterations); // reach the final cut of 5 at the end
    c.threads = 1;
    c.seed = 17;
    return c;
}

} // namespace

class TestTrainer : public QObject {
    Q_OBJECT
private slots:
    void sameSeedSameResultWhateverTheThreads() {
        const MockSky& sky = linearSky(4000);
        TrainingConfig config = shortSchedule(2, 2);
        Recorder r1, r2, r3;
        TrainingControl c1, c2, c3;
        const auto a = Trainer(sky.catalog(), config).run(r1, c1);
        const auto b = Trainer(sky.catalog(), config).run(r2, c2);
        config.threads = 2;
        const auto c = Trainer(sky.catalog(), config).run(r3, c3);
        QVERIFY(a.final.parameters == b.final.parameters);
        QVERIFY(a.final.parameters == c.final.parameters); // gradient sums in a fixed order
        QVERIFY(a.final.state.reddening == c.final.state.reddening);
        config.seed = 18;
        Recorder r4;
        TrainingControl c4;
        QVERIFY(Trainer(sky.catalog(), config).run(r4, c4).final.parameters != a.final.parameters);
    }

    // On more than one thread an epoch's validation pass runs beside the next epoch (and the
    // epoch after's order is drawn there): every event the same as one after the other on one
    // thread — losses, rate, stars, the model of that epoch, not a later one's — and in order,
    // each iteration's epochs before its own event; a stop while a pass runs still reports
    // the epoch before and ends with its parameters.
    void validationBesideTheNextEpochChangesNothing() {
        const MockSky& sky = linearSky(4000);
        TrainingConfig config = shortSchedule(2, 3);
        Recorder one, two;
        TrainingControl c1, c2;
        const auto a = Trainer(sky.catalog(), config).run(one, c1);
        config.threads = 2;
        const auto b = Trainer(sky.catalog(), config).run(two, c2);
        QVERIFY(a.final.parameters == b.final.parameters);
        const std::vector<int> expected{1, 2, 3, -1, 4, 5, 6, -2};
        QVERIFY(one.sequence == expected);
        QVERIFY(two.sequence == expected);
        for (std::size_t i = 0; i < one.epochs.size(); ++i) {
            const EpochEvent &x = one.epochs[i], &y = two.epochs[i];
            QCOMPARE(y.trainLoss, x.trainLoss);
            QVERIFY(std::isfinite(y.validationLoss));
            QCOMPARE(y.validationLoss, x.validationLoss);
            QCOMPARE(y.learningRate, x.learningRate);
            QCOMPARE(y.starsProcessed, x.starsProcessed);
            QVERIFY(y.model->colorOutputLayer().kernel == x.model->colorOutputLayer().kernel);
            QVERIFY(y.model->extinctionLayer().kernel == x.model->extinctionLayer().kernel);
            if (i > 0)
                QVERIFY(x.model->colorOutputLayer().kernel != one.epochs[i - 1].model->colorOutputLayer().kernel);
        }
        for (std::size_t i = 0; i < a.final.history.epochs.size(); ++i)
            QCOMPARE(b.final.history.epochs[i].validationLoss, a.final.history.epochs[i].validationLoss);

        for (const int stopAt : {1, 2, 4}) {
            Recorder s1, s2;
            TrainingControl k1, k2;
            s1.control = &k1;
            s2.control = &k2;
            s1.stopAfterEpoch = s2.stopAfterEpoch = stopAt;
            config.threads = 1;
            const auto x = Trainer(sky.catalog(), config).run(s1, k1);
            config.threads = 2;
            const auto y = Trainer(sky.catalog(), config).run(s2, k2);
            QVERIFY(x.stopped && y.stopped);
            QVERIFY(s1.sequence == s2.sequence);
            QCOMPARE(s1.epochs.back().globalEpoch, stopAt);
            QVERIFY(x.final.parameters == y.final.parameters);
            QVERIFY(y.model.colorOutputLayer().kernel == s2.epochs.back().model->colorOutputLayer().kernel);
        }
    }

    void resumeGivesTheUninterruptedResult() {
        const MockSky& sky = linearSky(4000);
        const TrainingConfig config = shortSchedule(3, 2);
        QTemporaryDir dir;
        const std::string ckpt = dir.filePath("run.ckpt.h5").toStdString();
        Recorder full;
        TrainingControl fullControl;
        const auto uninterrupted = Trainer(sky.catalog(), config).run(full, fullControl);

        Trainer first(sky.catalog(), config);
        first.setCheckpointPath(ckpt);
        Recorder rec;
        TrainingControl control;
        rec.control = &control;
        rec.stopAfterIteration = 1; // stop early in iteration 2
        const auto stopped = first.run(rec, control);
        QVERIFY(stopped.stopped);
        const TrainingCheckpoint cp = loadTrainingCheckpoint(ckpt);
        QCOMPARE(cp.completedIterations, 1); // the interrupted iteration left it untouched

        Trainer second(sky.catalog(), config);
        second.resumeFrom(cp);
        Recorder rec2;
        TrainingControl control2;
        const auto resumed = second.run(rec2, control2);
        QCOMPARE(resumed.final.completedIterations, 3);
        QVERIFY(resumed.final.parameters == uninterrupted.final.parameters);
        QVERIFY(resumed.final.adam.m == uninterrupted.final.adam.m);
        // The per-star rule counts (what `train --json` reports) are not in the checkpoint: a
        // resumed run counts them again, the same as the uninterrupted one.
        QCOMPARE(resumed.final.state.defects.bandValuesUnobserved, uninterrupted.final.state.defects.bandValuesUnobserved);
        QCOMPARE(resumed.final.state.defects.parallaxLowSnr, uninterrupted.final.state.defects.parallaxLowSnr);
        QCOMPARE(resumed.final.state.defects.excludedStars(), uninterrupted.final.state.defects.excludedStars());
        QVERIFY(resumed.final.state.defects.bandValuesUnobserved > 0);
        QVERIFY(resumed.final.state.chi2Dof == uninterrupted.final.state.chi2Dof ||
                std::equal(resumed.final.state.chi2Dof.begin(), resumed.final.state.chi2Dof.end(),
                           uninterrupted.final.state.chi2Dof.begin(),
                           [](double x, double y) { return x == y || (std::isnan(x) && std::isnan(y)); }));

        // The trained model file keeps the record; its hash ties it to the catalog.
        const std::string modelPath = dir.filePath("model.h5").toStdString();
        saveModel(modelPath, resumed.model, &resumed.final);
        const auto record = loadTrainingRecord(modelPath);
        QVERIFY(record.has_value());
        QCOMPARE(record->catalogHash, catalogContentHash(sky.catalog()));
        QCOMPARE(record->history.epochs.size(), std::size_t(6));
        const StellarModel loaded = loadAnyModel(modelPath);
        QVERIFY(loaded.colorOutputLayer().kernel == resumed.model.colorOutputLayer().kernel);
        // The loaded model names its own file, and the catalog it was trained on apart
        // (predict and the GUI's "File:" once showed the catalog as the model file).
        QCOMPARE(loaded.provenance().sourceFile, modelPath);
        QCOMPARE(loaded.provenance().trainedOn, sky.catalog().sourceFile);
    }

    void checkpointOfAnotherCatalogIsRefused() {
        QTemporaryDir dir;
        const std::string ckpt = dir.filePath("a.h5").toStdString();
        Trainer first(linearSky(4000).catalog(), shortSchedule(1, 1));
        first.setCheckpointPath(ckpt);
        Recorder rec;
        TrainingControl control;
        first.run(rec, control);
        Trainer other(linearSky(30000).catalog(), shortSchedule(2, 1));
        QVERIFY_THROWS_EXCEPTION(TrainingError, other.resumeFrom(loadTrainingCheckpoint(ckpt)));
    }

    void corruptCheckpointIsAClearError() {
        QTemporaryDir dir;
        QFile f(dir.filePath("bad.h5"));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("\x89HDF\r\n\x1a\n garbage");
        f.close();
        try {
            loadTrainingCheckpoint(f.fileName().toStdString());
            QFAIL("a corrupt checkpoint was accepted");
        } catch (const InputError& e) {
            QVERIFY(std::string(e.what()).find(f.fileName().toStdString()) != std::string::npos);
        }
        // A real HDF5 file without the training record.
        const std::string other = dir.filePath("model.h5").toStdString();
        Trainer t(linearSky(4000).catalog(), shortSchedule(1, 1));
        Recorder rec;
        TrainingControl control;
        saveModel(other, t.run(rec, control).model);
        QVERIFY_THROWS_EXCEPTION(InputError, loadTrainingCheckpoint(other));
    }

    // An absurd learning rate makes R = exp(…) overflow: the trainer rolls back, halves the
    // rate, reports it, and finishes with finite weights.
    void nonFiniteLossRollsBack() {
        TrainingConfig config = shortSchedule(1, 2);
        config.learningRate = 30.0;
        Trainer trainer(linearSky(4000).catalog(), config);
        Recorder rec;
        TrainingControl control;
        const auto result = trainer.run(rec, control);
        QVERIFY(!rec.faults.empty());
        QVERIFY(rec.faults.front().newLearningRate < 30.0);
        for (float p : result.final.parameters)
            QVERIFY(std::isfinite(p));
        QVERIFY(std::isfinite(rec.epochs.back().trainLoss));
        QCOMPARE(result.final.history.faults.size(), rec.faults.size());
    }

    void noUsableStarIsAnError() {
        Catalog cat = linearSky(4000).catalog();
        for (auto& m : cat.mag)
            m[0] = std::nan(""); // no G anywhere
        Trainer trainer(cat, shortSchedule(1, 1));
        Recorder rec;
        TrainingControl control;
        QVERIFY_THROWS_EXCEPTION(TrainingError, trainer.run(rec, control));
    }

    // #14: a checkpoint with learning_rate_scale = NaN hung the trainer ("halved the learning
    // rate to nan" for ever: the < 1/1024 guard is false for NaN); a negative scale trained
    // uphill and saved the model. The scale is a product of halvings: (0, 1] only.
    void learningRateScaleOutsideItsRangeIsRefused() {
        const MockSky& sky = linearSky(4000);
        Recorder rec;
        TrainingControl control;
        const TrainingCheckpoint done = Trainer(sky.catalog(), shortSchedule(2, 1)).run(rec, control).final;
        TrainingCheckpoint cp = done;
        cp.completedIterations = 1; // one iteration left to run
        for (double scale : {std::nan(""), -0.5, 0.0, 2.0, std::numeric_limits<double>::infinity()}) {
            cp.learningRateScale = scale;
            Trainer trainer(sky.catalog(), shortSchedule(2, 1));
            try {
                trainer.resumeFrom(cp);
                QFAIL(qPrintable(QString("a learning-rate scale of %1 was accepted").arg(scale)));
            } catch (const TrainingError& e) {
                QVERIFY2(std::string(e.what()).find("learning-rate scale") != std::string::npos, e.what());
            }
        }
        cp.learningRateScale = 0.25; // a few halvings: fine
        Trainer trainer(sky.catalog(), shortSchedule(2, 1));
        trainer.resumeFrom(cp);
        Recorder rec2;
        TrainingControl control2;
        const auto resumed = trainer.run(rec2, control2);
        QCOMPARE(resumed.final.completedIterations, 2);
        QCOMPARE(rec2.epochs.back().learningRate, 0.25 * shortSchedule(2, 1).learningRateAt(2));
    }

    // A checkpoint built anywhere is checked before use: sizes against the layout and the
    // catalog, finite numbers (the trainer's own guard, whatever the loader checked).
    void inconsistentCheckpointIsRefused() {
        const MockSky& sky = linearSky(4000);
        Recorder rec;
        TrainingControl control;
        const TrainingCheckpoint done = Trainer(sky.catalog(), shortSchedule(2, 1)).run(rec, control).final;
        const auto refused = [&](auto edit) {
            TrainingCheckpoint cp = done;
            cp.completedIterations = 1;
            edit(cp);
            Trainer trainer(sky.catalog(), shortSchedule(2, 1));
            try {
                trainer.resumeFrom(cp);
            } catch (const TrainingError&) {
                return true;
            }
            return false;
        };
        QVERIFY(!refused([](TrainingCheckpoint&) {}));
        QVERIFY(refused([](TrainingCheckpoint& cp) { cp.parameters.pop_back(); }));
        QVERIFY(refused([](TrainingCheckpoint& cp) { cp.config.hiddenLayers = {16}; }));
        QVERIFY(refused([](TrainingCheckpoint& cp) { cp.parameters[5] = std::nanf(""); }));
        QVERIFY(refused([](TrainingCheckpoint& cp) { cp.adam.v[3] = -1.0f; }));
        QVERIFY(refused([](TrainingCheckpoint& cp) { cp.completedIterations = 7; }));
        QVERIFY(refused([](TrainingCheckpoint& cp) { cp.config.batchSize = 0; }));
        QVERIFY(refused([](TrainingCheckpoint& cp) { cp.normalization.stddev[1] = 0.0; }));
        QVERIFY(refused([](TrainingCheckpoint& cp) { cp.state.inUse.pop_back(); }));
    }

    // #14: `train` on 2 stars reported a validation loss with no validation star (the
    // regularisation term alone). With none in use the loss has no value: NaN in the event
    // and the record, and a message says so.
    void noValidationStarMeansNoValidationLoss() {
        Catalog two;
        const Catalog& sky = linearSky(4000).catalog();
        two.resize(2);
        std::size_t from = 0;
        for (std::size_t i = 0; i < 2; ++i, ++from) {
            while (!std::isfinite(sky.mag[from][0]) || !(sky.magErr[from][0] < 0.2))
                ++from; // a star with G
            two.copyStar(sky, from, i);
            two.reddeningErr[i] = 0.05; // in use from iteration 1
        }
        two.sourceFile = "two-stars";
        struct Messages : Recorder {
            std::vector<std::string> text;
            void onMessage(const std::string& m) override { text.push_back(m); }
        } rec;
        TrainingControl control;
        const auto result = Trainer(two, shortSchedule(1, 2)).run(rec, control);
        const auto& split = result.final.state.split;
        QVERIFY(std::count(split.begin(), split.end(), Split::Validation) == 0); // 70/20/10 % of 2: 1/0/1
        QCOMPARE(rec.epochs.size(), std::size_t(2));
        for (const EpochEvent& e : rec.epochs) {
            QVERIFY(std::isfinite(e.trainLoss));
            QVERIFY2(std::isnan(e.validationLoss), qPrintable(QString::number(e.validationLoss)));
        }
        for (const EpochRecord& r : result.final.history.epochs)
            QVERIFY(std::isnan(r.validationLoss));
        const auto says = [&](const char* needle) {
            return std::any_of(rec.text.begin(), rec.text.end(),
                               [&](const std::string& m) { return m.find(needle) != std::string::npos; });
        };
        QVERIFY(says("no validation star"));
        QVERIFY(says("under-determined"));
    }

    // The ETA's rate is this run's time per epoch over all its epochs, not over the epochs of
    // the current iteration only (which made it several times too long after the first
    // iteration). Both clocks are the same steady clock, and the rate's starts after the run's
    // set-up: at every epoch, ETA / epochs left ≤ elapsed / epochs done.
    void etaUsesEveryEpochOfTheRun() {
        Recorder rec;
        TrainingControl control;
        Trainer(linearSky(4000).catalog(), shortSchedule(3, 2)).run(rec, control);
        QCOMPARE(rec.epochs.size(), std::size_t(6));
        for (const EpochEvent& e : rec.epochs) {
            const int left = e.totalEpochs - e.globalEpoch;
            if (left == 0) {
                QCOMPARE(e.etaSeconds, 0.0);
                continue;
            }
            QVERIFY2(e.etaSeconds / left <= e.elapsedSeconds / e.globalEpoch,
                     qPrintable(QString("epoch %1 of %2: ETA %3 s for %4 epochs, but %5 s for the first %1")
                                    .arg(e.globalEpoch).arg(e.totalEpochs).arg(e.etaSeconds).arg(left).arg(e.elapsedSeconds)));
        }
    }

    void nonsenseConfigIsRefused() {
        TrainingConfig config;
        config.batchSize = 0;
        QVERIFY_THROWS_EXCEPTION(InputError, Trainer(linearSky(4000).catalog(), config));
        config = TrainingConfig{};
        config.trainFraction = 0.9;
        config.validationFraction = 0.3;
        QVERIFY_THROWS_EXCEPTION(InputError, config.validate());
        // Every guard fails for NaN and for infinities that would break the schedule.
        const double nan = std::nan(""), inf = std::numeric_limits<double>::infinity();
        for (auto edit : std::vector<std::function<void(TrainingConfig&)>>{
                 [&](TrainingConfig& c) { c.learningRate = nan; },
                 [&](TrainingConfig& c) { c.learningRateDecay = nan; },
                 [&](TrainingConfig& c) { c.adamBeta1 = nan; },
                 [&](TrainingConfig& c) { c.adamEpsilon = inf; },
                 [&](TrainingConfig& c) { c.l2Hidden = nan; },
                 [&](TrainingConfig& c) { c.thresholdStart = inf; },
                 [&](TrainingConfig& c) { c.thresholdFinal = nan; },
                 [&](TrainingConfig& c) { c.firstIterationMaxSigmaE = nan; },
                 [&](TrainingConfig& c) { c.trainFraction = nan; },
                 [&](TrainingConfig& c) { c.validationFraction = nan; }}) {
            config = TrainingConfig{};
            edit(config);
            QVERIFY_THROWS_EXCEPTION(InputError, config.validate());
        }
    }
};

QTEST_GUILESS_MAIN(TestTrainer)
#include "test_trainer.moc"
