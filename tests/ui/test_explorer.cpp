// SPDX-License-Identifier: GPL-3.0-or-later
// The explorer: its numbers equal core predictions (a toy model and the published one),
// sliders and spin boxes move together, ranges come from the catalog, the CMD shows the
// star over the tracks on a magnitude axis that increases downward, the validity column
// appears only with a density provider, and the main window enables it with a model.
#include "core/io/model_file.h"
#include "core/model/color_transform.h"
#include "tests/support/relative_compare.h"
#include "tests/support/shared_data.h"
#include "tests/support/toy_model.h"
#include "ui/main_window.h"
#include "ui/plot/density_layer.h"
#include "ui/plot/plot_frame.h"
#include "ui/session/session.h"
#include "ui/views/explorer_cmd_plot.h"
#include "ui/views/explorer_label_controls.h"
#include "ui/views/explorer_prediction_model.h"
#include "ui/views/explorer_view.h"

#include <QDoubleSpinBox>
#include <QFileInfo>
#include <QSlider>
#include <QTabWidget>
#include <QTest>
#include <cmath>

using namespace starlocus;
using ui::ExplorerLabelControls;
using ui::ExplorerPredictionModel;

namespace {

std::shared_ptr<const core::StellarModel> toy() {
    return std::make_shared<const core::StellarModel>(
        test::toyModel(test::toySunMagnitudes(), test::toyExtinction(), 0.3));
}

void setLabels(ui::ExplorerView& view, double teff, double logg, double feh, double e) {
    ExplorerLabelControls* c = view.controls();
    c->spinBox(ExplorerLabelControls::Teff)->setValue(teff);
    c->spinBox(ExplorerLabelControls::LogG)->setValue(logg);
    c->spinBox(ExplorerLabelControls::FeH)->setValue(feh);
    c->spinBox(ExplorerLabelControls::Reddening)->setValue(e);
}

// Compares every cell of the table with StellarModel::evaluate at the view's input.
void compareTableWithCore(const ui::ExplorerView& view, const core::StellarModel& model) {
    const ui::ExplorerInput in = view.input();
    const core::ModelEvaluation ev = model.evaluate(in.theta, false);
    const core::Vec13 c = ev.colorPrediction(in.reddening);
    const core::Vec13 m = core::fromColorSpace(c);
    const ExplorerPredictionModel* table = view.predictionModel();
    QCOMPARE(table->rowCount(), 13);
    for (int b = 0; b < 13; ++b) {
        const auto cell = [&](ExplorerPredictionModel::Column col) {
            return table->data(table->index(b, col), ExplorerPredictionModel::kValueRole).toDouble();
        };
        STARLOCUS_COMPARE_CLOSE(cell(ExplorerPredictionModel::AbsoluteMagnitudeColumn), m[b], 1e-12, 1e-12);
        STARLOCUS_COMPARE_CLOSE(cell(ExplorerPredictionModel::ExtinctionColumn), ev.extinction[b], 1e-12, 1e-12);
        if (b == 0)
            QVERIFY(std::isnan(cell(ExplorerPredictionModel::ColorColumn)));
        else
            STARLOCUS_COMPARE_CLOSE(cell(ExplorerPredictionModel::ColorColumn), c[b], 1e-12, 1e-12);
        // The text shows the same number to 3 decimals.
        const QString text = table->data(table->index(b, ExplorerPredictionModel::AbsoluteMagnitudeColumn)).toString();
        QCOMPARE(text, QLocale().toString(m[b], 'f', 3));
    }
}

class FakeDensity : public ui::ExplorerDensity {
public:
    double density(std::size_t band, const Eigen::Vector3d& theta) const override {
        ++calls;
        return theta[0] > 7000.0 ? 0.001 : 0.05 + 0.075 * double(band);
    }
    mutable int calls = 0;
};

} // namespace

