// SPDX-License-Identifier: GPL-3.0-or-later
// starlocus-figures, in-process, on the authors' model and the 10,000 published stars:
// every figure file (Figs. 8 and 9 separately) in every format; PDFs that are PDFs of the
// requested physical size and render (pdftoppm, when installed); one view with --set;
// exit code 2 with one line naming the option or file on bad input; --help and --version.
// The built program once more, with no display and no QT_QPA_PLATFORM: it renders offscreen
// by itself.
#include "app/figures/figures_program.h"
#include "core/io/green2020_catalog.h"
#include "tests/support/cli_run.h"
#include "tests/support/published_data.h"
#include "tests/support/shared_data.h"

#include <QDir>
#include <QFile>
#include <QImage>
#include <QProcess>
#include <QProcessEnvironment>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <cmath>

using Run = starlocus::test::CliRun;
static Run run(const std::vector<std::string>& args) {
    std::ostringstream out, err;
    const int code = starlocus::figures::runFiguresProgram(args, out, err);
    return {code, out.str(), err.str()};
}

namespace {
const QStringList kStems{QStringLiteral("fig06_cmd"),
                         QStringLiteral("fig07_mean_labels"),
                         QStringLiteral("fig08_color_color_logg"),
                         QStringLiteral("fig09_color_color_feh"),
                         QStringLiteral("fig10_extinction_deviation"),
                         QStringLiteral("fig11_reddening_slopes"),
                         QStringLiteral("fig12_scores")};
}

class TestStarlocusFigures : public QObject {
    Q_OBJECT
    QTemporaryDir dir_;
    std::string model_, norm_, catalog_;

    void expectBadInput(const Run& r, const std::string& needle) {
        QCOMPARE(r.code, 2);
        QVERIFY2(std::count(r.err.begin(), r.err.end(), '\n') == 1, r.err.c_str());
        QVERIFY2(r.err.find(needle) != std::string::npos, r.err.c_str());
    }
    std::vector<std::string> base(const std::string& out) {
        return {"--model", model_, "--normalization", norm_, "--catalog", catalog_, "--out", out};
    }

private slots:
    void init() {
        STARLOCUS_PUBLISHED_PATHS(model_, norm_, catalog_);
    }

    void writesEveryFigureInEveryFormat() {
        const std::string out = dir_.filePath(QStringLiteral("all")).toStdString();
        auto args = base(out);
        args.insert(args.end(), {"--format", "pdf,svg,png", "--dpi", "100"});
        const Run r = run(args);
        QVERIFY2(r.code == 0, r.err.c_str());
        for (const QString& stem : kStems)
            for (const char* suffix : {".pdf", ".svg", ".png"}) {
                const QString path = QDir(QString::fromStdString(out)).filePath(stem + QLatin1String(suffix));
                QVERIFY2(QFile::exists(path), qPrintable(path));
                QVERIFY2(r.out.find(path.toStdString()) != std::string::npos, r.out.c_str());
            }
        // PDF: a PDF whose page is the figure's physical size (Fig. 11: 120 mm = 340.2 pt).
        QFile pdf(QDir(QString::fromStdString(out)).filePath(QStringLiteral("fig11_reddening_slopes.pdf")));
        QVERIFY(pdf.open(QIODevice::ReadOnly));
        const QByteArray bytes = pdf.readAll();
        QVERIFY(bytes.startsWith("%PDF"));
        const QRegularExpressionMatch box =
            QRegularExpression(QStringLiteral("/MediaBox \\[0 0 ([0-9.]+)")).match(QString::fromLatin1(bytes));
        QVERIFY(box.hasMatch());
        QVERIFY2(std::abs(box.captured(1).toDouble() - 340.2) <= 1.0, qPrintable(box.captured(0))); // whole points
        // SVG keeps text as text: an axis title is in the file.
        QFile svg(QDir(QString::fromStdString(out)).filePath(QStringLiteral("fig06_cmd.svg")));
        QVERIFY(svg.open(QIODevice::ReadOnly));
        QVERIFY(svg.readAll().contains("[mag]"));
        // PNG: the size asked for (Fig. 6 180 × 76.5 mm at 100 DPI) and not blank.
        const QImage png(QDir(QString::fromStdString(out)).filePath(QStringLiteral("fig06_cmd.png")));
        QCOMPARE(png.width(), int(std::lround(180.0 / 25.4 * 100)));
        int coloured = 0;
        for (int y = 0; y < png.height(); y += 3)
            for (int x = 0; x < png.width(); x += 3) {
                const QColor c = png.pixelColor(x, y);
                coloured += std::abs(c.red() - c.green()) + std::abs(c.green() - c.blue()) > 60 ? 1 : 0;
            }
        QVERIFY2(coloured > 500, "the density images are missing");
    }

