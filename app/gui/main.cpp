// SPDX-License-Identifier: GPL-3.0-or-later
// starlocus: the desktop application. Command line, translators and the main window;
// everything else lives in starlocus_ui.
#include "app/gui/file_probe_mode.h"
#include "ui/inference/catalog_fit_panel.h"
#include "ui/inference/catalog_fit_view.h"
#include "ui/inference/star_fit_view.h"
#include "ui/main_window.h"
#include "ui/science/science_tab.h"
#include "ui/science/science_view.h"
#include "ui/session/file_probe.h"
#include "ui/session/session.h"
#include "ui/session/session_loader.h"
#include "ui/session/synthetic_sky_job.h"
#include "ui/training/live_cmd_view.h"
#include "ui/training/loss_chart_view.h"
#include "ui/training/training_monitor_view.h"
#include "ui/training/training_controller.h"
#include "ui/training/training_view.h"
#include "ui/translators.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QIcon>
#include <QLineSeries>
#include <QPixmap>
#include <QTimer>
#include <cstdio>
#include <memory>
#include <optional>
#include <utility>

namespace {

void printError(const QString& text) { std::fprintf(stderr, "starlocus: %s\n", qPrintable(text)); }

// The start-up default: a synthetic sky this large (a few seconds in the background);
// --demo uses a smaller sky and a short schedule so that a run takes seconds.
constexpr std::size_t kDefaultSkyStars = 200000;
constexpr std::size_t kDemoSkyStars = 30000;

starlocus::core::TrainingConfig demoTrainingConfig() {
    starlocus::core::TrainingConfig config;
    config.iterations = 4;
    config.epochsPerIteration = 6;
    return config;
}

// --screenshot: once every requested file is open, the synthetic sky is ready and, with
// --train, either the monitor has drawn N epochs (--after-epochs N: the run is then paused
// and the live CMD has drawn a snapshot) or the run has finished (its model is then the
// session's; with --after-epochs N also when it finished before N epochs, said on standard
// error, rather than waiting for ever), show the requested view (--view), wait until the science views have prepared
// their data if one of them is shown (the fit view: its grid and first star; the catalog-fit view: it fits every
// star of the catalog with the session's model and waits for the result), grab the window to a PNG and quit (0), or
// quit with 1 when a file could not be opened, training failed, the view cannot be shown or the PNG not
// saved.
void scheduleScreenshot(starlocus::ui::MainWindow& window, const QString& pngPath, const QString& view,
                        bool train, int afterEpochs, bool& failed) {
    auto grab = [&window, pngPath] {
        QCoreApplication::processEvents(); // lay out and paint the view just shown
        if (!window.grab().save(pngPath, "PNG")) {
            printError(QCoreApplication::translate("main", "could not write the screenshot %1").arg(pngPath));
            QCoreApplication::exit(1);
            return;
        }
        // What the picture holds, for scripts and tests that cannot look inside it.
        std::printf("screenshot: %s\nloss chart points: %d\n", qPrintable(pngPath),
                    int(window.training()->monitor()->lossChart()->trainRawSeries()->count()));
        if (window.currentViewName() == QLatin1String("science"))
            if (const starlocus::ui::ScienceView* shown = window.science()->currentView()) {
                std::printf("science view: %s, panels: %d, notes: %d", qPrintable(shown->viewName()),
                            int(shown->panels().size()), int(shown->notes().size()));
                if (const starlocus::ui::ScienceData* data = shown->data())
                    std::printf(", stars: %zu (%s)", data->size(),
                                data->products.selection.choice == starlocus::core::ScienceStarChoice::TestSplit
                                    ? "test split"
                                    : "all");
                std::printf("\n");
            }
        if (window.currentViewName() == QLatin1String("fit")) {
            const starlocus::ui::StarFitView* fit = window.starFit();
            std::printf("fit: %s, drawn %.0f ms after the request\n",
                        fit->showsPlots() ? "plots" : qPrintable(fit->message()), fit->lastLatencyMs());
        }
        if (window.currentViewName() == QLatin1String("catalog-fit")) {
            const starlocus::ui::CatalogFitView* fit = window.catalogFit();
            std::printf("catalog fit: %s; Teff panel: %zu stars, %s\n", qPrintable(fit->summaryText()),
                        fit->panel(starlocus::ui::CatalogFitQuantity::Teff)->pointCount(),
                        qPrintable(fit->panel(starlocus::ui::CatalogFitQuantity::Teff)->statisticsText()));
            if (!fit->message().isEmpty())
                std::printf("catalog fit message: %s\n", qPrintable(fit->message()));
        }
        QCoreApplication::exit(0);
    };
    // Polled rather than chained to signals: the conditions come from five sources.
    auto* poll = new QTimer(&window);
    poll->setInterval(50);
    auto settledFor = std::make_shared<QElapsedTimer>();
    auto viewShown = std::make_shared<bool>(view.isEmpty());
    auto toldEarlyEnd = std::make_shared<bool>(false);
    QObject::connect(poll, &QTimer::timeout, &window,
                     [&window, poll, settledFor, viewShown, toldEarlyEnd, view, train, afterEpochs, grab, &failed] {
        if (failed) {
            poll->stop();
            QCoreApplication::exit(1);
            return;
        }
        if (window.loader()->isBusy() || window.syntheticSky()->isRunning())
            return;
        auto* training = window.training();
        const bool runEnded = !training->controller()->isActive() && training->epochsShown() > 0;
        if (afterEpochs > 0 && training->epochsShown() < afterEpochs && runEnded) {
            if (!std::exchange(*toldEarlyEnd, true))
                printError(QCoreApplication::translate(
                               "main", "the run finished after %n epoch(s), before --after-epochs %1; the screenshot "
                                       "shows the finished run",
                               nullptr, training->epochsShown())
                               .arg(afterEpochs));
        } else if (afterEpochs > 0) {
            if (training->epochsShown() < afterEpochs)
                return;
            training->controller()->pause(); // hold the picture still
            if (training->liveCmd()->refreshCount() == 0)
                return;
        } else if (train && (training->controller()->isActive() || training->epochsShown() == 0)) {
            return; // not started yet, or still running
        }
        if (!*viewShown) {
            if (!window.showView(view)) {
                poll->stop();
                printError(QCoreApplication::translate("main", "the view %1 cannot be shown (the explorer needs a model)")
                               .arg(view));
                QCoreApplication::exit(1);
                return;
            }
            *viewShown = true;
            if (view == QLatin1String("catalog-fit") && !window.catalogFit()->result())
                window.catalogFit()->fitAllStars(); // says why in the view when there is no model
        }
        if (window.science()->isPreparing())
            return;
        if (window.currentViewName() == QLatin1String("fit") && window.starFit()->isBusy())
            return; // the fit view builds its grid and fits its first star
        if (window.currentViewName() == QLatin1String("catalog-fit") && window.catalogFit()->isBusy())
            return; // the catalog-fit view waits for the grid and fits every star
        if (!settledFor->isValid()) {
            settledFor->start();
            return;
        }
        if (settledFor->elapsed() < 400) // charts and plots repaint after the last event
            return;
        poll->stop();
        grab();
    });
    poll->start();
}

// The command line; built after the translators are installed so the help is translated.
struct CommandLine {
    QCommandLineOption model{QStringLiteral("model"),
                             QCoreApplication::translate("main", "Open a stellar model (Keras .h5 or StarLocus model file)."),
                             QStringLiteral("FILE")};
    QCommandLineOption normalization{
        QStringLiteral("normalization"),
        QCoreApplication::translate("main", "Normalisation JSON of a Keras model (default: found beside it)."),
        QStringLiteral("FILE")};
    QCommandLineOption catalog{QStringLiteral("catalog"),
                               QCoreApplication::translate("main", "Open a catalog in the Green et al. HDF5 layout."),
                               QStringLiteral("FILE")};
    QCommandLineOption screenshot{
        QStringLiteral("screenshot"),
        QCoreApplication::translate(
            "main", "Open the files, save a PNG of the main window to FILE and quit (with --train: once the run has "
                    "finished, or after --after-epochs N)."),
        QStringLiteral("FILE")};
    QCommandLineOption demo{QStringLiteral("demo"),
                            QCoreApplication::translate(
                                "main", "Start with a small synthetic sky and a short training schedule (seconds).")};
    QCommandLineOption train{QStringLiteral("train"),
                             QCoreApplication::translate("main", "Start training as soon as the catalog is ready.")};
    QCommandLineOption afterEpochs{
        QStringLiteral("after-epochs"),
        QCoreApplication::translate("main", "With --screenshot: take it once N epochs are drawn (training pauses)."),
        QStringLiteral("N")};
    QCommandLineOption colours{QStringLiteral("colours"),
                               QCoreApplication::translate(
                                   "main", "Colours for this run: system (the desktop's), light or dark."),
                               QStringLiteral("SCHEME")};
    QCommandLineOption view{QStringLiteral("view"),
                            QCoreApplication::translate("main", "Show the view NAME once the files are open: %1.")
                                .arg(starlocus::ui::MainWindow::viewNames().join(QStringLiteral(", "))),
                            QStringLiteral("NAME")};

