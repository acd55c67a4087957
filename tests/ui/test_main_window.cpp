// SPDX-License-Identifier: GPL-3.0-or-later
// The main window: menus and shortcuts, About text, the empty state, opening the
// published files, failures that leave the session as it was, the German translation.
#include "tests/support/shared_data.h"
#include "ui/dialogs/about_dialog.h"
#include "core/mock/mock_sky.h"
#include "core/mock/mock_sky_file.h"
#include "core/diagnostics/density_grid_file.h"
#include "core/diagnostics/training_density.h"
#include "tests/support/toy_model.h"
#include "ui/main_window.h"
#include "ui/views/explorer_label_controls.h"
#include "ui/views/explorer_prediction_model.h"
#include "ui/views/explorer_view.h"
#include "ui/plot/plot_frame.h"
#include "ui/session/synthetic_sky_job.h"
#include "ui/training/training_view.h"
#include "ui/session/recent_files.h"
#include "ui/session/session.h"
#include "ui/session/session_loader.h"
#include "ui/translators.h"
#include "ui/views/fact_table.h"
#include "ui/views/session_overview_view.h"

#include <QAction>
#include <QApplication>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileInfo>
#include <QMimeData>
#include <QUrl>
#include <QLabel>
#include <QLocale>
#include <QMenu>
#include <QMenuBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>
#include <cmath>
#include <utility>

using starlocus::ui::AboutDialog;
using starlocus::ui::FactTable;
using starlocus::ui::MainWindow;

namespace {

QMenu* menuNamed(MainWindow& w, const char* objectName) { return w.menuBar()->findChild<QMenu*>(objectName); }

QStringList actionTexts(QMenu* menu) {
    QStringList texts;
    for (QAction* a : menu->actions())
        if (!a->isSeparator())
            texts << a->text();
    return texts;
}

QString labelText(MainWindow& w, const char* objectName) {
    auto* label = w.findChild<QLabel*>(objectName);
    return label ? label->text() : QStringLiteral("<missing %1>").arg(QLatin1String(objectName));
}

FactTable* table(MainWindow& w, const char* objectName) { return w.findChild<FactTable*>(objectName); }

// Records warnings instead of showing a modal box.
struct WarningLog {
    QStringList titles;
    QStringList texts;
    void install(MainWindow& w) {
        w.setWarningPresenter([this](const QString& title, const QString& text) {
            titles << title;
            texts << text;
        });
    }
};

void waitIdle(MainWindow& w) { QTRY_VERIFY_WITH_TIMEOUT(!w.loader()->isBusy(), 30000); }

} // namespace