    void pdfsRender() {
        const QString pdftoppm = QStandardPaths::findExecutable(QStringLiteral("pdftoppm"));
        if (pdftoppm.isEmpty())
            QFAIL("pdftoppm (poppler-utils, scripts/install-deps.sh) is not installed: the PDFs cannot be rendered");
        const std::string out = dir_.filePath(QStringLiteral("pdf")).toStdString();
        QVERIFY(run(base(out)).code == 0);
        for (const QString& stem : kStems) {
            const QString pdf = QDir(QString::fromStdString(out)).filePath(stem + QStringLiteral(".pdf"));
            const QString prefix = QDir(QString::fromStdString(out)).filePath(stem + QStringLiteral("_render"));
            QProcess render;
            render.start(pdftoppm, {QStringLiteral("-png"), QStringLiteral("-r"), QStringLiteral("60"),
                                    QStringLiteral("-singlefile"), pdf, prefix});
            QVERIFY(render.waitForFinished(60000));
            QCOMPARE(render.exitCode(), 0);
            const QImage page(prefix + QStringLiteral(".png"));
            QVERIFY2(!page.isNull(), qPrintable(stem));
            int dark = 0;
            for (int y = 0; y < page.height(); ++y)
                for (int x = 0; x < page.width(); ++x)
                    dark += qGray(page.pixel(x, y)) < 128 ? 1 : 0;
            QVERIFY2(dark > 200, qPrintable(stem + QStringLiteral(": no axes or text rendered")));
        }
    }

    void oneViewWithSettings() {
        const std::string out = dir_.filePath(QStringLiteral("one")).toStdString();
        auto args = base(out);
        args.insert(args.end(), {"--view", "scores", "--set", "colors=g-r,BP-RP", "--set", "score_range=4",
                                 "--format", "png", "--preset", "aa-88", "--csv"});
        const Run r = run(args);
        QVERIFY2(r.code == 0, r.err.c_str());
        const QStringList files = QDir(QString::fromStdString(out)).entryList(QDir::Files, QDir::Name);
        QCOMPARE(files, (QStringList{QStringLiteral("fig12_scores.csv"), QStringLiteral("fig12_scores.png")}));
        const QImage png(QDir(QString::fromStdString(out)).filePath(QStringLiteral("fig12_scores.png")));
        QCOMPARE(png.width(), int(std::lround(88.0 / 25.4 * 150))); // A&A one column at the default 150 DPI
    }

    void badInputIsExitTwoWithOneLine() {
        const std::string out = dir_.filePath(QStringLiteral("bad")).toStdString();
        auto unknownView = base(out);
        unknownView.insert(unknownView.end(), {"--view", "hr"});
        expectBadInput(run(unknownView), "--view");
        auto badSet = base(out);
        badSet.insert(badSet.end(), {"--view", "cmd", "--set", "color=G-Q"});
        expectBadInput(run(badSet), "--set color");
        auto setWithoutView = base(out);
        setWithoutView.insert(setWithoutView.end(), {"--set", "color=g-r"});
        expectBadInput(run(setWithoutView), "--view");
        auto badFormat = base(out);
        badFormat.insert(badFormat.end(), {"--format", "jpg"});
        expectBadInput(run(badFormat), "--format");
        expectBadInput(run({"--model", model_, "--normalization", norm_, "--out", out}), "catalog");
        expectBadInput(run({"--model", model_, "--normalization", norm_, "--catalog", "/nonexistent/c.h5",
                            "--out", out}),
                       "/nonexistent/c.h5");
    }

