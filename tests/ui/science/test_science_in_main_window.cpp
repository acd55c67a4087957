// SPDX-License-Identifier: GPL-3.0-or-later
// The science views as a tab of the main window (issue 7): the tab is there, it shows the
// session's model + catalog (all stars, or the test stars of the model's own training run),
// says in place what is missing, and follows view switches from the command-line names and
// the View menu. Expected star counts come from the catalog and the split, not from the tab.
#include "core/training/trainer.h"
#include "tests/support/toy_model.h"
#include "tests/ui/training/training_test_sky.h"
#include "ui/main_window.h"
#include "ui/science/science_tab.h"
#include "ui/science/science_view.h"
#include "ui/science/science_views.h"
#include "ui/science/star_selection.h"
#include "ui/session/session.h"
#include "ui/session/session_loader.h"
#include "ui/training/training_controller.h"
#include "ui/training/training_view.h"

#include <QAction>
#include <QDockWidget>
#include <QMenu>
#include <QPushButton>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace starlocus;
using namespace starlocus::ui;

namespace {

std::shared_ptr<const core::StellarModel> toy() {
    return std::make_shared<const core::StellarModel>(
        test::toyModel(test::toySunMagnitudes(), test::toyExtinction(), 0.3));
}

// Every view of the tab says `text` in place of its panels.
bool everyViewSays(const ScienceTab& tab, const QString& text) {
    for (const ScienceView* view : tab.views())
        if (!view->panels().empty() || !view->messageText().contains(text))
            return false;
    return true;
}

QPushButton* copyCommandButton(const ScienceTab& tab) {
    for (QPushButton* button : tab.findChildren<QPushButton*>())
        if (button->text() == QStringLiteral("Copy as Command"))
            return button;
    return nullptr;
}

bool waitForData(ScienceTab& tab) {
    QSignalSpy ready(&tab, &ScienceTab::dataReady);
    return tab.data() || ready.wait(60000);
}

} // namespace

class TestScienceInMainWindow : public QObject {
    Q_OBJECT
private slots:
    void theTabAndItsMenuArePresent() {
        MainWindow w;
        auto* tabs = w.findChild<QTabWidget*>(QStringLiteral("viewTabs"));
        QVERIFY(tabs);
        QVERIFY(w.science());
        QCOMPARE(tabs->indexOf(w.science()), 2); // after Session and Explorer
        QCOMPARE(tabs->tabText(2), QStringLiteral("Science"));
        QVERIFY(tabs->isTabEnabled(2)); // enabled without data: it says what is missing

        // The names the command line accepts are those of the views the tab holds, in order.
        QStringList names;
        for (const ScienceView* view : w.science()->views())
            names << view->viewName();
        QCOMPARE(scienceViewNames(), names);
        QCOMPARE(names.size(), 7);
        for (const QString& name : names)
            QVERIFY2(MainWindow::viewNames().contains(name), qPrintable(name));
        QVERIFY(MainWindow::viewNames().contains(QStringLiteral("science")));

        auto* menu = w.findChild<QMenu*>(QStringLiteral("scienceViewsMenu"));
        QVERIFY(menu);
        QCOMPARE(menu->actions().size(), 7);
        for (const QString& name : names)
            QVERIFY2(w.findChild<QAction*>(QStringLiteral("showScienceView_%1").arg(name)), qPrintable(name));
    }

    void missingModelOrCatalogIsSaidInPlace() {
        MainWindow w;
        QVERIFY(everyViewSays(*w.science(), QStringLiteral("No catalog and no model")));
        w.session()->setCatalog(test::smallSky(500));
        QVERIFY(everyViewSays(*w.science(), QStringLiteral("No model yet")));
        QVERIFY(everyViewSays(*w.science(), QStringLiteral("500 star")));
        w.session()->setCatalog(nullptr);
        w.session()->setModel(toy());
        QVERIFY(everyViewSays(*w.science(), QStringLiteral("No catalog:")));
        // Shown, it still says so (nothing to prepare).
        QVERIFY(w.showView(QStringLiteral("cmd")));
        QVERIFY(!w.science()->isPreparing());
        QVERIFY(everyViewSays(*w.science(), QStringLiteral("No catalog:")));
    }

