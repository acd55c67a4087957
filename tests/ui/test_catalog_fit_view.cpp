// SPDX-License-Identifier: GPL-3.0-or-later
// The "Catalog Fit" tab (issue 16, item 4, last sentence), offscreen, on a mock catalog whose
// photometry a known model made from known labels: "Fit all stars" fits every star in the
// background with the Fit a Star tab's grid (no second grid); each panel holds the fitted
// stars, and its bias and robust scatter equal those computed here from the posteriors and
// the catalog; the posteriors equal core::fitCatalog's on the whole catalog; cancel leaves no
// result; a posterior file with another row count is refused naming the file; a file that
// core::writePosteriorFile wrote for this catalog shows the same numbers as the fit made
// here; clicking a star makes it the Fit a Star tab's star; a new model drops a result fitted
// here but keeps a file's; the main window shows the tab as the view "catalog-fit".
#include "core/inference/fit_catalog.h"
#include "core/io/posterior_file.h"
#include "core/model/color_transform.h"
#include "tests/ui/inference_test_model.h"
#include "ui/inference/catalog_fit_colour_legend.h"
#include "ui/inference/catalog_fit_job.h"
#include "ui/inference/catalog_fit_panel.h"
#include "ui/inference/catalog_fit_view.h"
#include "ui/inference/star_fit_input_panel.h"
#include "ui/inference/star_fit_job.h"
#include "ui/inference/star_fit_view.h"
#include "ui/main_window.h"
#include "ui/session/session.h"

#include <QComboBox>
#include <QElapsedTimer>
#include <QLocale>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <algorithm>
#include <cmath>
#include <random>

using namespace starlocus;
using ui::CatalogFitQuantity;

namespace {

using test::linearModel;

constexpr int kTimeoutMs = 180000;


// `n` stars with labels, μ and E drawn inside the test lattice, their photometry made by the
// model with 0.02 mag noise; the catalog's labels and r_fit are the truth plus a spectroscopic
// error. Star 5 has no G and star 9 only three bands: neither can be fitted.
std::shared_ptr<const core::Catalog> mockCatalog(const core::StellarModel& model, std::size_t n,
                                                 std::uint32_t seed = 11) {
    std::mt19937 random(seed);
    std::uniform_real_distribution<double> unit(0.0, 1.0);
    std::normal_distribution<double> gauss(0.0, 1.0);
    auto catalog = std::make_shared<core::Catalog>();
    catalog->sourceFile = "mock:catalog-fit";
    catalog->reddeningFit.emplace();
    catalog->resize(n);
    for (std::size_t i = 0; i < n; ++i) {
        const std::array<double, 3> theta{4500.0 + 2000.0 * unit(random), 3.4 + 1.3 * unit(random),
                                          -0.7 + 1.0 * unit(random)};
        const double mu = 9.0 + 2.0 * unit(random);
        const double e = 0.02 + 0.3 * unit(random);
        const core::ModelEvaluation ev = model.evaluate(Eigen::Vector3d(theta[0], theta[1], theta[2]), false);
        const core::Vec13 m = core::fromColorSpace(ev.colorMagnitudes);
        for (std::size_t b = 0; b < 13; ++b) {
            catalog->mag[i][b] = m[Eigen::Index(b)] + mu + e * ev.extinction[Eigen::Index(b)] + 0.02 * gauss(random);
            catalog->magErr[i][b] = 0.02;
        }
        const double parallax = std::pow(10.0, 2.0 - mu / 5.0);
        catalog->parallaxErrMas[i] = 0.1 * parallax;
        catalog->parallaxMas[i] = parallax + catalog->parallaxErrMas[i] * gauss(random);
        catalog->theta[i] = {theta[0] + 80.0 * gauss(random), theta[1] + 0.1 * gauss(random),
                             theta[2] + 0.08 * gauss(random)};
        catalog->reddening[i] = 0.1;
        catalog->reddeningErr[i] = 0.2;
        (*catalog->reddeningFit)[i] = e + 0.02 * gauss(random);
    }
    if (n > 9) {
        catalog->mag[5][0] = catalog->magErr[5][0] = std::nan("");
        for (std::size_t b = 3; b < 13; ++b)
            catalog->mag[9][b] = catalog->magErr[9][b] = std::nan("");
        catalog->parallaxMas[9] = std::nan("");
    }
    return catalog;
}

// The shared test lattice, flat over the box: a KDE of 40 stars allows only their labels.
core::LabelGridSettings boxGrid() {
    core::LabelGridSettings s = test::testGrid();
    s.prior = core::LabelPrior::Box;
    return s;
}

// A session with the model and a catalog, the Fit a Star view (the grid's owner) and the
// Catalog Fit view.
struct Fixture {
    std::shared_ptr<const core::StellarModel> model = linearModel();
    ui::Session session;
    ui::StarFitView starFit{&session};
    ui::CatalogFitView view{&session, &starFit};

