// SPDX-License-Identifier: GPL-3.0-or-later
// starlocus-cli links no GUI library (Qt Widgets, Gui, Charts, OpenGL, Svg, PrintSupport,
// QCustomPlot): it runs on machines without a desktop and its package pulls none in. Read
// from the built program's dynamic section (DT_NEEDED). starlocus-figures, which renders the
// science views, must name Qt Widgets and QCustomPlot there — proof that the check reads
// what the loader reads.
#include "tests/app/elf_needed.h"

#include <QRegularExpression>
#include <QTest>

using starlocus::test::elfNeededLibraries;

namespace {

// The libraries of the GUI side, as the loader names them (Debian: libQt6Widgets.so.6,
// libQCustomPlotQt6.so.2.1; upstream QCustomPlot builds: libqcustomplot.so.2).
QStringList guiLibraries(const QStringList& needed) {
    static const QRegularExpression gui(
        QStringLiteral("^libQt6(Widgets|Gui|Charts|OpenGL|OpenGLWidgets|Svg|SvgWidgets|PrintSupport)\\.so|qcustomplot"),
        QRegularExpression::CaseInsensitiveOption);
    return needed.filter(gui);
}

QStringList neededOf(const char* path) {
    QString error;
    const QStringList needed = elfNeededLibraries(QString::fromUtf8(path), &error);
    if (!error.isEmpty())
        qWarning("%s", qPrintable(error));
    return needed;
}

} // namespace

class TestProgramLibraries : public QObject {
    Q_OBJECT
private slots:
    void cliLinksNoGuiLibrary() {
        const QStringList needed = neededOf(STARLOCUS_CLI_EXE);
        // It reads the real list: the CLI reads HDF5 files and is C++.
        QVERIFY2(!needed.filter(QStringLiteral("libhdf5")).isEmpty(), qPrintable(needed.join(QLatin1Char(' '))));
        QVERIFY2(!needed.filter(QStringLiteral("libstdc++")).isEmpty(), qPrintable(needed.join(QLatin1Char(' '))));
        const QStringList gui = guiLibraries(needed);
        QVERIFY2(gui.isEmpty(), qPrintable(QStringLiteral("%1 links %2 (figures belong in starlocus-figures)")
                                               .arg(QStringLiteral(STARLOCUS_CLI_EXE), gui.join(QStringLiteral(", ")))));
    }

    void figuresLinksTheGuiLibrary() {
#ifdef STARLOCUS_FIGURES_EXE
        const QStringList needed = neededOf(STARLOCUS_FIGURES_EXE);
        const QStringList gui = guiLibraries(needed);
        QVERIFY2(!gui.filter(QStringLiteral("libQt6Widgets")).isEmpty(), qPrintable(needed.join(QLatin1Char(' '))));
        QVERIFY2(!gui.filter(QStringLiteral("qcustomplot"), Qt::CaseInsensitive).isEmpty(),
                 qPrintable(needed.join(QLatin1Char(' '))));
#else
        QSKIP("built without the GUI (STARLOCUS_BUILD_GUI=OFF): there is no starlocus-figures");
#endif
    }
};

QTEST_GUILESS_MAIN(TestProgramLibraries)
#include "test_program_libraries.moc"