class TestMainWindow : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() {
        QLocale::setDefault(QLocale::c());
        QStandardPaths::setTestModeEnabled(true); // recent files go to a test settings file
        starlocus::ui::RecentFiles().clear();
    }

    void menusAndShortcuts() {
        MainWindow w;
        QCOMPARE(w.windowTitle(), QStringLiteral("StarLocus"));
        QMenu* file = menuNamed(w, "fileMenu");
        QMenu* view = menuNamed(w, "viewMenu");
        QMenu* help = menuNamed(w, "helpMenu");
        QVERIFY(file && view && help);
        QMenu* training = menuNamed(w, "trainingMenu");
        QVERIFY(training);
        QCOMPARE(actionTexts(file), (QStringList{"Open &Model…", "Open &Catalog…", "&Import Table…", "Open &Recent",
                                                 "&Save Model…", "Export Training &History…", "&Quit"}));
        QCOMPARE(actionTexts(training), (QStringList{"&Train", "&Pause", "S&top", "Resume from &Checkpoint…",
                                                     "Training &Settings…", "Export Training &History…"}));
        QCOMPARE(actionTexts(help), (QStringList{"&About StarLocus", "About &Qt"}));
        // Tool bar, status bar and training monitor toggles, the science views' submenu, full
        // screen, reset layout.
        QCOMPARE(actionTexts(view).size(), 7);
        QVERIFY(actionTexts(view).contains(QStringLiteral("S&cience Views")));
        QVERIFY(actionTexts(view).contains(QStringLiteral("&Colours")));
        QCOMPARE(w.saveModelAction()->shortcut(), QKeySequence(QKeySequence::Save));
        QVERIFY(!w.saveModelAction()->isEnabled()); // no model yet
        QVERIFY(w.fullScreenAction()->shortcuts().contains(QKeySequence(Qt::Key_F11)));
        QCOMPARE(w.openModelAction()->shortcut(), QKeySequence(QKeySequence::Open));
        QCOMPARE(w.openCatalogAction()->shortcut(), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O));
        auto* quit = w.findChild<QAction*>("quitAction");
        QVERIFY(quit);
        const auto platformQuit = QKeySequence::keyBindings(QKeySequence::Quit);
        QCOMPARE(quit->shortcut(), platformQuit.isEmpty() ? QKeySequence(Qt::CTRL | Qt::Key_Q) : platformQuit.front());
        QVERIFY(!w.windowIcon().isNull());
    }

    // View ▸ Colours recolours the whole window: the application palette, every plot (they
    // follow the palette) and the menu's check mark; System brings the desktop's palette back.
    void coloursMenuRecoloursEveryPlot() {
        MainWindow w;
        w.show();
        const QColor desktopWindow = QApplication::palette().color(QPalette::Window);
        auto* dark = w.findChild<QAction*>("colours_darkAction");
        auto* light = w.findChild<QAction*>("colours_lightAction");
        auto* system = w.findChild<QAction*>("colours_systemAction");
        QVERIFY(dark && light && system);
        QVERIFY(system->isChecked());
        const auto plots = w.findChildren<starlocus::ui::PlotFrame*>();
        QVERIFY(!plots.isEmpty());

        dark->trigger();
        QCOMPARE(w.colourScheme(), starlocus::ui::ColourScheme::Dark);
        QVERIFY(dark->isChecked() && !system->isChecked());
        QVERIFY(QApplication::palette().color(QPalette::Window).lightnessF() < 0.3);
        // Readable: text against its background at WCAG AA contrast or better.
        const auto luminance = [](const QColor& c) {
            const auto channel = [](double v) { return v <= 0.03928 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4); };
            return 0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) + 0.0722 * channel(c.blueF());
        };
        const QPalette p = QApplication::palette();
        for (auto [fg, bg] : {std::pair{QPalette::WindowText, QPalette::Window}, std::pair{QPalette::Text, QPalette::Base},
                              std::pair{QPalette::ButtonText, QPalette::Button},
                              std::pair{QPalette::HighlightedText, QPalette::Highlight}}) {
            const double a = luminance(p.color(fg)), b = luminance(p.color(bg));
            QVERIFY2((std::max(a, b) + 0.05) / (std::min(a, b) + 0.05) >= 4.5, qPrintable(QString::number(int(fg))));
        }
        for (auto* plot : plots)
            QTRY_COMPARE(plot->theme(), starlocus::ui::PlotTheme::Dark);

        light->trigger();
        QVERIFY(QApplication::palette().color(QPalette::Window).lightnessF() > 0.7);
        for (auto* plot : plots)
            QTRY_COMPARE(plot->theme(), starlocus::ui::PlotTheme::Light);

        system->trigger();
        QCOMPARE(QApplication::palette().color(QPalette::Window), desktopWindow);
        QCOMPARE(w.colourScheme(), starlocus::ui::ColourScheme::System);
    }

    // The start-up sky arrives in the background; a catalog dropped on the window replaces
    // it (the file holds 500 stars, the sky 20,000).
    void droppedCatalogReplacesTheSyntheticSky() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("small.h5"));
        starlocus::core::MockSkyConfig config;
        config.starCount = 500;
        try {
            starlocus::core::writeMockSky(path.toStdString(), starlocus::core::MockSky(config, 5));
        } catch (const std::exception& e) {
            QFAIL(e.what());
        }

        MainWindow w;
        WarningLog log;
        log.install(w);
        w.show();
        w.generateSyntheticSky(20000);
        QVERIFY(w.syntheticSky()->isRunning());
        QTRY_VERIFY_WITH_TIMEOUT(!w.syntheticSky()->isRunning(), 60000);
        // The finished sky reaches the session through a queued signal: wait for it too.
        QTRY_VERIFY_WITH_TIMEOUT(w.session()->catalog() != nullptr, 10000);
        QCOMPARE(w.session()->catalog()->size(), std::size_t(20000));
        QVERIFY(w.training()->startAction()->isEnabled()); // one click from training
        // The sky is no file: the Session tab says so and shows no folder (it showed the
        // sky's name as a file in the working folder).
        QVERIFY2(labelText(w, "catalogFileValue").startsWith(QStringLiteral("none: a synthetic sky")),
                 qPrintable(labelText(w, "catalogFileValue")));
        QVERIFY(w.findChild<QLabel*>("catalogFolderValue")->isHidden());

        QMimeData mime;
        mime.setUrls({QUrl::fromLocalFile(path)});
        QDragEnterEvent enter(QPoint(10, 10), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(&w, &enter);
        QVERIFY(enter.isAccepted());
        QDropEvent drop(QPointF(10, 10), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(&w, &drop);
        waitIdle(w);
        QVERIFY2(log.texts.isEmpty(), qPrintable(log.texts.join(QLatin1Char('\n'))));
        QCOMPARE(w.session()->catalog()->size(), std::size_t(500));
        QCOMPARE(labelText(w, "catalogFileValue"), QFileInfo(path).fileName());
        QVERIFY(!w.findChild<QLabel*>("catalogFolderValue")->isHidden());
    }

    void aboutCitesThePaper() {
        const QString html = AboutDialog::aboutHtml();
        QVERIFY(html.contains(QStringLiteral("Data-Driven Stellar Models")));
        QVERIFY(html.contains(QStringLiteral("Green, G. M., Rix, H.-W., Tschesche, L.")));
        QVERIFY(html.contains(QStringLiteral("Speagle, J. S.")));
        QVERIFY(html.contains(QStringLiteral("ApJ, 907, 57")));
        QVERIFY(html.contains(QStringLiteral("MIT License")));
        QVERIFY(html.contains(QStringLiteral("10.5281/zenodo.3902382")));
        QVERIFY(html.contains(QStringLiteral(STARLOCUS_VERSION)));
        QVERIFY(html.contains(QStringLiteral("Qt")));
        QVERIFY(html.contains(QStringLiteral("GPL-3.0-or-later")));
        QVERIFY(html.contains(QStringLiteral("Schlafly et al. 2016")));

        MainWindow w;
        w.show();
        w.aboutAction()->trigger();
        auto* dialog = w.findChild<AboutDialog*>();
        QVERIFY(dialog);
        QTRY_VERIFY(dialog->isVisible());
        QVERIFY(dialog->findChild<QLabel*>("aboutText")->text().contains(QStringLiteral("ApJ, 907, 57")));
        dialog->close();
    }

    void emptyStateOffersBothOpenActions() {
        MainWindow w;
        w.show();
        QVERIFY(w.overview()->isShowingEmptyState());
        QSignalSpy modelTriggered(w.openModelAction(), &QAction::triggered);
        QSignalSpy catalogTriggered(w.openCatalogAction(), &QAction::triggered);
        // Disconnect the file dialogs: only check that the buttons trigger the actions.
        w.openModelAction()->disconnect(&w);
        w.openCatalogAction()->disconnect(&w);
        w.findChild<QPushButton*>("welcomeOpenModelButton")->click();
        w.findChild<QPushButton*>("welcomeOpenCatalogButton")->click();
        QCOMPARE(modelTriggered.count(), 1);
        QCOMPARE(catalogTriggered.count(), 1);
    }

    // The explorer's validity column (§7) gets the authors' density grid when their model is
    // opened with green2020_input_density.h5 beside it: the column's numbers are the file's
    // values at the explorer's θ (read here independently), per band.
    void authorsDensityGridFeedsTheValidityColumn() {
        STARLOCUS_SHARED_FILE(modelPath, "green2020/green2020_nn_model.h5");
        STARLOCUS_SHARED_FILE(normPath, "green2020/green2020_theta_normalization.json");
        STARLOCUS_SHARED_FILE(densityPath, "green2020/green2020_input_density.h5");
        MainWindow w;
        WarningLog log;
        log.install(w);
        w.openModelFile(modelPath, normPath);
        waitIdle(w);
        auto* table = w.explorer()->predictionModel();
        QTRY_VERIFY_WITH_TIMEOUT(table->hasDensity(), 30000);
        const starlocus::core::DensityGrid grid = starlocus::core::readDensityGrid(densityPath.toStdString());
        auto* controls = w.explorer()->controls();
        using Controls = starlocus::ui::ExplorerLabelControls;
        for (const Eigen::Vector3d& theta : {Eigen::Vector3d(5600.0, 4.3, -0.1), Eigen::Vector3d(4700.0, 2.5, -0.6)}) {
            controls->spinBox(Controls::Teff)->setValue(theta[0]);
            controls->spinBox(Controls::LogG)->setValue(theta[1]);
            controls->spinBox(Controls::FeH)->setValue(theta[2]);
            const Eigen::Vector3d shown = w.explorer()->input().theta;
            for (int b = 0; b < 13; ++b) {
                const double expected = grid.at(std::size_t(b), shown);
                QVERIFY(expected > 0.0);
                QCOMPARE(table->value(b, starlocus::ui::ExplorerPredictionModel::ValidityColumn), expected);
            }
        }
        // A session without a model has no column; a catalog alone gives none either.
        w.session()->setModel(nullptr);
        QTRY_VERIFY(!table->hasDensity());
    }

    // Without the authors' grid (a model trained here), the column is the KDE of the open
    // catalog: the same numbers as core::trainingDensity of that catalog.
    void catalogDensityFeedsTheValidityColumnOfOtherModels() {
        starlocus::core::MockSkyConfig config;
        config.starCount = 3000;
        const auto catalog = std::make_shared<const starlocus::core::Catalog>(starlocus::core::MockSky(config, 9).catalog());
        MainWindow w;
        w.session()->setCatalog(catalog);
        auto* table = w.explorer()->predictionModel();
        QVERIFY(!table->hasDensity()); // no model, no column
        w.session()->setModel(std::make_shared<const starlocus::core::StellarModel>(
            starlocus::test::toyModel(starlocus::test::toySunMagnitudes(), starlocus::test::toyExtinction())));
        QTRY_VERIFY_WITH_TIMEOUT(table->hasDensity(), 30000);
        const starlocus::core::DensityGrid kde = starlocus::core::trainingDensity(*catalog);
        const Eigen::Vector3d shown = w.explorer()->input().theta;
        for (int b = 0; b < 13; ++b)
            QCOMPARE(table->value(b, starlocus::ui::ExplorerPredictionModel::ValidityColumn), kde.at(std::size_t(b), shown));
    }

    void openingPublishedFilesShowsRealNumbers() {
        STARLOCUS_SHARED_FILE(modelPath, "green2020/green2020_nn_model.h5");
        STARLOCUS_SHARED_FILE(normPath, "green2020/green2020_theta_normalization.json");
        STARLOCUS_SHARED_FILE(catalogPath, "green2020/green2020_test_data_small.h5");
        MainWindow w;
        WarningLog log;
        log.install(w);
        w.show();
        w.openModelFile(modelPath, normPath);
        w.openCatalogFile(catalogPath);
        waitIdle(w);
        QVERIFY2(log.texts.isEmpty(), qPrintable(log.texts.join('\n')));
        QVERIFY(!w.overview()->isShowingEmptyState());

        // Model: 3 → 32 → 32 → 13 sigmoid stellar sector, 3 → 13 exponential extinction.
        QCOMPARE(labelText(w, "modelFileValue"), QStringLiteral("green2020_nn_model.h5"));
        QCOMPARE(labelText(w, "modelNormalizationFileValue"), QStringLiteral("green2020_theta_normalization.json"));
        QVERIFY(labelText(w, "modelArchitectureValue").contains(QStringLiteral("3 → 32 → 32 → 13")));
        const auto model = w.session()->model();
        QCOMPARE(labelText(w, "modelParameterCountValue"), QLocale().toString(qulonglong(model->parameterCount())));
        FactTable* layers = table(w, "modelLayerTable");
        QCOMPARE(layers->rowCount(), 4);
        QCOMPARE(layers->cellText(0, 2), QStringLiteral("3 → 32"));
        QCOMPARE(layers->cellText(0, 3), QStringLiteral("sigmoid"));
        QCOMPARE(layers->cellText(1, 2), QStringLiteral("32 → 32"));
        QCOMPARE(layers->cellText(2, 2), QStringLiteral("32 → 13"));
        QCOMPARE(layers->cellText(3, 2), QStringLiteral("3 → 13"));
        QVERIFY(layers->cellText(3, 3).startsWith(QStringLiteral("exp")));
        QCOMPARE(layers->cellText(0, 4), QStringLiteral("128")); // 3·32 + 32
        FactTable* norm = table(w, "modelNormalizationTable");
        QCOMPARE(norm->rowCount(), 3);
        QCOMPARE(norm->cellText(0, 1), QStringLiteral("5372.0")); // θ_med Teff from the JSON
        QCOMPARE(norm->cellText(1, 2), QStringLiteral("0.889"));  // θ_std log g

        // Catalog: 10 000 stars, 13 bands named by the registry.
        QCOMPARE(labelText(w, "catalogStarCountValue"), QStringLiteral("10000"));
        FactTable* bands = table(w, "catalogBandTable");
        QCOMPARE(bands->rowCount(), 13);
        QCOMPARE(bands->cellText(0, 0), QStringLiteral("Gaia G"));
        QCOMPARE(bands->cellText(10, 0), QStringLiteral("2MASS Ks"));
        const auto summary = w.session()->catalogSummary();
        for (int b = 0; b < 13; ++b)
            QCOMPARE(bands->cellText(b, 2), QString::number(summary->observedPerBand[std::size_t(b)]));
        FactTable* labels = table(w, "catalogLabelTable");
        QCOMPARE(labels->rowCount(), 3);
        QCOMPARE(labels->cellText(0, 0), QStringLiteral("Teff (K)"));
        const double teffMin = labels->cellText(0, 1).toDouble();
        const double teffMax = labels->cellText(0, 3).toDouble();
        const double teffMedian = labels->cellText(0, 2).toDouble();
        QVERIFY(teffMin > 2000 && teffMin < teffMedian && teffMedian < teffMax && teffMax < 20000);
        QCOMPARE(teffMedian, std::round(summary->labels[0].median));
        QVERIFY(table(w, "catalogRSourceTable")->rowCount() >= 1);
        QVERIFY(table(w, "catalogAtmSourceTable")->rowCount() >= 1);
        QVERIFY(!labelText(w, "catalogReddeningFitValue").isEmpty());
        QVERIFY(w.statusBar()->currentMessage().contains(QStringLiteral("10000")));
    }

    void missingFileWarnsAndKeepsSession() {
        STARLOCUS_SHARED_FILE(catalogPath, "green2020/green2020_test_data_small.h5");
        MainWindow w;
        WarningLog log;
        log.install(w);
        w.openCatalogFile(catalogPath);
        waitIdle(w);
        const auto before = w.session()->catalog();
        QVERIFY(before);

        const QString missing = QStringLiteral("/nonexistent/no_such_catalog.h5");
        w.openCatalogFile(missing);
        waitIdle(w);
        QCOMPARE(log.texts.size(), 1);
        QVERIFY(log.texts.front().contains(missing));
        QCOMPARE(w.lastError(), log.texts.front());
        QCOMPARE(w.session()->catalog(), before); // unchanged
        QCOMPARE(labelText(w, "catalogStarCountValue"), QStringLiteral("10000"));
    }

    void nonHdf5FileWarnsAndKeepsSession() {
        STARLOCUS_SHARED_FILE(modelPath, "green2020/green2020_nn_model.h5");
        MainWindow w;
        WarningLog log;
        log.install(w);
        w.openModelFile(modelPath);
        waitIdle(w);
        const auto before = w.session()->model();
        QVERIFY(before);

        QTemporaryDir dir;
        const QString bogus = dir.filePath(QStringLiteral("not_a_model.h5"));
        QFile f(bogus);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("this is plain text, not HDF5\n");
        f.close();
        w.openModelFile(bogus);
        w.openCatalogFile(bogus);
        waitIdle(w);
        QCOMPARE(log.texts.size(), 2);
        QVERIFY(log.texts[0].contains(bogus));
        QVERIFY(log.texts[1].contains(bogus));
        QCOMPARE(w.session()->model(), before);
        QVERIFY(!w.session()->catalog());
    }

    void asksForNormalizationWhenNoneBeside() {
        STARLOCUS_SHARED_FILE(modelPath, "green2020/green2020_nn_model.h5");
        STARLOCUS_SHARED_FILE(normPath, "green2020/green2020_theta_normalization.json");
        QTemporaryDir dir;
        const QString copy = dir.filePath(QStringLiteral("model.h5"));
        QVERIFY(QFile::copy(modelPath, copy));
        MainWindow w;
        WarningLog log;
        log.install(w);
        QStringList asked;
        w.setNormalizationChooser([&](const QString& path) {
            asked << path;
            return normPath;
        });
        w.openModelFile(copy);
        waitIdle(w);
        QCOMPARE(asked, QStringList{copy});
        QVERIFY(log.texts.isEmpty());
        QVERIFY(w.session()->model());
        QCOMPARE(w.session()->modelNormalizationFile(), normPath);

        // Declining gives the warning and keeps the model.
        w.setNormalizationChooser([](const QString&) { return QString(); });
        const auto before = w.session()->model();
        w.openModelFile(copy);
        waitIdle(w);
        QCOMPARE(log.texts.size(), 1);
        QCOMPARE(w.session()->model(), before);
    }

    void recentFilesReopen() {
        STARLOCUS_SHARED_FILE(modelPath, "green2020/green2020_nn_model.h5");
        STARLOCUS_SHARED_FILE(catalogPath, "green2020/green2020_test_data_small.h5");
        starlocus::ui::RecentFiles().clear();
        {
            MainWindow w;
            QVERIFY(!w.recentFilesMenu()->isEnabled());
            w.openModelFile(modelPath);
            w.openCatalogFile(catalogPath);
            waitIdle(w);
        }
        MainWindow w; // a new window reads the list back
        WarningLog log;
        log.install(w);
        QMenu* recent = w.recentFilesMenu();
        QVERIFY(recent->isEnabled());
        const QList<QAction*> actions = recent->actions();
        QCOMPARE(actions.size(), 4); // catalog, model, separator, clear
        QCOMPARE(actions[0]->text(), QStringLiteral("Catalog: green2020_test_data_small.h5"));
        QCOMPARE(actions[1]->text(), QStringLiteral("Model: green2020_nn_model.h5"));
        actions[1]->trigger();
        actions[0]->trigger();
        waitIdle(w);
        QVERIFY(log.texts.isEmpty());
        QVERIFY(w.session()->model());
        QCOMPARE(w.session()->catalog()->size(), std::size_t(10000));
        w.findChild<QAction*>("clearRecentFilesAction")->trigger();
        QTRY_VERIFY(!w.recentFilesMenu()->isEnabled());
        QVERIFY(starlocus::ui::RecentFiles().entries().isEmpty());
    }

    void germanTranslationIsEmbedded() {
        QTranslator german;
        QVERIFY(german.load(QLocale(QLocale::German, QLocale::Germany), QStringLiteral("starlocus"),
                            QStringLiteral("_"), QStringLiteral(":/i18n")));
        QCOMPARE(german.translate("starlocus::ui::MainWindow", "&File"), QStringLiteral("&Datei"));
        QVERIFY(!german.translate("starlocus::ui::AboutDialog", "About StarLocus").isEmpty());
        // The areas merged from translations/pending: the training monitor, the science views
        // and their tab, with plural forms.
        QCOMPARE(german.translate("starlocus::ui::MainWindow", "Science"), QStringLiteral("Wissenschaft"));
        QCOMPARE(german.translate("starlocus::ui::TrainingView", "&Train"), QStringLiteral("&Trainieren"));
        QCOMPARE(german.translate("starlocus::ui::ScienceTab", "%Ln star(s) selected", nullptr, 3),
                 QStringLiteral("%Ln Sterne ausgewählt")); // tr() puts the number in, not the translator
        QCOMPARE(german.translate("starlocus::ui::ScienceTab", "%Ln star(s) selected", nullptr, 1),
                 QStringLiteral("%Ln Stern ausgewählt"));
        // The photometric-fit tabs (issue 16): their names, and the catalog fit's plural form.
        QCOMPARE(german.translate("starlocus::ui::MainWindow", "Fit a Star"), QStringLiteral("Stern anpassen"));
        QCOMPARE(german.translate("starlocus::ui::MainWindow", "Catalog Fit"), QStringLiteral("Katalog-Anpassung"));
        QCOMPARE(german.translate("starlocus::ui::CatalogFitView", "Fitting %n star(s) in the background…", nullptr, 3),
                 QStringLiteral("%n Sterne werden im Hintergrund angepasst …"));
    }
};

QTEST_MAIN(TestMainWindow)
#include "test_main_window.moc"
