// SPDX-License-Identifier: GPL-3.0-or-later
// The training monitor: exponential smoothing against hand-computed values, the loss
// chart's log and linear axes, ranges that enclose every point, iteration boundaries,
// raw curves never thinned, and the CSV export of the whole history.
#include "ui/training/iteration_chart_view.h"
#include "ui/training/loss_chart_view.h"
#include "ui/training/training_history.h"
#include "ui/training/training_monitor_view.h"

#include <QComboBox>
#include <QFile>
#include <QLineSeries>
#include <QLogValueAxis>
#include <QSlider>
#include <QTemporaryDir>
#include <QTest>
#include <QValueAxis>

using namespace starlocus::ui;
namespace core = starlocus::core;

namespace {

core::EpochEvent epoch(int iteration, int e, int epochsPerIteration, double train, double val) {
    core::EpochEvent ev;
    ev.iteration = iteration;
    ev.epoch = e;
    ev.globalEpoch = (iteration - 1) * epochsPerIteration + e;
    ev.trainLoss = train;
    ev.validationLoss = val;
    ev.starsProcessed = std::size_t(ev.globalEpoch) * 1000;
    ev.elapsedSeconds = 0.5 * ev.globalEpoch;
    ev.learningRate = 1e-3;
    return ev;
}

core::IterationEvent iteration(int k) {
    core::IterationEvent ie;
    ie.iteration = k;
    ie.threshold = 50;
    ie.starsInUse = 900;
    ie.starsLeftOut = 100;
    ie.testChi2DofBelow5 = 1.2;
    ie.nextLearningRate = 8e-4;
    return ie;
}

// 3 iterations × 4 epochs with one wild value (1000) that must stay visible.
void feed(TrainingMonitorView& view) {
    for (int k = 1; k <= 3; ++k) {
        for (int e = 1; e <= 4; ++e)
            view.addEpoch(epoch(k, e, 4, (k == 2 && e == 2) ? 1000.0 : 10.0 / ((k - 1) * 4 + e), 2.0));
        view.addIteration(iteration(k));
    }
}

double axisMin(QAbstractAxis* a) { return a->property("min").toDouble(); }
double axisMax(QAbstractAxis* a) { return a->property("max").toDouble(); }

} // namespace

class TestTrainingMonitor : public QObject {
    Q_OBJECT
private slots:
    void smoothingMatchesHandValues() {
        QCOMPARE(smoothExponential({3.0, 1.0, 4.0}, 0.0), (std::vector<double>{3.0, 1.0, 4.0}));
        // Debiased EMA with weight 0.5: 1; (0.25·1 + 0.5·0)/0.75 = 1/3.
        const auto s = smoothExponential({1.0, 0.0}, 0.5);
        QCOMPARE(s[0], 1.0);
        QVERIFY(std::abs(s[1] - 1.0 / 3.0) < 1e-15);
        // A constant stays constant from the first point on (no pull towards zero).
        for (double v : smoothExponential(std::vector<double>(50, 7.0), 0.9))
            QVERIFY(std::abs(v - 7.0) < 1e-12);
    }

    void lossChartShowsEveryPointOnATrueLogAxis() {
        TrainingMonitorView view;
        feed(view);
        LossChartView* chart = view.lossChart();
        QVERIFY(qobject_cast<QLogValueAxis*>(chart->lossAxis()));
        // Full resolution: one raw point per epoch, smoothed beside it.
        QCOMPARE(chart->trainRawSeries()->count(), 12);
        QCOMPARE(chart->validationRawSeries()->count(), 12);
        QCOMPARE(chart->trainSmoothedSeries()->count(), 12);
        // The outlier (1000) and the smallest loss (10/12) lie inside the automatic range.
        QVERIFY(axisMax(chart->lossAxis()) >= 1000.0);
        QVERIFY(axisMin(chart->lossAxis()) <= 10.0 / 12.0);
        QCOMPARE(chart->boundaryCount(), 3);
        QVERIFY(chart->epochAxis()->min() <= 1.0 && chart->epochAxis()->max() >= 12.0);

        // Smoothing changes the smoothed curve, never the raw one.
        const QPointF rawBefore = chart->trainRawSeries()->at(5);
        const QPointF smoothBefore = chart->trainSmoothedSeries()->at(5);
        view.smoothingSlider()->setValue(0);
        QCOMPARE(chart->trainRawSeries()->at(5), rawBefore);
        QCOMPARE(chart->trainSmoothedSeries()->at(5), rawBefore); // weight 0: the data itself
        view.smoothingSlider()->setValue(95);
        QVERIFY(chart->trainSmoothedSeries()->at(5) != smoothBefore);
        QCOMPARE(chart->trainRawSeries()->count(), 12);

        view.yScaleChooser()->setCurrentIndex(1); // linear
        QVERIFY(qobject_cast<QValueAxis*>(chart->lossAxis()));
        QVERIFY(axisMax(chart->lossAxis()) >= 1000.0);
        QCOMPARE(chart->trainRawSeries()->count(), 12);

        view.xAxisChooser()->setCurrentIndex(1); // stars processed
        QVERIFY(chart->epochAxis()->max() >= 12000.0);
        QCOMPARE(chart->trainRawSeries()->at(11).x(), 12000.0);
        view.xAxisChooser()->setCurrentIndex(2); // wall time
        QCOMPARE(chart->trainRawSeries()->at(11).x(), 6.0);
    }