    void helpVersionAndNoArguments() {
        Run r = run({"--help"});
        QCOMPARE(r.code, 0);
        QVERIFY2(r.out.rfind("usage: starlocus-figures --model FILE", 0) == 0, r.out.c_str());
        for (const char* word : {"--catalog FILE", "--out DIR", "--set KEY=VALUE", "aas-two", "extinction_deviation",
                                 "exit codes"})
            QVERIFY2(r.out.find(word) != std::string::npos, word);
        r = run({"--version"});
        QCOMPARE(r.code, 0);
        QVERIFY2(r.out.rfind("starlocus-figures ", 0) == 0, r.out.c_str());
        r = run({});
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.rfind("usage: starlocus-figures", 0) == 0, r.err.c_str());
    }

    // The program as installed, on a machine without a display: no DISPLAY, WAYLAND_DISPLAY
    // or QT_QPA_PLATFORM. It chooses the offscreen platform itself instead of stopping in Qt's
    // xcb plugin.
    void builtProgramRendersWithoutADisplay() {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        for (const char* name : {"DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"})
            env.remove(QString::fromLatin1(name));
        const QString out = dir_.filePath(QStringLiteral("program"));
        QStringList arguments;
        for (const std::string& a : base(out.toStdString()))
            arguments << QString::fromStdString(a);
        arguments << QStringLiteral("--view") << QStringLiteral("cmd") << QStringLiteral("--format")
                  << QStringLiteral("png");
        QProcess program;
        program.setProcessEnvironment(env);
        program.start(QStringLiteral(STARLOCUS_FIGURES_EXE), arguments);
        QVERIFY(program.waitForFinished(120000));
        const QString errors = QString::fromLocal8Bit(program.readAllStandardError());
        QCOMPARE(program.exitStatus(), QProcess::NormalExit);
        QVERIFY2(program.exitCode() == 0, qPrintable(errors));
        const QString png = QDir(out).filePath(QStringLiteral("fig06_cmd.png"));
        QVERIFY2(QImage(png).width() == int(std::lround(180.0 / 25.4 * 150)), qPrintable(png));
        QVERIFY(QString::fromLocal8Bit(program.readAllStandardOutput()).contains(png));
        // Bad input: exit code 2, the message names the program and the file.
        program.start(QStringLiteral(STARLOCUS_FIGURES_EXE),
                      {QStringLiteral("--model"), QString::fromStdString(model_), QStringLiteral("--catalog"),
                       QStringLiteral("/nonexistent/c.h5"), QStringLiteral("--out"), out});
        QVERIFY(program.waitForFinished(120000));
        QCOMPARE(program.exitCode(), 2);
        const QString badInput = QString::fromLocal8Bit(program.readAllStandardError());
        QVERIFY2(badInput.contains(QStringLiteral("starlocus-figures: /nonexistent/c.h5")), qPrintable(badInput));
    }

    void catalogWithoutParallaxesNamesTheFile() {
        auto catalog = starlocus::core::readGreen2020Catalog(catalog_);
        std::fill(catalog.parallaxMas.begin(), catalog.parallaxMas.end(), std::nan(""));
        const std::string path = dir_.filePath(QStringLiteral("no_parallax.h5")).toStdString();
        starlocus::core::LabelNormalization normalization;
        if (catalog.labelMedian && catalog.labelStd)
            normalization = {*catalog.labelMedian, *catalog.labelStd};
        starlocus::core::writeGreen2020Catalog(path, catalog, normalization);
        const std::string out = dir_.filePath(QStringLiteral("noplx")).toStdString();
        const Run r = run({"--model", model_, "--normalization", norm_, "--catalog", path, "--out", out,
                           "--view", "cmd"});
        expectBadInput(r, path);
        QVERIFY2(r.err.find("parallax") != std::string::npos, r.err.c_str());
        // The figure is still written, with the note in place.
        QVERIFY(QFile::exists(QDir(QString::fromStdString(out)).filePath(QStringLiteral("fig06_cmd.pdf"))));
    }
};

QTEST_MAIN(TestStarlocusFigures)
#include "test_starlocus_figures.moc"