    explicit Fixture(std::size_t stars = 40) {
        session.setModel(model);
        session.setCatalog(mockCatalog(*model, stars));
        starFit.setGridSettings(boxGrid());
        starFit.input()->setLabelPrior(core::LabelPrior::Box); // a KDE of 40 stars allows only their labels
        view.resize(1280, 900);
    }
};

bool waitIdle(const ui::CatalogFitView& view, int timeoutMs = kTimeoutMs) {
    QElapsedTimer clock;
    clock.start();
    while (view.isBusy() && clock.elapsed() < timeoutMs)
        QTest::qWait(20);
    return !view.isBusy();
}

// Independently of the view: the catalog value each panel compares with.
double catalogValueOf(const core::Catalog& catalog, CatalogFitQuantity q, std::size_t row) {
    if (q == CatalogFitQuantity::Reddening)
        return catalog.reddeningFit ? (*catalog.reddeningFit)[row] : catalog.reddening[row];
    return catalog.theta[row][std::size_t(q)];
}

double medianOfInterval(const core::StarPosterior& p, CatalogFitQuantity q) {
    switch (q) {
    case CatalogFitQuantity::Teff:
        return p.teff.median;
    case CatalogFitQuantity::LogG:
        return p.logg.median;
    case CatalogFitQuantity::FeH:
        return p.feh.median;
    case CatalogFitQuantity::Reddening:
        break;
    }
    return p.reddening.median;
}

double sortedMedian(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    const std::size_t n = v.size();
    return n % 2 == 1 ? v[n / 2] : 0.5 * (v[n / 2 - 1] + v[n / 2]);
}

struct Expected {
    std::size_t count = 0;
    double bias = 0.0, scatter = 0.0;
};

// Bias = median(phot − catalog), scatter = 1.4826 · median |d − bias|, over the fitted stars.
Expected expectedStatistics(const core::Catalog& catalog, const std::vector<core::StarPosterior>& posteriors,
                            CatalogFitQuantity q) {
    std::vector<double> d;
    for (std::size_t row = 0; row < posteriors.size(); ++row)
        if (posteriors[row].status == core::PosteriorStatus::Fitted)
            d.push_back(medianOfInterval(posteriors[row], q) - catalogValueOf(catalog, q, row));
    Expected e;
    e.count = d.size();
    e.bias = sortedMedian(d);
    std::vector<double> dev;
    for (double x : d)
        dev.push_back(std::abs(x - e.bias));
    e.scatter = 1.4826 * sortedMedian(dev);
    return e;
}

// The panel's statistics against the independent ones, in numbers and in the text shown.
void checkPanel(const ui::CatalogFitPanel& panel, const Expected& e) {
    const ui::OffsetStatistics& s = panel.comparison().statistics;
    QCOMPARE(panel.pointCount(), e.count);
    QCOMPARE(s.count, e.count);
    const double tolerance = 1e-9 * std::max(1.0, std::abs(e.bias) + e.scatter);
    QVERIFY2(std::abs(s.bias - e.bias) <= tolerance, qPrintable(QStringLiteral("bias %1, expected %2").arg(s.bias).arg(e.bias)));
    QVERIFY2(std::abs(s.scatter - e.scatter) <= tolerance,
             qPrintable(QStringLiteral("scatter %1, expected %2").arg(s.scatter).arg(e.scatter)));
    const int decimals = panel.quantity() == CatalogFitQuantity::Teff ? 0 : 3;
    const QString text = panel.statisticsText();
    QVERIFY2(text.contains(QStringLiteral("N = %1").arg(QLocale().toString(qulonglong(e.count)))), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("%1%2").arg(e.bias < 0 ? QStringLiteral("−") : QStringLiteral("+"),
                                                        QLocale().toString(std::abs(e.bias), 'f', decimals))),
             qPrintable(text));
    QVERIFY2(text.contains(QLocale().toString(e.scatter, 'f', decimals)), qPrintable(text));
}

