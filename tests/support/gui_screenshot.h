// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Runs the GUI executable (`starlocus … --screenshot PNG`) offscreen and reads the PNG it
// wrote, for the tests that check what a screenshot shows. Header-only: the tests that use
// it link Qt Widgets already (a blank window is the reference a picture is compared with).
#include <QImage>
#include <QProcess>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>
#include <QWidget>

namespace starlocus::test {

struct GuiRun {
    int exitCode = -1; // -1: crashed or timed out
    QString errors;    // standard error
    QString output;    // standard output (screenshot mode says there what the picture holds)
    QImage image;      // the PNG, null when none was written
};

// The test's own environment with the offscreen platform: no window appears on a desktop.
inline QProcessEnvironment offscreenEnvironment() {
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    return env;
}

// `arguments` without --screenshot: it is added with `png` when `png` is not empty.
inline GuiRun runGui(const QString& executable, QStringList arguments, const QString& png = {},
                     const QProcessEnvironment& env = offscreenEnvironment()) {
    if (!png.isEmpty())
        arguments << QStringLiteral("--screenshot") << png;
    QProcess process;
    process.setProcessEnvironment(env);
    process.start(executable, arguments);
    GuiRun run;
    if (!process.waitForFinished(120000)) {
        process.kill();
        return run;
    }
    run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    run.errors = QString::fromLocal8Bit(process.readAllStandardError());
    run.output = QString::fromLocal8Bit(process.readAllStandardOutput());
    if (!png.isEmpty())
        run.image = QImage(png);
    return run;
}

// Variance of the grey levels (0–255) of an image.
inline double greyVariance(const QImage& image) {
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

// Empty when `image` is a real picture: at least window-sized, and its grey-level variance
// far above that of a blank window of the same size; otherwise what is wrong with it.
inline QString pictureProblem(const QImage& image) {
    if (image.isNull())
        return QStringLiteral("no image");
    if (image.width() < 800 || image.height() < 500)
        return QStringLiteral("image %1 x %2, smaller than the window").arg(image.width()).arg(image.height());
    QWidget blank;
    blank.resize(image.size());
    const double blankVariance = greyVariance(blank.grab().toImage());
    const double variance = greyVariance(image);
    if (variance > 100.0 && variance > 20.0 * (blankVariance + 1.0))
        return {};
    return QStringLiteral("grey-level variance %1, blank window %2").arg(variance).arg(blankVariance);
}

} // namespace starlocus::test
