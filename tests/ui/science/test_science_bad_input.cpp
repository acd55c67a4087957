// SPDX-License-Identifier: GPL-3.0-or-later
// Bad input for the science views (issue 7): a catalog without some bands or without
// parallaxes, no stars at all, a chosen colour nobody observed, an empty selection, and a
// model file whose band set is not the catalog's. Each view says what is missing in place
// (in the panel, so an exported figure says it too) and nothing crashes. Which views must
// complain follows from what each figure draws, written out here per case.
#include "core/io/hdf5_handle.h"
#include "core/io/model_file.h"
#include "tests/support/mouse_drag.h"
#include "tests/support/toy_model.h"
#include "tests/ui/training/training_test_sky.h"
#include "ui/main_window.h"
#include "ui/plot/plot_frame.h"
#include "ui/science/science_data.h"
#include "ui/science/science_tab.h"
#include "ui/science/science_view.h"
#include "ui/science/star_selection.h"
#include "ui/session/session.h"
#include "ui/session/session_loader.h"

#include <QAbstractButton>
#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <hdf5.h>
#include <qcustomplot.h>

#include <cmath>

using namespace starlocus;
using namespace starlocus::ui;

namespace {

constexpr std::size_t kJ = 8, kH = 9, kKs = 10;

std::shared_ptr<const core::StellarModel> toy() {
    return std::make_shared<const core::StellarModel>(
        test::toyModel(test::toySunMagnitudes(), test::toyExtinction(), 0.3));
}

std::shared_ptr<const ScienceData> dataFor(const core::Catalog& catalog) {
    ScienceInput input;
    input.model = toy();
    input.catalog = std::make_shared<const core::Catalog>(catalog);
    return makeScienceData(input);
}

// The texts of the notes drawn inside a panel.
QStringList panelNotes(PlotFrame* frame) {
    QStringList texts;
    for (int i = 0; i < frame->itemCount(); ++i)
        if (auto* text = qobject_cast<QCPItemText*>(frame->item(i)))
            if (text->position->type() == QCPItemPosition::ptAxisRectRatio)
                texts << text->text();
    return texts;
}

} // namespace