std::size_t fittedCount(const std::vector<core::StarPosterior>& posteriors) {
    return std::size_t(std::count_if(posteriors.begin(), posteriors.end(),
                                     [](const core::StarPosterior& p) { return p.status == core::PosteriorStatus::Fitted; }));
}

} // namespace

class TestCatalogFitView : public QObject {
    Q_OBJECT
  private slots:
    void fitsEveryStarWithTheSharedGridAndStatesTheNumbers();
    void cancelLeavesNoResult();
    void refusesAFileWithAnotherRowCount();
    void fileOfTheSameCatalogShowsTheSameNumbers();
    void clickingAStarMakesItTheFitAStarStar();
    void newModelDropsAResultFittedHereButKeepsAFile();
    void mainWindowShowsTheCatalogFitView();
};

void TestCatalogFitView::fitsEveryStarWithTheSharedGridAndStatesTheNumbers() {
    Fixture f;
    QVERIFY(!f.view.showsPanels());
    QVERIFY(!f.starFit.job()->grid()); // nothing built while neither tab was looked at
    f.view.fitAllStars();
    QVERIFY(f.view.isBusy()); // the GUI thread went on: the grid and the fit run in the background
    QVERIFY(waitIdle(f.view));
    const auto result = f.view.result();
    QVERIFY2(result, qPrintable(f.view.message()));
    QCOMPARE(result->origin, ui::CatalogFitResult::Origin::GuiRun);
    QCOMPARE(result->posteriors.size(), std::size_t(40));
    // One grid: the Fit a Star tab's.
    QVERIFY(f.starFit.job()->grid());
    QCOMPARE(result->grid, f.starFit.job()->grid());
    QCOMPARE(result->metadata.grid.prior, core::LabelPrior::Box);
    QVERIFY(f.view.showsPanels());

    // The slices change nothing: core::fitCatalog on the whole catalog gives the same posteriors.
    const core::Catalog& catalog = *f.session.catalog();
    const std::vector<core::StarPosterior> whole = core::fitCatalog(*result->grid, {}, catalog);
    for (std::size_t i = 0; i < whole.size(); ++i) {
        QCOMPARE(result->posteriors[i].status, whole[i].status);
        if (whole[i].fitted())
            QCOMPARE(result->posteriors[i].teff.median, whole[i].teff.median);
    }
    QCOMPARE(result->posteriors[5].status, core::PosteriorStatus::MissingG);
    QCOMPARE(result->posteriors[9].status, core::PosteriorStatus::TooFewMeasurements);
    const std::size_t fitted = fittedCount(result->posteriors);
    QVERIFY(fitted >= 30);

    for (CatalogFitQuantity q : ui::kCatalogFitQuantities) {
        const Expected e = expectedStatistics(catalog, result->posteriors, q);
        QCOMPARE(e.count, fitted);
        checkPanel(*f.view.panel(q), e);
    }
    // Axis titles with units; the E panel says which catalog column it compares with.
    QCOMPARE(f.view.panel(CatalogFitQuantity::Teff)->xAxis->label(), QStringLiteral("Teff, spectroscopic [K]"));
    QCOMPARE(f.view.panel(CatalogFitQuantity::LogG)->yAxis->label(), QStringLiteral("log g, photometric [dex]"));
    QCOMPARE(f.view.panel(CatalogFitQuantity::Reddening)->xAxis->label(), QStringLiteral("E, catalog r_fit [mag]"));
    // The summary: fitted of all, the statuses of the others, the flags.
    const QString summary = f.view.summaryText();
    QVERIFY2(summary.contains(QStringLiteral("%1 of 40 stars fitted").arg(fitted)), qPrintable(summary));
    QVERIFY2(summary.contains(QStringLiteral("1 missing_g")), qPrintable(summary));
    QVERIFY2(summary.contains(QStringLiteral("1 too_few_measurements")), qPrintable(summary));
    QVERIFY2(summary.contains(QStringLiteral("poor fit")), qPrintable(summary));

    // Colouring: a colour key appears for a continuous choice; the points are still all there.
    f.view.colouringBox()->setCurrentIndex(f.view.colouringBox()->findData(int(ui::CatalogFitColouring::ReducedChi2)));
    QVERIFY(f.view.colourLegend()->isVisibleTo(&f.view));
    QVERIFY2(f.view.colourLegend()->text().contains(QStringLiteral("χ²/dof")), qPrintable(f.view.colourLegend()->text()));
    int drawn = 0;
    ui::CatalogFitPanel* teff = f.view.panel(CatalogFitQuantity::Teff);
    for (int g = 0; g < teff->graphCount(); ++g)
        if (teff->graph(g)->scatterStyle().shape() == QCPScatterStyle::ssDisc)
            drawn += teff->graph(g)->dataCount();
    QCOMPARE(std::size_t(drawn), fitted);
    if (const QString dir = qEnvironmentVariable("STARLOCUS_GRAB_DIR"); !dir.isEmpty()) {
        f.view.show();
        QTest::qWait(200);
        f.view.grab().save(dir + QStringLiteral("/catalog_fit_test.png"));
        f.view.errorBarsBox()->setChecked(true);
        f.view.colouringBox()->setCurrentIndex(
            f.view.colouringBox()->findData(int(ui::CatalogFitColouring::ParallaxUsed)));
        QTest::qWait(100);
        f.view.grab().save(dir + QStringLiteral("/catalog_fit_test_errors.png"));
    }
}

