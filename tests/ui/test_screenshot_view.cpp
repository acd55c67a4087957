// `starlocus --screenshot FILE --view NAME`: the GUI executable opens the files, shows the
// view and writes a PNG that is really a picture (pixel variance far above a blank
// window's); an unknown view is refused with exit code 2, an unavailable one with 1.
#include "core/io/model_file.h"
#include "tests/support/shared_data.h"
#include "tests/support/toy_model.h"

#include <QImage>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <QWidget>

namespace {

// Variance of the grey levels (0–255) of an image.
double greyVariance(const QImage& image) {
    const QImage grey = image.convertToFormat(QImage::Format_Grayscale8);
    double sum = 0.0, sum2 = 0.0;
    const double n = double(grey.width()) * grey.height();
    for (int y = 0; y < grey.height(); ++y) {
        const uchar* row = grey.constScanLine(y);
        for (int x = 0; x < grey.width(); ++x) {
            sum += row[x];
            sum2 += double(row[x]) * row[x];
        }
    }
    const double mean = sum / n;
    return sum2 / n - mean * mean;
}

struct Run {
    int exitCode = -1;
    QString errors;
    QString output;
};

Run runStarlocus(const QStringList& arguments) {
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    process.setProcessEnvironment(env);
    process.start(QStringLiteral(STARLOCUS_GUI_EXE), arguments);
    if (!process.waitForFinished(120000)) {
        process.kill();
        return {};
    }
    return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
            QString::fromLocal8Bit(process.readAllStandardError()), QString::fromLocal8Bit(process.readAllStandardOutput())};
}

} // namespace

class TestScreenshotView : public QObject {
    Q_OBJECT
private slots:
    void explorerScreenshotIsAPicture() {
        QTemporaryDir dir;
        const QString model = dir.filePath(QStringLiteral("toy_model.h5"));
        starlocus::core::saveModel(model.toStdString(),
                                   starlocus::test::toyModel(starlocus::test::toySunMagnitudes(),
                                                             starlocus::test::toyExtinction(), 0.3));
        const QString png = dir.filePath(QStringLiteral("explorer.png"));
        const Run run = runStarlocus({QStringLiteral("--model"), model, QStringLiteral("--view"),
                                      QStringLiteral("explorer"), QStringLiteral("--screenshot"), png});
        QVERIFY2(run.exitCode == 0, qPrintable(run.errors));
        const QImage image(png);
        QVERIFY(!image.isNull());
        QVERIFY(image.width() >= 800 && image.height() >= 500);

        QWidget blank;
        blank.resize(image.size());
        const double blankVariance = greyVariance(blank.grab().toImage());
        const double variance = greyVariance(image);
        QVERIFY2(variance > 100.0 && variance > 20.0 * (blankVariance + 1.0),
                 qPrintable(QStringLiteral("variance %1, blank %2").arg(variance).arg(blankVariance)));
    }

    void explorerWithThePublishedFiles() {
        STARLOCUS_SHARED_FILE(model, "green2020/green2020_nn_model.h5");
        STARLOCUS_SHARED_FILE(catalog, "green2020/green2020_test_data_small.h5");
        QTemporaryDir dir;
        const QString png = dir.filePath(QStringLiteral("explorer.png"));
        const Run run = runStarlocus({QStringLiteral("--model"), model, QStringLiteral("--catalog"), catalog,
                                      QStringLiteral("--view"), QStringLiteral("explorer"),
                                      QStringLiteral("--screenshot"), png});
        QVERIFY2(run.exitCode == 0, qPrintable(run.errors));
        QVERIFY(greyVariance(QImage(png)) > 100.0);
    }

    // `--demo --train --view training --after-epochs N`: trains on the small synthetic sky
    // and grabs the window once the monitor has drawn N epochs (the app reports its loss
    // chart's point count on stdout in screenshot mode).
    void trainingScreenshotAfterEpochs() {
        QTemporaryDir dir;
        const QString png = dir.filePath(QStringLiteral("training.png"));
        const int epochs = 3;
        const Run run = runStarlocus({QStringLiteral("--demo"), QStringLiteral("--train"), QStringLiteral("--view"),
                                      QStringLiteral("training"), QStringLiteral("--after-epochs"),
                                      QString::number(epochs), QStringLiteral("--screenshot"), png});
        QVERIFY2(run.exitCode == 0, qPrintable(run.errors));
        const QImage image(png);
        QVERIFY(!image.isNull());
        QVERIFY(image.width() >= 800 && image.height() >= 500);
        QWidget blank;
        blank.resize(image.size());
        const double blankVariance = greyVariance(blank.grab().toImage());
        const double variance = greyVariance(image);
        QVERIFY2(variance > 100.0 && variance > 20.0 * (blankVariance + 1.0),
                 qPrintable(QStringLiteral("variance %1, blank %2").arg(variance).arg(blankVariance)));
        const QRegularExpression points(QStringLiteral("loss chart points: (\\d+)"));
        const QRegularExpressionMatch match = points.match(run.output);
        QVERIFY2(match.hasMatch(), qPrintable(run.output));
        QVERIFY(match.captured(1).toInt() >= epochs);
    }

    void afterEpochsNeedsTrainingAndAScreenshot() {
        const Run run = runStarlocus({QStringLiteral("--after-epochs"), QStringLiteral("3")});
        QCOMPARE(run.exitCode, 2);
        QVERIFY(run.errors.contains(QStringLiteral("--after-epochs")));
    }

    void unknownOrUnavailableViews() {
        QTemporaryDir dir;
        const QString png = dir.filePath(QStringLiteral("x.png"));
        Run run = runStarlocus({QStringLiteral("--view"), QStringLiteral("nonsense"), QStringLiteral("--screenshot"), png});
        QCOMPARE(run.exitCode, 2);
        QVERIFY(run.errors.contains(QStringLiteral("nonsense")));
        // The explorer needs a model.
        run = runStarlocus({QStringLiteral("--view"), QStringLiteral("explorer"), QStringLiteral("--screenshot"), png});
        QCOMPARE(run.exitCode, 1);
        QVERIFY(run.errors.contains(QStringLiteral("explorer")));
        // The session view needs nothing.
        run = runStarlocus({QStringLiteral("--view"), QStringLiteral("session"), QStringLiteral("--screenshot"), png});
        QCOMPARE(run.exitCode, 0);
    }
};

QTEST_MAIN(TestScreenshotView)
#include "test_screenshot_view.moc"