    void theTabGetsTheSessionsModelAndCatalog() {
        MainWindow w;
        const auto catalog = test::smallSky(2000);
        const auto model = toy();
        w.session()->setCatalog(catalog, {}, QStringLiteral("/data/sky.h5"));
        ModelOrigin origin;
        origin.path = QStringLiteral("/data/model.h5");
        w.session()->setModel(model, origin);
        // Prepared only once shown.
        QVERIFY(!w.science()->isPreparing());
        QVERIFY(!w.science()->data());
        QVERIFY(w.showView(QStringLiteral("science")));
        QCOMPARE(w.currentViewName(), QStringLiteral("science"));
        QVERIFY(waitForData(*w.science()));
        const auto data = w.science()->data();
        QCOMPARE(data->model, model);
        QCOMPARE(data->products.selection.choice, core::ScienceStarChoice::AllStars); // no training record
        QCOMPARE(data->size(), catalog->size());
        QCOMPARE(data->stars().theta, catalog->theta);
        QCOMPARE(data->modelPath, QStringLiteral("/data/model.h5"));
        QCOMPARE(data->catalogPath, QStringLiteral("/data/sky.h5"));
        const QPushButton* copy = copyCommandButton(*w.science());
        QVERIFY(copy && copy->isEnabled()); // both are files
        ScienceView* shown = w.science()->currentView();
        QVERIFY(shown && !shown->panels().empty());

        // A new catalog replaces what the tab shows (prepared again, it is the current tab).
        const auto other = test::smallSky(700, 11);
        w.session()->setCatalog(other);
        QVERIFY(w.science()->isPreparing());
        QVERIFY(everyViewSays(*w.science(), QStringLiteral("Preparing")));
        QVERIFY(waitForData(*w.science()));
        QCOMPARE(w.science()->data()->size(), other->size());
    }

    // A model trained in this session carries its run's record: the tab shows the test
    // stars of that run, as the paper's figures do.
    void aTrainedModelShowsItsTestStars() {
        MainWindow w;
        const auto catalog = test::smallSky(1500);
        auto record = std::make_shared<core::TrainingCheckpoint>();
        record->state.split.assign(catalog->size(), core::Split::Train);
        std::vector<std::size_t> testStars;
        for (std::size_t i = 3; i < catalog->size(); i += 7) {
            record->state.split[i] = core::Split::Test;
            testStars.push_back(i);
        }
        record->catalogHash = core::catalogContentHash(*catalog);
        w.session()->setCatalog(catalog);
        ModelOrigin origin;
        origin.trainingRecord = record;
        w.session()->setModel(toy(), origin);
        QVERIFY(w.showView(QStringLiteral("science")));
        QVERIFY(waitForData(*w.science()));
        const auto data = w.science()->data();
        QCOMPARE(data->products.selection.choice, core::ScienceStarChoice::TestSplit);
        QCOMPARE(data->products.selection.catalogIndex, testStars);
        QCOMPARE(data->size(), testStars.size());
        QCOMPARE(data->stars().theta[1], catalog->theta[testStars[1]]);
    }

    // The start-up path: a sky, Train, and the science tab shows the trained model on the
    // test stars of that run.
    void afterTrainingInTheWindowItShowsTheRunsTestStars() {
        MainWindow w;
        w.setWarningPresenter([](const QString& title, const QString& text) {
            QFAIL(qPrintable(title + QStringLiteral(": ") + text));
        });
        w.training()->setCheckpointPath({});
        w.training()->setConfig(test::quickSchedule(1, 1));
        const auto catalog = test::smallSky(3000);
        w.session()->setCatalog(catalog);
        QVERIFY(w.showView(QStringLiteral("cmd")));
        QVERIFY(everyViewSays(*w.science(), QStringLiteral("No model yet")));
        QSignalSpy finished(w.training()->controller(), &TrainingController::finished);
        QVERIFY(w.training()->startTraining());
        QVERIFY(finished.wait(120000));
        QVERIFY(w.session()->model());
        QVERIFY(waitForData(*w.science()));
        const auto record = w.training()->controller()->lastOutcome().final;
        QVERIFY(record);
        std::size_t testStars = 0;
        for (core::Split s : record->state.split)
            testStars += s == core::Split::Test ? 1 : 0;
        QVERIFY(testStars > 0 && testStars < catalog->size());
        const auto data = w.science()->data();
        QCOMPARE(data->model, w.session()->model());
        QCOMPARE(data->products.selection.choice, core::ScienceStarChoice::TestSplit);
        QCOMPARE(data->size(), testStars);
        QVERIFY(!w.science()->currentView()->panels().empty());
        // Neither the trained model nor the synthetic sky is a file: no command can name them.
        QVERIFY(data->modelPath.isEmpty() && data->catalogPath.isEmpty());
        QPushButton* copy = copyCommandButton(*w.science());
        QVERIFY(copy);
        QVERIFY(!copy->isEnabled());
        QVERIFY(copy->toolTip().contains(QStringLiteral("Save Model")));

        // Saved and opened again (another window, the same stars): the model file carries the
        // run's record, so the tab shows the same test stars, and now names the model file.
        QTemporaryDir dir;
        const QString saved = dir.filePath(QStringLiteral("trained.h5"));
        QVERIFY(w.saveModelFile(saved));
        MainWindow reopened;
        reopened.session()->setCatalog(catalog, {}, QStringLiteral("/data/sky.h5"));
        QSignalSpy loaded(reopened.loader(), &SessionLoader::modelLoaded);
        reopened.openModelFile(saved);
        QVERIFY(loaded.wait(30000));
        QVERIFY(reopened.session()->modelOrigin().trainingRecord);
        QCOMPARE(reopened.session()->modelOrigin().path, saved);
        QVERIFY(reopened.showView(QStringLiteral("science")));
        QVERIFY(waitForData(*reopened.science()));
        const auto again = reopened.science()->data();
        QCOMPARE(again->products.selection.choice, core::ScienceStarChoice::TestSplit);
        QCOMPARE(again->products.selection.catalogIndex, data->products.selection.catalogIndex);
        QCOMPARE(again->modelPath, saved);
    }