class TestScienceBadInput : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { sky_ = test::smallSky(3000); }

    // 2MASS missing (J, H, Ks unobserved): the colour–colour diagrams' J−H : H−Ks row says so
    // in its observed panels; views drawn from the model alone still draw.
    void catalogWithoutSomeBands() {
        core::Catalog no2mass = *sky_;
        for (auto& m : no2mass.mag)
            m[kJ] = m[kH] = m[kKs] = std::nan("");
        ScienceTab tab;
        tab.resize(1200, 800);
        tab.setData(dataFor(no2mass));
        for (const QString& name : {QStringLiteral("color_color_logg"), QStringLiteral("color_color_feh")}) {
            QVERIFY(tab.showView(name));
            ScienceView* view = tab.view(name);
            QCOMPARE(view->panels().size(), std::size_t(4)); // g−r : r−i and J−H : H−Ks, observed | predicted
            QVERIFY2(panelNotes(view->panels()[0]).isEmpty(), qPrintable(name)); // PS1 is there
            QVERIFY(panelNotes(view->panels()[1]).isEmpty());                     // predicted
            QCOMPARE(panelNotes(view->panels()[2]).size(), 1);                    // observed J−H : H−Ks
            QVERIFY(panelNotes(view->panels()[2])[0].contains(QStringLiteral("J − H")));
            QVERIFY(panelNotes(view->panels()[3]).isEmpty()); // the model predicts 2MASS anyway
            QVERIFY(view->messageText().contains(QStringLiteral("No star observed")));
        }
        for (const QString& name : {QStringLiteral("mean_labels"), QStringLiteral("extinction_deviation"),
                                   QStringLiteral("reddening_slopes")}) {
            QVERIFY(tab.showView(name));
            QVERIFY2(tab.view(name)->notes().isEmpty(), qPrintable(name + QLatin1String(": ") + tab.view(name)->notes().join(';')));
        }
        // Chosen colours of the missing bands.
        ScienceView* cmd = tab.view(QStringLiteral("cmd"));
        QVERIFY(cmd->setSetting(QStringLiteral("color"), QStringLiteral("J-Ks")));
        QCOMPARE(panelNotes(cmd->panels()[0]).size(), 1);
        QVERIFY(panelNotes(cmd->panels()[0])[0].contains(QStringLiteral("J and Ks")));
        QVERIFY(panelNotes(cmd->panels()[1]).isEmpty());
        QVERIFY(tab.showView(QStringLiteral("scores")));
        ScienceView* scores = tab.view(QStringLiteral("scores"));
        QVERIFY(scores->setSetting(QStringLiteral("colors"), QStringLiteral("g-r,J-Ks")));
        QCOMPARE(scores->panels().size(), std::size_t(8));
        for (int p = 0; p < 4; ++p)
            QVERIFY(panelNotes(scores->panels()[std::size_t(p)]).isEmpty()); // g − r is observed
        for (int p = 4; p < 8; ++p)
            QVERIFY(panelNotes(scores->panels()[std::size_t(p)]).value(0).contains(QStringLiteral("J − Ks")));
    }

    // Parallaxes are what the observed CMD needs (absolute magnitudes); nothing else uses them.
    void catalogWithoutParallaxes() {
        core::Catalog noParallax = *sky_;
        std::fill(noParallax.parallaxMas.begin(), noParallax.parallaxMas.end(), std::nan(""));
        ScienceTab tab;
        tab.setData(dataFor(noParallax));
        for (ScienceView* view : tab.views()) {
            QVERIFY(tab.showView(view->viewName()));
            if (view->viewName() == QLatin1String("cmd")) {
                QCOMPARE(panelNotes(view->panels()[0]).size(), 1);
                QVERIFY(panelNotes(view->panels()[0])[0].contains(QStringLiteral("parallax")));
                QVERIFY(panelNotes(view->panels()[1]).isEmpty());
            } else {
                QVERIFY2(view->notes().isEmpty(), qPrintable(view->viewName() + QLatin1String(": ") + view->notes().join(';')));
            }
        }
    }

    // No star at all (an empty catalog, or a run whose test split is empty): every view says
    // so in place of its panels, and there is nothing to export.
    void noStarsAtAll() {
        ScienceTab tab;
        tab.setData(dataFor(core::Catalog{}));
        QCOMPARE(tab.data()->size(), std::size_t(0));
        for (ScienceView* view : tab.views()) {
            QVERIFY(tab.showView(view->viewName()));
            QVERIFY(view->panels().empty());
            QVERIFY2(view->messageText().contains(QStringLiteral("no stars")), qPrintable(view->messageText()));
            QString error;
            FigureExportRequest request;
            request.path = QStringLiteral("unused.pdf");
            QVERIFY(!view->exportFigure(request, false, &error));
            QVERIFY(error.contains(QStringLiteral("no stars")));
        }
        // Nothing to select, export or reproduce: the tab's buttons say so by being off.
        int off = 0;
        for (QAbstractButton* button : tab.findChildren<QAbstractButton*>())
            if (button->text().contains(QStringLiteral("Export Figure")) || button->text().contains(QStringLiteral("Command")) ||
                button->text().contains(QStringLiteral("Select Box")) || button->text().contains(QStringLiteral("Lasso"))) {
                QVERIFY2(!button->isEnabled(), qPrintable(button->text()));
                ++off;
            }
        QCOMPARE(off, 4);
    }

    // A box around nothing selects nothing: the count says so and there is nothing to clear
    // or export.
    void emptySelection() {
        ScienceTab tab;
        tab.resize(1200, 700);
        tab.setData(dataFor(*sky_));
        tab.show();
        QVERIFY(QTest::qWaitForWindowExposed(&tab));
        QVERIFY(tab.showView(QStringLiteral("cmd")));
        tab.setBoxSelectMode(true);
        PlotFrame* predicted = tab.view(QStringLiteral("cmd"))->panels()[1];
        predicted->replot();
        // Far to the blue of every star: BP − RP below −5 mag does not occur.
        predicted->xAxis->setRange(-9.0, -7.0);
        predicted->replot();
        const QPoint a(int(predicted->xAxis->coordToPixel(-8.8)), int(predicted->yAxis->coordToPixel(-5.0)));
        const QPoint b(int(predicted->xAxis->coordToPixel(-7.2)), int(predicted->yAxis->coordToPixel(10.0)));
        tab.selection()->setStars({1, 2, 3}); // something selected before
        test::dragThrough(predicted, {a, (a + b) / 2, b});
        QVERIFY(tab.selection()->isEmpty());
        const auto* count = tab.findChild<QLabel*>(QStringLiteral("selectionCount"));
        QVERIFY(count->text().contains(QStringLiteral("no stars")));
        for (QPushButton* button : tab.findChildren<QPushButton*>())
            if (button->text().contains(QStringLiteral("Selection")))
                QVERIFY2(!button->isEnabled(), qPrintable(button->text()));
    }

    // A model file whose band set is not the catalog's (12 bands, no W2): the window warns,
    // the session keeps its model and the science tab keeps what it showed.
    void modelWithAnotherBandSet() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("twelve_bands.h5"));
        core::saveModel(path.toStdString(), *toy());
        {
            const hid_t file = H5Fopen(path.toUtf8().constData(), H5F_ACC_RDWR, H5P_DEFAULT);
            QVERIFY(file >= 0);
            QVERIFY(H5Adelete(file, "bands") >= 0);
            core::hdf5::writeStringAttribute(file, path.toStdString(), "bands", "G,BP,RP,g,r,i,z,y,J,H,Ks,W1");
            H5Fclose(file);
        }
        MainWindow w;
        QStringList warnings;
        w.setWarningPresenter([&warnings](const QString&, const QString& text) { warnings << text; });
        const auto model = toy();
        w.session()->setCatalog(sky_);
        w.session()->setModel(model);
        QVERIFY(w.showView(QStringLiteral("cmd")));
        QSignalSpy ready(w.science(), &ScienceTab::dataReady);
        QVERIFY(ready.wait(60000));
        const auto shown = w.science()->data();

        QSignalSpy failed(w.loader(), &SessionLoader::modelLoadFailed);
        w.openModelFile(path);
        QVERIFY(failed.wait(30000));
        QCOMPARE(warnings.size(), 1);
        QVERIFY2(warnings[0].contains(QStringLiteral("band set")), qPrintable(warnings[0]));
        QCOMPARE(w.session()->model(), model);
        QCOMPARE(w.science()->data(), shown);
        QVERIFY(!w.science()->isPreparing());
        QVERIFY(!w.science()->currentView()->panels().empty());
    }

private:
    std::shared_ptr<const core::Catalog> sky_;
};

QTEST_MAIN(TestScienceBadInput)
#include "test_science_bad_input.moc"
