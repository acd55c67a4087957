// starlocus: the desktop application. Command line, translators and the main window;
// everything else lives in starlocus_ui.
#include "ui/main_window.h"
#include "ui/session/session.h"
#include "ui/session/session_loader.h"
#include "ui/translators.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QFileInfo>
#include <QIcon>
#include <QPixmap>
#include <QTimer>
#include <cstdio>

namespace {

void printError(const QString& text) { std::fprintf(stderr, "starlocus: %s\n", qPrintable(text)); }

// --screenshot: once every requested file is open and the event loop has settled, show
// the requested view (--view), grab the window to a PNG and quit (0), or quit with 1 when
// a file could not be opened, the view cannot be shown or the PNG not saved.
void scheduleScreenshot(starlocus::ui::MainWindow& window, const QString& pngPath, const QString& view, bool& failed) {
    auto grabWhenSettled = [&window, pngPath, view, &failed] {
        QTimer::singleShot(400, &window, [&window, pngPath, view, &failed] {
            if (failed) {
                QCoreApplication::exit(1);
                return;
            }
            if (!view.isEmpty() && !window.showView(view)) {
                printError(QCoreApplication::translate("main", "the view %1 cannot be shown (the explorer needs a model)")
                               .arg(view));
                QCoreApplication::exit(1);
                return;
            }
            QCoreApplication::processEvents(); // lay out and paint the view just shown
            if (!window.grab().save(pngPath, "PNG")) {
                printError(QCoreApplication::translate("main", "could not write the screenshot %1").arg(pngPath));
                QCoreApplication::exit(1);
                return;
            }
            QCoreApplication::exit(0);
        });
    };
    auto* loader = window.loader();
    if (!loader->isBusy()) {
        grabWhenSettled();
        return;
    }
    QObject::connect(loader, &starlocus::ui::SessionLoader::busyChanged, &window, [loader, grabWhenSettled](bool busy) {
        if (!busy && !loader->isBusy())
            grabWhenSettled();
    });
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
        QCoreApplication::translate("main", "Open the files, save a PNG of the main window to FILE and quit."),
        QStringLiteral("FILE")};
    QCommandLineOption view{QStringLiteral("view"),
                            QCoreApplication::translate("main", "Show the view NAME once the files are open: %1.")
                                .arg(starlocus::ui::MainWindow::viewNames().join(QStringLiteral(", "))),
                            QStringLiteral("NAME")};

    void addTo(QCommandLineParser& parser) const {
        parser.setApplicationDescription(QCoreApplication::translate(
            "main", "StarLocus: data-driven stellar models after Green et al. (Data-Driven Stellar Models)."));
        parser.addHelpOption();
        parser.addVersionOption();
        parser.addOptions({model, normalization, catalog, screenshot, view});
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

void describeApplication() {
    QCoreApplication::setApplicationName(QStringLiteral("StarLocus"));
    QCoreApplication::setApplicationVersion(QStringLiteral(STARLOCUS_VERSION));
    QCoreApplication::setOrganizationName(QStringLiteral("StarLocus"));
}

} // namespace

int main(int argc, char* argv[]) {
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

    QApplication app(argc, argv);
    QApplication::setApplicationDisplayName(QStringLiteral("StarLocus"));
    QApplication::setDesktopFileName(QStringLiteral("starlocus"));
    starlocus::ui::initResources();
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/starlocus.svg")));
    starlocus::ui::installTranslators(QLocale::system());

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

    starlocus::ui::MainWindow window;
    const bool screenshot = parser.isSet(options.screenshot);
    bool failed = false;
    if (screenshot) {
        // Nothing modal: print the warning and remember that the run failed.
        window.setWarningPresenter([&failed](const QString&, const QString& text) {
            printError(text);
            failed = true;
        });
        window.setNormalizationChooser([](const QString&) { return QString(); });
    }
    window.show();

    if (parser.isSet(options.model))
        window.openModelFile(parser.value(options.model), parser.value(options.normalization));
    if (parser.isSet(options.catalog))
        window.openCatalogFile(parser.value(options.catalog));
    if (screenshot) {
        scheduleScreenshot(window, QFileInfo(parser.value(options.screenshot)).absoluteFilePath(), view, failed);
    } else if (!view.isEmpty() && !window.showView(view)) {
        // The explorer waits for its model: show it as soon as one is open.
        QObject::connect(window.session(), &starlocus::ui::Session::modelChanged, &window,
                         [&window, view] { window.showView(view); }, Qt::SingleShotConnection);
    }

    return QApplication::exec();
}