class TestExplorer : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { QLocale::setDefault(QLocale::c()); }

    void numbersEqualCoreToyModel() {
        ui::Session session;
        session.setModel(toy());
        ui::ExplorerView view(&session);
        setLabels(view, 6200.0, 3.9, -0.4, 0.7);
        QCOMPARE(view.input().theta[0], 6200.0);
        QCOMPARE(view.input().reddening, 0.7);
        compareTableWithCore(view, *session.model());
        // With E = 0.7 and the toy's constant R, G is M_G + 0.7·R_G in closed form.
        const core::Vec13 m = test::toySunMagnitudes(), r = test::toyExtinction();
        const double slope = 0.3 * (6200.0 - 5780.0) / 1000.0; // ∂(BM)_0/∂x₀ · x₀
        STARLOCUS_COMPARE_CLOSE(view.predictionModel()->value(0, ExplorerPredictionModel::AbsoluteMagnitudeColumn),
                                m[0] + slope + 0.7 * r[0], 1e-12, 1e-12);
    }

    void numbersEqualCorePublishedModel() {
        STARLOCUS_SHARED_FILE(modelPath, "green2020/green2020_nn_model.h5");
        STARLOCUS_SHARED_FILE(normPath, "green2020/green2020_theta_normalization.json");
        ui::Session session;
        session.setModel(std::make_shared<const core::StellarModel>(
            core::loadAnyModel(modelPath.toStdString(), normPath.toStdString())));
        ui::ExplorerView view(&session);
        setLabels(view, 5780.0, 4.44, 0.0, 1.0);
        compareTableWithCore(view, *session.model());
        // The published Sun at E = 1 (METHOD.md §2): G = 7.2703366, BP − G = 1.1075444.
        STARLOCUS_COMPARE_CLOSE(view.predictionModel()->value(0, ExplorerPredictionModel::AbsoluteMagnitudeColumn),
                                7.2703366, 0, 2e-6);
        STARLOCUS_COMPARE_CLOSE(view.predictionModel()->value(1, ExplorerPredictionModel::ColorColumn), 1.1075444, 0, 2e-6);
        setLabels(view, 4300.0, 2.1, -1.1, 0.25);
        compareTableWithCore(view, *session.model());
    }

    void sliderAndSpinBoxMoveTogether() {
        ui::Session session;
        session.setModel(toy());
        ui::ExplorerView view(&session);
        ExplorerLabelControls* c = view.controls();
        int updates = 0;
        connect(&view, &ui::ExplorerView::updated, this, [&updates] { ++updates; });
        QSlider* teff = c->slider(ExplorerLabelControls::Teff);
        teff->setValue(ExplorerLabelControls::kSliderSteps / 2); // default range 3500–8000 K
        QCOMPARE(c->spinBox(ExplorerLabelControls::Teff)->value(), 5750.0);
        QCOMPARE(updates, 1);
        compareTableWithCore(view, *session.model());
        c->spinBox(ExplorerLabelControls::LogG)->setValue(2.5); // range 0–5
        QCOMPARE(c->slider(ExplorerLabelControls::LogG)->value(), 500);
        QCOMPARE(updates, 2);
        c->slider(ExplorerLabelControls::Reddening)->setValue(ExplorerLabelControls::kSliderSteps);
        QCOMPARE(view.input().reddening, 2.0);
        compareTableWithCore(view, *session.model());
    }

    // Every spin box shows the unit of its label: K, dex, dex, and mag for E (Ê's scale).
    void spinBoxesShowTheirUnits() {
        ui::Session session;
        ui::ExplorerView view(&session);
        ExplorerLabelControls* c = view.controls();
        QCOMPARE(c->spinBox(ExplorerLabelControls::Teff)->suffix().trimmed(), QStringLiteral("K"));
        QCOMPARE(c->spinBox(ExplorerLabelControls::LogG)->suffix().trimmed(), QStringLiteral("dex"));
        QCOMPARE(c->spinBox(ExplorerLabelControls::FeH)->suffix().trimmed(), QStringLiteral("dex"));
        QCOMPARE(c->spinBox(ExplorerLabelControls::Reddening)->suffix().trimmed(), QStringLiteral("mag"));
        // The number and its unit stay apart in the text the user reads.
        QVERIFY(c->spinBox(ExplorerLabelControls::Reddening)->text().endsWith(QStringLiteral(" mag")));
    }

    void rangesFromTheCatalogOrDefaults() {
        ui::Session session;
        session.setModel(toy());
        ui::ExplorerView view(&session);
        ExplorerLabelControls* c = view.controls();
        QCOMPARE(c->range(ExplorerLabelControls::Teff).min, 3500.0);
        QCOMPARE(c->range(ExplorerLabelControls::Teff).max, 8000.0);
        QCOMPARE(c->range(ExplorerLabelControls::FeH).min, -2.5);
        QCOMPARE(c->range(ExplorerLabelControls::Reddening).max, 2.0);

        auto catalog = std::make_shared<core::Catalog>();
        catalog->resize(101);
        for (std::size_t i = 0; i <= 100; ++i) {
            catalog->theta[i] = {4000.0 + 20.0 * double(i), 1.0 + 0.03 * double(i), -1.0 + 0.01 * double(i)};
            catalog->reddening[i] = 0.005 * double(i);
        }
        session.setCatalog(catalog);
        // 1st–99th percentiles: index 1 and 99 of 0..100.
        STARLOCUS_COMPARE_CLOSE(c->range(ExplorerLabelControls::Teff).min, 4020.0, 1e-12, 1e-9);
        STARLOCUS_COMPARE_CLOSE(c->range(ExplorerLabelControls::Teff).max, 5980.0, 1e-12, 1e-9);
        STARLOCUS_COMPARE_CLOSE(c->range(ExplorerLabelControls::LogG).max, 3.97, 1e-12, 1e-9);
        QCOMPARE(c->range(ExplorerLabelControls::Reddening).min, 0.0);
        STARLOCUS_COMPARE_CLOSE(c->range(ExplorerLabelControls::Reddening).max, 0.495, 1e-12, 1e-9);
        // The sliders start at the catalog's median star.
        QCOMPARE(view.input().theta[0], 5000.0);
        compareTableWithCore(view, *session.model());
        // The locus of the catalog's stars is drawn (as points: 101 stars are few).
        QVERIFY(view.cmd()->frame()->densityLayer()->showsPoints());
    }

    void cmdShowsTheStarOnMagnitudeAxes() {
        ui::Session session;
        session.setModel(toy());
        ui::ExplorerView view(&session);
        setLabels(view, 5000.0, 4.0, 0.0, 0.5);
        ui::ExplorerCmdPlot* cmd = view.cmd();
        ui::PlotFrame* frame = cmd->frame();
        QVERIFY(frame->isYMagnitude());
        QCOMPARE(frame->xAxis->label(), QStringLiteral("BP − RP [mag]"));
        QCOMPARE(frame->yAxis->label(), QStringLiteral("M_G [mag]"));
        const ExplorerPredictionModel* t = view.predictionModel();
        auto mag = [t](int b) { return t->value(b, ExplorerPredictionModel::AbsoluteMagnitudeColumn); };
        QCOMPARE(cmd->starGraph()->dataCount(), 1);
        STARLOCUS_COMPARE_CLOSE(cmd->starGraph()->data()->at(0)->key, mag(1) - mag(2), 1e-12, 1e-12);
        STARLOCUS_COMPARE_CLOSE(cmd->starGraph()->data()->at(0)->value, mag(0), 1e-12, 1e-12);
        QVERIFY(cmd->starIsInView());
        // Both tracks pass through the star; the Teff track spans the Teff range.
        QCOMPARE(cmd->teffCurve()->dataCount(), int(ui::ExplorerView::kTrackSteps));
        QCOMPARE(cmd->teffCurve()->data()->at(0)->t, 3500.0);
        QCOMPARE(cmd->loggCurve()->data()->at(cmd->loggCurve()->dataCount() - 1)->t, 5.0);

        // Other bands: g − Ks against M_J.
        cmd->setBands({3, 10, 8});
        QCOMPARE(frame->xAxis->label(), QStringLiteral("g − Ks [mag]"));
        QCOMPARE(frame->yAxis->label(), QStringLiteral("M_J [mag]"));
        STARLOCUS_COMPARE_CLOSE(cmd->starGraph()->data()->at(0)->key, mag(3) - mag(10), 1e-12, 1e-12);
        STARLOCUS_COMPARE_CLOSE(cmd->starGraph()->data()->at(0)->value, mag(8), 1e-12, 1e-12);
        QVERIFY(cmd->starIsInView());
    }

    void validityColumnOnlyWithADensityProvider() {
        ui::Session session;
        session.setModel(toy());
        ui::ExplorerView view(&session);
        ExplorerPredictionModel* t = view.predictionModel();
        QCOMPARE(t->columnCount(), 4); // band, M + E·R, colour, R: no validity by default
        QVERIFY(!t->hasDensity());
        auto fake = std::make_shared<FakeDensity>();
        view.setDensity(fake);
        QCOMPARE(t->columnCount(), 5);
        QCOMPARE(t->headerData(ExplorerPredictionModel::ValidityColumn, Qt::Horizontal, Qt::DisplayRole).toString(),
                 QStringLiteral("Training density"));
        setLabels(view, 5000.0, 4.0, 0.0, 0.1);
        for (int b = 0; b < 13; ++b) {
            STARLOCUS_COMPARE_CLOSE(t->value(b, ExplorerPredictionModel::ValidityColumn), 0.05 + 0.075 * b, 1e-12, 0);
            QVERIFY(!t->data(t->index(b, ExplorerPredictionModel::ValidityColumn), ExplorerPredictionModel::kBelowThresholdRole).toBool());
        }
        setLabels(view, 7500.0, 4.0, 0.0, 0.1); // the fake's sparse region
        QVERIFY(t->data(t->index(4, ExplorerPredictionModel::ValidityColumn), ExplorerPredictionModel::kBelowThresholdRole).toBool());
        QVERIFY(t->data(t->index(4, ExplorerPredictionModel::ValidityColumn)).toString().contains(QStringLiteral("sparse")));
        QVERIFY(fake->calls > 0);
        view.setDensity(nullptr);
        QCOMPARE(t->columnCount(), 4);
    }

    void withoutAModelNothingIsPredicted() {
        ui::Session session;
        ui::ExplorerView view(&session);
        QVERIFY(!view.hasModel());
        QVERIFY(std::isnan(view.predictionModel()->value(0, ExplorerPredictionModel::AbsoluteMagnitudeColumn)));
        QCOMPARE(view.cmd()->starGraph()->dataCount(), 0);
        session.setModel(toy());
        QVERIFY(std::isfinite(view.predictionModel()->value(0, ExplorerPredictionModel::AbsoluteMagnitudeColumn)));
    }

    void mainWindowEnablesTheExplorerWithAModel() {
        ui::MainWindow w;
        auto* tabs = w.findChild<QTabWidget*>(QStringLiteral("viewTabs"));
        QVERIFY(tabs);
        QCOMPARE(tabs->count(), 5); // session, explorer, science, fit a star, catalog fit
        const int explorerTab = tabs->indexOf(w.explorer());
        QCOMPARE(explorerTab, 1);
        QVERIFY(!tabs->isTabEnabled(explorerTab));
        QVERIFY(!w.showView(QStringLiteral("explorer")));
        QCOMPARE(w.currentViewName(), QStringLiteral("session"));
        w.session()->setModel(toy());
        QVERIFY(tabs->isTabEnabled(explorerTab));
        QVERIFY(w.showView(QStringLiteral("explorer")));
        QCOMPARE(tabs->currentWidget(), w.explorer());
        QVERIFY(!w.showView(QStringLiteral("nonsense")));
    }
};

QTEST_MAIN(TestExplorer)
#include "test_explorer.moc"