void TestCatalogFitView::cancelLeavesNoResult() {
    Fixture f(3 * ui::CatalogFitJob::kProgressStars); // three blocks between reports: seconds of work
    f.starFit.prepareGrid();
    QElapsedTimer clock;
    clock.start();
    while (!f.starFit.currentGrid() && clock.elapsed() < kTimeoutMs)
        QTest::qWait(20);
    QVERIFY(f.starFit.currentGrid());
    QSignalSpy shown(&f.view, &ui::CatalogFitView::resultShown);
    f.view.fitAllStars();
    QVERIFY(f.view.job()->isRunning());
    QVERIFY(f.view.cancelButton()->isEnabled());
    f.view.cancelButton()->click();
    QVERIFY(waitIdle(f.view));
    QVERIFY(!f.view.result());
    QVERIFY(f.view.job()->done() < f.view.job()->total());
    QVERIFY2(f.view.message().contains(QStringLiteral("cancelled")), qPrintable(f.view.message()));
    QVERIFY(!f.view.showsPanels());
    QVERIFY(!f.view.saveButton()->isEnabled());
    // It can be run again afterwards.
    QVERIFY(f.view.fitButton()->isEnabled());
}

void TestCatalogFitView::refusesAFileWithAnotherRowCount() {
    Fixture f;
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("posteriors_of_another_catalog.h5"));
    core::PosteriorFileMetadata metadata;
    metadata.catalogFile = "another_catalog.h5";
    core::writePosteriorFile(path.toStdString(), std::vector<core::StarPosterior>(39), metadata);
    f.view.openPosteriorFile(path);
    QVERIFY(waitIdle(f.view));
    QVERIFY(!f.view.result());
    QVERIFY(!f.view.showsPanels());
    const QString message = f.view.message();
    QVERIFY2(message.contains(path), qPrintable(message));
    QVERIFY2(message.contains(QStringLiteral("39 rows")) && message.contains(QStringLiteral("40 stars")),
             qPrintable(message));
    QVERIFY2(message.contains(QStringLiteral("another_catalog.h5")), qPrintable(message)); // its catalog attribute

    // A file that is not a posterior file: the reader's message, naming the file; no crash.
    const QString junk = dir.filePath(QStringLiteral("not_posteriors.h5"));
    QFile out(junk);
    QVERIFY(out.open(QIODevice::WriteOnly));
    out.write("not an HDF5 file");
    out.close();
    f.view.openPosteriorFile(junk);
    QVERIFY(waitIdle(f.view));
    QVERIFY(!f.view.result());
    QVERIFY2(f.view.message().contains(junk), qPrintable(f.view.message()));
}

