// SPDX-License-Identifier: GPL-3.0-or-later
// The main window around training: one click trains on the open sky and the monitor
// draws what arrives (curve points, live CMD, status bar); closing while a run trains
// asks, and on "yes" stops the run and closes with the last checkpoint kept; "no" keeps
// everything running.
#include "core/io/training_checkpoint.h"
#include "tests/support/gui_screenshot.h"
#include "tests/ui/training/training_test_sky.h"
#include "ui/main_window.h"
#include "ui/session/session.h"
#include "ui/session/session_loader.h"
#include "ui/training/live_cmd_view.h"
#include "ui/training/loss_chart_view.h"
#include "ui/training/training_monitor_view.h"
#include "ui/training/training_view.h"

#include <QAction>
#include <QDockWidget>
#include <QFileInfo>
#include <QImage>
#include <QLabel>
#include <QLineSeries>
#include <QProgressBar>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <cstdlib>

using starlocus::ui::MainWindow;
using starlocus::ui::TrainingController;
namespace test = starlocus::test;

namespace {

constexpr int kRunTimeoutMs = 120000;

// Pixels within a small distance of `colour` (antialiasing blends the edges of a line).
int pixelsOfColour(const QImage& image, const QColor& colour) {
    int n = 0;
    const QImage rgb = image.convertToFormat(QImage::Format_RGB32);
    for (int y = 0; y < rgb.height(); ++y)
        for (int x = 0; x < rgb.width(); ++x) {
            const QColor c = rgb.pixelColor(x, y);
            n += std::abs(c.red() - colour.red()) + std::abs(c.green() - colour.green()) +
                     std::abs(c.blue() - colour.blue()) < 40;
        }
    return n;
}

void prepare(MainWindow& w, const QString& checkpoint, int iterations, int epochs) {
    w.setWarningPresenter([](const QString& title, const QString& text) {
        QFAIL(qPrintable(title + QStringLiteral(": ") + text));
    });
    w.training()->setCheckpointPath(checkpoint);
    w.training()->setConfig(test::quickSchedule(iterations, epochs));
    w.session()->setCatalog(test::smallSky());
}

} // namespace