    void addTo(QCommandLineParser& parser) const {
        parser.setApplicationDescription(QCoreApplication::translate(
            "main", "StarLocus: data-driven stellar models after Green et al. (Data-Driven Stellar Models)."));
        parser.addHelpOption();
        parser.addVersionOption();
        parser.addOptions({model, normalization, catalog, demo, train, screenshot, view, afterEpochs, colours});
    }
};

// --help and --version need no display: answer them without a QApplication.
bool asksOnlyForInformation(int argc, char* argv[]) {
    for (int i = 1; i < argc; ++i) {
        const QByteArray arg(argv[i]);
        if (arg == "-h" || arg == "--help" || arg == "-?" || arg == "--help-all" || arg == "-v" || arg == "--version")
            return true;
    }
    return false;
}

// Without a display Qt's xcb plugin stops the program with a message of its own. Decided
// before the QApplication exists: the platform is chosen in its constructor.
enum class DisplayChoice { Available, Offscreen, Missing };

bool hasArgument(int argc, char* argv[], const char* name) {
    const QByteArray withValue = QByteArray(name) + '=';
    for (int i = 1; i < argc; ++i)
        if (const QByteArray arg(argv[i]); arg == name || arg.startsWith(withValue))
            return true;
    return false;
}

DisplayChoice chooseDisplay(int argc, char* argv[]) {
    // The caller chose a platform (QT_QPA_PLATFORM, or Qt's own -platform argument): theirs.
    if (!qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM") || hasArgument(argc, argv, "-platform") ||
        hasArgument(argc, argv, "--platform"))
        return DisplayChoice::Available;
    if (!qEnvironmentVariableIsEmpty("DISPLAY") || !qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY"))
        return DisplayChoice::Available;
    // A screenshot is a picture of the window, not a window on a screen: offscreen draws it.
    if (hasArgument(argc, argv, "--screenshot"))
        return DisplayChoice::Offscreen;
    return DisplayChoice::Missing;
}

void describeApplication() {
    QCoreApplication::setApplicationName(QStringLiteral("StarLocus"));
    QCoreApplication::setApplicationVersion(QStringLiteral(STARLOCUS_VERSION));
    QCoreApplication::setOrganizationName(QStringLiteral("StarLocus"));
}

} // namespace

int main(int argc, char* argv[]) {
    // The child that reads an untrusted file for the GUI: before any Qt application object,
    // so that it starts fast and needs no display.
    if (starlocus::gui::isFileProbeInvocation(argc, argv))
        return starlocus::gui::runFileProbe(argc, argv);
    describeApplication();
    if (asksOnlyForInformation(argc, argv)) {
        QCoreApplication app(argc, argv);
        starlocus::ui::initResources();
        starlocus::ui::installTranslators(QLocale::system());
        QCommandLineParser parser;
        const CommandLine options;
        options.addTo(parser);
        parser.process(app); // prints help or version and exits
        return 0;
    }

    switch (chooseDisplay(argc, argv)) {
    case DisplayChoice::Available:
        break;
    case DisplayChoice::Offscreen:
        qputenv("QT_QPA_PLATFORM", "offscreen");
        break;
    case DisplayChoice::Missing: {
        QCoreApplication app(argc, argv); // for the translators only: there is no display to open
        starlocus::ui::initResources();
        starlocus::ui::installTranslators(QLocale::system());
        printError(QCoreApplication::translate(
            "main", "no display (DISPLAY and WAYLAND_DISPLAY are unset); run it in a desktop session "
                    "(--screenshot and starlocus-figures need none)"));
        return 2;
    }
    }

    QApplication app(argc, argv);
    QApplication::setApplicationDisplayName(QStringLiteral("StarLocus"));
    QApplication::setDesktopFileName(QStringLiteral("starlocus"));
    starlocus::ui::initResources();
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/starlocus.svg")));
    starlocus::ui::installTranslators(QLocale::system());
    // Files are read first by this executable in its probe mode (a corrupt file that
    // crashes libhdf5 then costs a child process, not the session).
    starlocus::ui::FileProbe::setDefaultCommand({QCoreApplication::applicationFilePath(), {}});

    QCommandLineParser parser;
    const CommandLine options;
    options.addTo(parser);
    parser.process(app);
    if (parser.isSet(options.normalization) && !parser.isSet(options.model)) {
        printError(QCoreApplication::translate("main", "--normalization needs --model"));
        return 2;
    }
    const QString view = parser.value(options.view);
    if (!view.isEmpty() && !starlocus::ui::MainWindow::viewNames().contains(view)) {
        printError(QCoreApplication::translate("main", "unknown view %1 (known: %2)")
                       .arg(view, starlocus::ui::MainWindow::viewNames().join(QStringLiteral(", "))));
        return 2;
    }

    int afterEpochs = 0;
    if (parser.isSet(options.afterEpochs)) {
        bool ok = false;
        afterEpochs = parser.value(options.afterEpochs).toInt(&ok);
        if (!ok || afterEpochs < 1) {
            printError(QCoreApplication::translate("main", "--after-epochs needs a whole number ≥ 1, not %1")
                           .arg(parser.value(options.afterEpochs)));
            return 2;
        }
        if (!parser.isSet(options.screenshot) || !parser.isSet(options.train)) {
            printError(QCoreApplication::translate("main", "--after-epochs needs --screenshot and --train"));
            return 2;
        }
    }

    std::optional<starlocus::ui::ColourScheme> colours;
    if (parser.isSet(options.colours)) {
        colours = starlocus::ui::colourSchemeFromName(parser.value(options.colours));
        if (!colours) {
            printError(QCoreApplication::translate("main", "--colours takes system, light or dark, not %1")
                           .arg(parser.value(options.colours)));
            return 2;
        }
    }

    starlocus::ui::MainWindow window;
    const bool screenshot = parser.isSet(options.screenshot);
    const bool demo = parser.isSet(options.demo);
    if (demo)
        window.training()->setConfig(demoTrainingConfig());
    bool failed = false;
    if (screenshot) {
        // Nothing modal: print the warning and remember that the run failed.
        window.setWarningPresenter([&failed](const QString&, const QString& text) {
            printError(text);
            failed = true;
        });
        window.setNormalizationChooser([](const QString&) { return QString(); });
    }
    if (!screenshot)
        window.restoreWindowSettings();
    if (colours)
        window.setColourScheme(*colours); // as if chosen in View ▸ Colours
    window.show();

    // Without a catalog to open, the app starts on a synthetic sky (issue 6).
    const bool opensCatalog = parser.isSet(options.catalog);
    if (!opensCatalog && (demo || !parser.isSet(options.model)))
        window.generateSyntheticSky(demo ? kDemoSkyStars : kDefaultSkyStars);
    if (parser.isSet(options.train)) {
        auto startOnce = [&window] {
            if (window.training()->controller()->isActive() || window.training()->epochsShown() > 0)
                return;
            window.training()->startTraining();
        };
        QObject::connect(window.session(), &starlocus::ui::Session::catalogChanged, &window, startOnce,
                         Qt::QueuedConnection);
    }

    if (parser.isSet(options.model))
        window.openModelFile(parser.value(options.model), parser.value(options.normalization));
    if (parser.isSet(options.catalog))
        window.openCatalogFile(parser.value(options.catalog));
    if (screenshot) {
        scheduleScreenshot(window, QFileInfo(parser.value(options.screenshot)).absoluteFilePath(), view,
                           parser.isSet(options.train), afterEpochs, failed);
    } else if (!view.isEmpty() && !window.showView(view)) {
        // The explorer waits for its model: show it as soon as one is open.
        QObject::connect(window.session(), &starlocus::ui::Session::modelChanged, &window,
                         [&window, view] { window.showView(view); }, Qt::SingleShotConnection);
    }

    return QApplication::exec();
}