void TestCatalogFitView::fileOfTheSameCatalogShowsTheSameNumbers() {
    Fixture f;
    f.view.fitAllStars();
    QVERIFY(waitIdle(f.view));
    QVERIFY2(f.view.result(), qPrintable(f.view.message()));
    std::array<ui::OffsetStatistics, 4> here;
    for (CatalogFitQuantity q : ui::kCatalogFitQuantities)
        here[std::size_t(q)] = f.view.panel(q)->comparison().statistics;

    // The same catalog fitted by core alone (a grid of the same lattice and prior), written
    // as fit-stars writes it.
    const core::LabelGrid grid = core::buildLabelGrid(*f.model, boxGrid(), nullptr);
    const std::vector<core::StarPosterior> posteriors = core::fitCatalog(grid, {}, *f.session.catalog());
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("posteriors.h5"));
    core::PosteriorFileMetadata metadata;
    metadata.grid = grid.settings;
    metadata.catalogFile = "mock_catalog.h5";
    metadata.modelFile = "linear.h5";
    core::writePosteriorFile(path.toStdString(), posteriors, metadata);
    f.view.openPosteriorFile(path);
    QVERIFY(waitIdle(f.view));
    const auto result = f.view.result();
    QVERIFY2(result, qPrintable(f.view.message()));
    QCOMPARE(result->origin, ui::CatalogFitResult::Origin::File);
    QVERIFY2(f.view.sourceText().contains(QStringLiteral("mock_catalog.h5")), qPrintable(f.view.sourceText()));
    for (CatalogFitQuantity q : ui::kCatalogFitQuantities) {
        checkPanel(*f.view.panel(q), expectedStatistics(*f.session.catalog(), posteriors, q));
        const ui::OffsetStatistics& s = f.view.panel(q)->comparison().statistics;
        QCOMPARE(s.count, here[std::size_t(q)].count);
        QCOMPARE(s.bias, here[std::size_t(q)].bias);
        QCOMPARE(s.scatter, here[std::size_t(q)].scatter);
    }
    // A file's result is not saved again from here.
    QVERIFY(!f.view.saveButton()->isEnabled());
}