class TestTrainingWindow : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void oneClickTrainsAndTheMonitorDrawsIt() {
        QTemporaryDir dir;
        MainWindow w;
        QVERIFY(!w.training()->startAction()->isEnabled()); // nothing to train on yet
        prepare(w, dir.filePath(QStringLiteral("run.h5")), 2, 2);
        w.show();
        QVERIFY(w.showView(QStringLiteral("training")));
        QVERIFY(w.trainingDock()->isVisible());
        // The loss chart's own pixels in the colour of the smoothed training curve: before the
        // run only its legend marker, after it the curve. (A whole-window grey variance moved
        // either way under load: the window's layout changes when the trained model opens.)
        auto* lossChart = w.training()->monitor()->lossChart();
        const QColor curve = lossChart->trainSmoothedSeries()->color();
        const int blank = pixelsOfColour(lossChart->grab().toImage(), curve);
        QVERIFY(w.training()->startAction()->isEnabled());
        w.training()->startAction()->trigger();
        QVERIFY(w.training()->pauseAction()->isEnabled());
        QSignalSpy finished(w.training()->controller(), &TrainingController::finished);
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, kRunTimeoutMs);
        // 2 iterations × 2 epochs: one raw point per epoch for training and validation.
        auto* chart = w.training()->monitor()->lossChart();
        QCOMPARE(chart->trainRawSeries()->count(), 4);
        QCOMPARE(chart->validationRawSeries()->count(), 4);
        QCOMPARE(chart->boundaryCount(), 2);
        QTRY_VERIFY_WITH_TIMEOUT(w.training()->liveCmd()->refreshCount() >= 1, 30000);
        QVERIFY(w.training()->liveCmd()->testStarCount() > 0);
        // The trained model is now the session's: the explorer can show it.
        QVERIFY(w.session()->model() != nullptr);
        QVERIFY(w.saveModelAction()->isEnabled());
        const int trained = pixelsOfColour(lossChart->grab().toImage(), curve);
        QVERIFY2(trained > blank + 100, qPrintable(QString("pixels of the training curve's colour: %1 after the run, %2 "
                                                           "before").arg(trained).arg(blank)));
        QVERIFY(w.training()->positionLabel()->text().contains(QStringLiteral("2")));
    }

    // The Session tab's "File:" names the model's own file (issue #14: it showed the training
    // catalog's path): none for a model trained here ("not saved yet"), the file once saved,
    // and the same after reopening it; "Trained on:" names the catalog (the test's sky is
    // "mock:test"). Models read from a Keras file have no "Trained on:".
    void modelSummaryNamesTheModelFileAndTheTrainingCatalog() {
        QTemporaryDir dir;
        MainWindow w;
        prepare(w, dir.filePath(QStringLiteral("run.h5")), 1, 1);
        w.show();
        QSignalSpy finished(w.training()->controller(), &TrainingController::finished);
        QVERIFY(w.training()->startTraining());
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, kRunTimeoutMs);
        QVERIFY(w.session()->model());
        const auto label = [&w](const char* name) {
            auto* l = w.findChild<QLabel*>(QLatin1String(name));
            return l ? l->text() : QStringLiteral("<no label %1>").arg(QLatin1String(name));
        };
        const auto shown = [&w](const char* name) {
            auto* l = w.findChild<QLabel*>(QLatin1String(name));
            return l && !l->isHidden();
        };
        QCOMPARE(label("modelFileValue"), QStringLiteral("not saved yet"));
        QVERIFY(!shown("modelFolderValue"));
        QCOMPARE(label("modelTrainedOnValue"), QStringLiteral("mock:test"));
        QVERIFY(shown("modelTrainedOnValue"));

        const QString saved = dir.filePath(QStringLiteral("trained.h5"));
        QVERIFY(w.saveModelFile(saved));
        QCOMPARE(label("modelFileValue"), QStringLiteral("trained.h5"));
        QVERIFY(shown("modelFolderValue"));
        QVERIFY(label("modelFolderValue").remove(QChar(0x200B)).contains(QFileInfo(dir.path()).fileName()));

        w.session()->setModel(nullptr);
        QSignalSpy loaded(w.loader(), &starlocus::ui::SessionLoader::modelLoaded);
        w.openModelFile(saved);
        QVERIFY(loaded.wait(30000));
        QCOMPARE(label("modelFileValue"), QStringLiteral("trained.h5"));
        QCOMPARE(label("modelTrainedOnValue"), QStringLiteral("mock:test"));
        QVERIFY(!shown("modelNotesValue")); // saved with checksums: nothing to note

        // What a loader notes (a file written before checksums existed) is shown beside
        // the model, not as an error.
        const auto& m = *w.session()->model();
        auto prov = m.provenance();
        prov.notes = {"no checksums (written before StarLocus stored them)"};
        w.session()->setModel(std::make_shared<const starlocus::core::StellarModel>(
            m.normalization(), m.hiddenLayers(), m.colorOutputLayer(), m.extinctionLayer(), prov));
        QVERIFY(shown("modelNotesValue"));
        QVERIFY(label("modelNotesValue").contains(QStringLiteral("no checksums")));
    }

    void closingWhileTrainingAsksThenStopsAndKeepsTheCheckpoint() {
        QTemporaryDir dir;
        const QString checkpoint = dir.filePath(QStringLiteral("run.h5"));
        MainWindow w;
        prepare(w, checkpoint, 1000, 20); // far more than the test lets run, on any machine
        w.show();
        QSignalSpy iterations(w.training()->controller(), &TrainingController::iterationFinished);
        QVERIFY(w.training()->startTraining());
        QTRY_VERIFY_WITH_TIMEOUT(iterations.count() >= 1, kRunTimeoutMs);

        int asked = 0;
        w.setCloseQuestion([&asked](const QString&) {
            ++asked;
            return false; // "Cancel"
        });
        QVERIFY(!w.close());
        QCOMPARE(asked, 1);
        QVERIFY(w.isVisible());
        QVERIFY(w.training()->controller()->isActive());

        QString question;
        w.setCloseQuestion([&question](const QString& text) {
            question = text;
            return true; // "Yes"
        });
        QVERIFY(!w.close()); // not yet: the run stops first
        QVERIFY(question.contains(checkpoint));
        QTRY_VERIFY_WITH_TIMEOUT(!w.isVisible(), kRunTimeoutMs);
        QVERIFY(!w.training()->controller()->isActive());
        QVERIFY(QFileInfo::exists(checkpoint));
        const auto kept = starlocus::core::loadTrainingCheckpoint(checkpoint.toStdString());
        QVERIFY(kept.completedIterations >= 1 && kept.completedIterations < 1000);
    }

    void startingWithoutACatalogExplains() {
        MainWindow w;
        QStringList warnings;
        w.setWarningPresenter([&warnings](const QString&, const QString& text) { warnings << text; });
        QVERIFY(!w.training()->startTraining());
        QCOMPARE(warnings.size(), 1);
        QVERIFY(warnings.first().contains(QStringLiteral("catalog")));
        QVERIFY(!w.training()->controller()->isActive());
    }
};

QTEST_MAIN(TestTrainingWindow)
#include "test_training_window.moc"