    // A model without a file (made here) saved from the window: the tab keeps its data and
    // the selection, and "copy as command" names the saved file from then on.
    void savingTheModelNamesItInTheCommand() {
        MainWindow w;
        w.session()->setCatalog(test::smallSky(800), {}, QStringLiteral("/data/sky.h5"));
        w.session()->setModel(toy());
        QVERIFY(w.showView(QStringLiteral("cmd")));
        QVERIFY(waitForData(*w.science()));
        QPushButton* copy = copyCommandButton(*w.science());
        QVERIFY(copy && !copy->isEnabled());
        w.science()->selection()->setStars({4, 8, 15});
        const auto before = w.science()->data();

        QTemporaryDir dir;
        const QString saved = dir.filePath(QStringLiteral("made_here.h5"));
        QVERIFY(w.saveModelFile(saved));
        QCOMPARE(w.session()->modelOrigin().path, saved);
        QVERIFY(!w.science()->isPreparing()); // nothing recomputed
        QVERIFY(w.science()->data() != before); // a renamed copy, the same numbers
        QCOMPARE(w.science()->data()->products.predicted.absoluteMagnitudes, before->products.predicted.absoluteMagnitudes);
        QCOMPARE(w.science()->selection()->count(), std::size_t(3));
        QVERIFY(copy->isEnabled());
        const QString line = w.science()->currentView()->commandLine(QStringLiteral("out"));
        QVERIFY2(line.contains(QStringLiteral("--model ") + saved) && line.contains(QStringLiteral("--catalog /data/sky.h5")),
                 qPrintable(line));
    }

    void viewSwitchesByNameAndMenu() {
        MainWindow w;
        w.resize(1200, 800);
        w.session()->setCatalog(test::smallSky(1000));
        w.session()->setModel(toy());
        QVERIFY(w.showView(QStringLiteral("scores")));
        QVERIFY(waitForData(*w.science()));
        QCOMPARE(w.currentViewName(), QStringLiteral("science"));
        QCOMPARE(w.science()->currentView()->viewName(), QStringLiteral("scores"));
        QVERIFY(!w.science()->currentView()->panels().empty());
        // No run is active: the monitor makes room for the figure, and comes back on request.
        QVERIFY(w.trainingDock()->isHidden());
        QVERIFY(w.showView(QStringLiteral("training")));
        QVERIFY(!w.trainingDock()->isHidden());

        // From another tab, the View menu's entry brings the tab and the view forward.
        QVERIFY(w.showView(QStringLiteral("session")));
        QCOMPARE(w.currentViewName(), QStringLiteral("session"));
        auto* action = w.findChild<QAction*>(QStringLiteral("showScienceView_reddening_slopes"));
        QVERIFY(action);
        action->trigger();
        QCOMPARE(w.currentViewName(), QStringLiteral("science"));
        ScienceView* shown = w.science()->currentView();
        QCOMPARE(shown->viewName(), QStringLiteral("reddening_slopes"));
        QCOMPARE(shown->data(), w.science()->data().get()); // drawn from the tab's data
        QCOMPARE(shown->panels().size(), std::size_t(1));
        QVERIFY(!w.showView(QStringLiteral("fig99")));
        QCOMPARE(w.science()->currentView()->viewName(), QStringLiteral("reddening_slopes"));
    }
};

QTEST_MAIN(TestScienceInMainWindow)
#include "test_science_in_main_window.moc"
