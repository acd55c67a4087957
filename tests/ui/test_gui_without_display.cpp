// SPDX-License-Identifier: GPL-3.0-or-later
// The GUI executable on a machine without a display (no DISPLAY, WAYLAND_DISPLAY or
// QT_QPA_PLATFORM): instead of Qt's xcb plugin aborting with its own message, it exits 2 with
// one line of its own (translated), --screenshot renders offscreen by itself, and --help needs
// no display at all.
#include "tests/support/gui_screenshot.h"

#include <QTemporaryDir>
#include <QTest>

using starlocus::test::GuiRun;
using starlocus::test::pictureProblem;

namespace {

// The test's environment without any display or platform choice, in `locale`.
QProcessEnvironment withoutDisplay(const QString& locale = QStringLiteral("C.UTF-8")) {
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const char* name : {"DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM", "LANGUAGE", "LC_MESSAGES", "LANG"})
        env.remove(QString::fromLatin1(name));
    env.insert(QStringLiteral("LC_ALL"), locale);
    return env;
}

GuiRun runStarlocus(const QStringList& arguments, const QProcessEnvironment& env, const QString& png = {}) {
    return starlocus::test::runGui(QStringLiteral(STARLOCUS_GUI_EXE), arguments, png, env);
}

} // namespace

class TestGuiWithoutDisplay : public QObject {
    Q_OBJECT
private slots:
    void refusesWithOneLine() {
        const GuiRun run = runStarlocus({QStringLiteral("--demo")}, withoutDisplay());
        QCOMPARE(run.exitCode, 2);
        QCOMPARE(run.errors,
                 QStringLiteral("starlocus: no display (DISPLAY and WAYLAND_DISPLAY are unset); run it in a desktop "
                                "session (--screenshot and starlocus-figures need none)\n"));
        QVERIFY(run.output.isEmpty());
    }

    void refusesInGerman() {
        const GuiRun run = runStarlocus({}, withoutDisplay(QStringLiteral("de_DE.UTF-8")));
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.errors.startsWith(QStringLiteral("starlocus: keine Anzeige (DISPLAY und WAYLAND_DISPLAY")),
                 qPrintable(run.errors));
        QCOMPARE(run.errors.count(QLatin1Char('\n')), 1);
    }

    void helpNeedsNoDisplay() {
        const GuiRun run = runStarlocus({QStringLiteral("--help")}, withoutDisplay());
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(run.output.contains(QStringLiteral("--screenshot")), qPrintable(run.output));
    }

    // A screenshot is a picture of the window, not a window on a screen: offscreen draws it.
    void screenshotRendersOffscreen() {
        QTemporaryDir dir;
        const GuiRun run = runStarlocus({QStringLiteral("--demo"), QStringLiteral("--view"), QStringLiteral("session")},
                                        withoutDisplay(), dir.filePath(QStringLiteral("session.png")));
        QVERIFY2(run.exitCode == 0, qPrintable(run.errors));
        QVERIFY2(!run.errors.contains(QStringLiteral("xcb")), qPrintable(run.errors));
        const QString problem = pictureProblem(run.image);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
    }
};

QTEST_MAIN(TestGuiWithoutDisplay)
#include "test_gui_without_display.moc"