    void fixedLimitsAreKept() {
        TrainingMonitorView view;
        feed(view);
        LossChartView* chart = view.lossChart();
        chart->setFixedLimitsY(std::make_pair(0.5, 20.0));
        chart->setFixedLimitsX(std::make_pair(2.0, 8.0));
        view.addEpoch(epoch(4, 1, 4, 5000.0, 2.0)); // new data does not move fixed limits
        QCOMPARE(axisMin(chart->lossAxis()), 0.5);
        QCOMPARE(axisMax(chart->lossAxis()), 20.0);
        QCOMPARE(chart->epochAxis()->min(), 2.0);
        QTRY_COMPARE(chart->trainRawSeries()->count(), 13); // still drawn, only outside the view
        QCOMPARE(axisMax(chart->lossAxis()), 20.0);
    }

    // A small catalog's epochs take a millisecond; a redraw walks the whole history. One
    // redraw per epoch fell ever further behind (quadratic in the run's length): the window
    // froze and closing waited for the backlog. A burst is drawn once, shortly after.
    void aBurstOfEpochsIsDrawnOnceNotPerEpoch() {
        TrainingMonitorView view;
        feed(view);
        LossChartView* chart = view.lossChart();
        const int before = chart->refreshCount();
        constexpr int kBurst = 5000;
        for (int n = 0; n < kBurst; ++n)
            view.addEpoch(epoch(4 + n / 4, 1 + n % 4, 4, 1.0 / (n + 1), 2.0));
        QVERIFY2(chart->refreshCount() - before <= 1,
                 qPrintable(QStringLiteral("%1 redraws for a burst of %2 epochs")
                                .arg(chart->refreshCount() - before)
                                .arg(kBurst)));
        QTRY_COMPARE(chart->trainRawSeries()->count(), 12 + kBurst); // every epoch, drawn soon after
        QVERIFY(chart->refreshCount() - before <= 2);
        QVERIFY(axisMin(chart->lossAxis()) <= 1.0 / kBurst);
        // A single epoch after a quiet spell is drawn at once.
        QTest::qWait(150);
        view.addEpoch(epoch(2000, 1, 4, 0.5, 2.0));
        QCOMPARE(chart->trainRawSeries()->count(), 13 + kBurst);
    }

    void iterationChartHasOnePointPerIteration() {
        TrainingMonitorView view;
        feed(view);
        IterationChartView* chart = view.iterationChart();
        QCOMPARE(chart->chi2Series()->count(), 3);
        QCOMPARE(chart->leftOutSeries()->count(), 3);
        QCOMPARE(chart->learningRateSeries()->count(), 3);
        QCOMPARE(chart->leftOutSeries()->at(0).y(), 10.0); // 100 of 1000 usable stars, in %
    }

    void exportsTheWholeHistoryAsCsv() {
        TrainingMonitorView view;
        feed(view);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("history.csv"));
        QVERIFY(view.exportCsv(path));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QStringList lines = QString::fromUtf8(file.readAll()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 1 + 12);
        QVERIFY(lines[0].startsWith(QStringLiteral("iteration,epoch,global_epoch")));
        const QStringList wild = lines[1 + 5].split(QLatin1Char(','));
        QCOMPARE(wild[5].toDouble(), 1000.0); // nothing dropped as an outlier
        // The iteration's results sit on its last epoch's row.
        QCOMPARE(lines[4].split(QLatin1Char(','))[8].toDouble(), 50.0);
        QVERIFY(lines[3].split(QLatin1Char(','))[8].isEmpty());

        QString error;
        QVERIFY(!view.exportCsv(QStringLiteral("/nonexistent-folder/history.csv"), &error));
        QVERIFY(error.contains(QStringLiteral("/nonexistent-folder/history.csv")));
    }
};

QTEST_MAIN(TestTrainingMonitor)
#include "test_training_monitor.moc"