void TestCatalogFitView::clickingAStarMakesItTheFitAStarStar() {
    Fixture f;
    f.view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&f.view));
    f.view.fitAllStars();
    QVERIFY(waitIdle(f.view));
    QVERIFY2(f.view.result(), qPrintable(f.view.message()));
    QTest::qWait(50);
    ui::CatalogFitPanel* panel = f.view.panel(CatalogFitQuantity::LogG);
    panel->replot(QCustomPlot::rpImmediateRefresh);
    // A star drawn at least 12 px from every other one, so the click can mean only it.
    const auto& rows = panel->comparison().rows;
    std::optional<std::size_t> target;
    for (std::size_t a : rows) {
        const QPointF pa = *panel->pixelOfRow(a);
        if (!panel->axisRect()->rect().contains(pa.toPoint()))
            continue;
        bool alone = true;
        for (std::size_t b : rows)
            if (b != a && QLineF(pa, *panel->pixelOfRow(b)).length() < 12.0)
                alone = false;
        if (alone && a != f.starFit.input()->catalogStar()) {
            target = a;
            break;
        }
    }
    QVERIFY(target);
    QSignalSpy chosen(&f.view, &ui::CatalogFitView::starChosen);
    QTest::mouseClick(panel, Qt::LeftButton, {}, panel->pixelOfRow(*target)->toPoint());
    QCOMPARE(chosen.count(), 1);
    QCOMPARE(chosen.first().first().value<std::size_t>(), *target);
    QCOMPARE(f.starFit.input()->catalogStar(), *target);
    // Every panel rings the star.
    for (CatalogFitQuantity q : ui::kCatalogFitQuantities) {
        ui::CatalogFitPanel* p = f.view.panel(q);
        int ringed = 0;
        for (int g = 0; g < p->graphCount(); ++g)
            if (p->graph(g)->scatterStyle().shape() == QCPScatterStyle::ssCircle)
                ringed += p->graph(g)->dataCount();
        QCOMPARE(ringed, 1);
    }
    // A click on empty space chooses nothing.
    QTest::mouseClick(panel, Qt::LeftButton, {}, panel->axisRect()->topLeft() + QPoint(2, 2));
    QCOMPARE(chosen.count(), 1);
}

void TestCatalogFitView::newModelDropsAResultFittedHereButKeepsAFile() {
    Fixture f;
    f.view.fitAllStars();
    QVERIFY(waitIdle(f.view));
    QVERIFY2(f.view.result(), qPrintable(f.view.message()));
    QVERIFY(f.view.saveButton()->isEnabled());
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("saved.h5"));
    QVERIFY2(f.view.savePosteriorFile(path), qPrintable(f.view.message()));
    const core::PosteriorFile saved = core::readPosteriorFile(path.toStdString());
    QCOMPARE(saved.posteriors.size(), std::size_t(40));
    QCOMPARE(saved.metadata.catalogFile, std::string("mock:catalog-fit"));
    QCOMPARE(saved.metadata.grid.prior, core::LabelPrior::Box);
    QVERIFY(!saved.metadata.starlocusVersion.empty());

    f.session.setModel(linearModel()); // another model
    QVERIFY(!f.view.result());
    QVERIFY(!f.view.showsPanels());
    QVERIFY2(f.view.message().contains(QStringLiteral("model changed")), qPrintable(f.view.message()));

    // A file is the file's result: kept across a model change, dropped with a catalog of
    // another size.
    f.view.openPosteriorFile(path);
    QVERIFY(waitIdle(f.view));
    QVERIFY2(f.view.result(), qPrintable(f.view.message()));
    f.session.setModel(linearModel());
    QVERIFY2(f.view.result(), qPrintable(f.view.message()));
    f.session.setCatalog(mockCatalog(*f.model, 41));
    QVERIFY(!f.view.result());
    QVERIFY2(f.view.message().contains(path), qPrintable(f.view.message()));
}

void TestCatalogFitView::mainWindowShowsTheCatalogFitView() {
    ui::MainWindow window;
    QVERIFY(ui::MainWindow::viewNames().contains(QStringLiteral("catalog-fit")));
    QVERIFY(window.catalogFit());
    QVERIFY(window.showView(QStringLiteral("catalog-fit")));
    QCOMPARE(window.currentViewName(), QStringLiteral("catalog-fit"));
    // No model yet: nothing to fit, and it says so.
    QVERIFY(!window.catalogFit()->fitButton()->isEnabled());
    window.catalogFit()->fitAllStars();
    QVERIFY(!window.catalogFit()->isBusy());
    QVERIFY2(window.catalogFit()->message().contains(QStringLiteral("model")), qPrintable(window.catalogFit()->message()));
}

QTEST_MAIN(TestCatalogFitView)
#include "test_catalog_fit_view.moc"
