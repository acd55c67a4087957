// SPDX-License-Identifier: GPL-3.0-or-later
// The science views (issue 7) on the authors' published model and 10,000 test stars:
// which stars are shown, magnitude axes, density layers with labelled colour bars, notes
// in place for bad input, linked selection across views (box in one view → count and
// highlight in another), the selection CSV, figure export (PDF, companion CSV) and
// "copy as command". Expected numbers come from the catalog and the model directly,
// not from the views' own products.
#include "core/bands/band_registry.h"
#include "core/diagnostics/observed_photometry.h"
#include "tests/support/mouse_drag.h"
#include "tests/support/published_data.h"
#include "ui/plot/color_bar.h"
#include "ui/plot/density_layer.h"
#include "ui/plot/plot_frame.h"
#include "ui/science/cmd_view.h"
#include "ui/science/science_data.h"
#include "ui/science/science_tab.h"
#include "ui/science/science_view.h"
#include "ui/science/score_view.h"
#include "ui/science/star_selection.h"

#include <QFile>
#include <QLabel>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <qcustomplot.h>

#include <cmath>

using namespace starlocus;
using namespace starlocus::ui;

namespace {

constexpr std::size_t kG = 0, kBP = 1, kRP = 2;

QCPGraph* highlightGraph(PlotFrame* frame) {
    // The highlight is the graph named "selected (…)".
    for (int i = 0; i < frame->graphCount(); ++i)
        if (frame->graph(i)->name().startsWith(QStringLiteral("selected")))
            return frame->graph(i);
    return nullptr;
}

} // namespace

class TestScienceViews : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void publishedModelShowsAllStars();
    void everyViewDrawsWithoutNotes();
    void cmdHasMagnitudeAxesAndLabelledDensity();
    void boxInOneViewHighlightsInAnother();
    void lassoSelectsInsideTheOutline();
    void selectionCsvNamesCatalogRows();
    void catalogWithoutParallaxesSaysSoInPlace();
    void colourWithNoObservedStarsSaysSo();
    void unknownSettingIsRefusedByName();
    void exportWritesPdfAndCompanionCsv();
    void copyAsCommandReproducesSettings();

private:
    std::shared_ptr<const core::StellarModel> model_;
    core::Catalog catalog_;
    std::shared_ptr<const ScienceData> data_;
};

void TestScienceViews::initTestCase() {
    core::StellarModel model;
    STARLOCUS_LOAD_PUBLISHED(model, catalog_);
    model_ = std::make_shared<const core::StellarModel>(std::move(model));
    data_ = makeScienceData(model_, catalog_, QStringLiteral("model.h5"), {}, QStringLiteral("catalog.h5"));
}

void TestScienceViews::publishedModelShowsAllStars() {
    // A Keras model has no training record: every star, reddening re-fitted.
    QCOMPARE(data_->products.selection.choice, core::ScienceStarChoice::AllStars);
    QCOMPARE(data_->size(), catalog_.size());
    QCOMPARE(data_->size(), std::size_t(10000));
    QCOMPARE(data_->products.fit.size(), catalog_.size());
}

void TestScienceViews::everyViewDrawsWithoutNotes() {
    ScienceTab tab;
    tab.resize(1000, 700);
    tab.setData(data_);
    QCOMPARE(tab.views().size(), std::size_t(7));
    for (ScienceView* view : tab.views()) {
        QVERIFY(tab.showView(view->viewName()));
        QVERIFY2(view->notes().isEmpty(), qPrintable(view->viewName() + QLatin1String(": ") + view->notes().join(';')));
        QVERIFY2(!view->panels().empty(), qPrintable(view->viewName()));
        for (PlotFrame* frame : view->panels()) {
            QVERIFY2(!frame->xAxis->label().isEmpty() && !frame->yAxis->label().isEmpty(), qPrintable(view->viewName()));
            if (frame->densityLayer()->showsDensity())
                QVERIFY2(!frame->colorBar()->title().isEmpty(), qPrintable(view->viewName()));
        }
    }
}

void TestScienceViews::cmdHasMagnitudeAxesAndLabelledDensity() {
    CmdView view;
    view.resize(900, 450);
    view.setData(data_);
    QCOMPARE(view.panels().size(), std::size_t(2));
    for (PlotFrame* frame : view.panels()) {
        QVERIFY(frame->isYMagnitude()); // M_G increases downward
        QVERIFY(!frame->isXMagnitude());
        QVERIFY(frame->yAxis->label().contains(QStringLiteral("[mag]")));
        QVERIFY(frame->xAxis->label().contains(QStringLiteral("[mag]")));
        QVERIFY(frame->densityLayer()->showsDensity()); // 10⁴ stars: a density image, not points
        QVERIFY(frame->colorBar()->isShown());
    }
    // The observed panel holds exactly the stars with a usable parallax and both bands,
    // counted here from the catalog.
    std::size_t expected = 0;
    for (std::size_t i = 0; i < catalog_.size(); ++i) {
        const double p = catalog_.parallaxMas[i], e = catalog_.parallaxErrMas[i];
        if (p > 0 && e > 0 && p >= 5 * e && std::isfinite(catalog_.mag[i][kBP]) && std::isfinite(catalog_.mag[i][kRP]) &&
            std::isfinite(catalog_.mag[i][kG]))
            ++expected;
    }
    QCPColorMapData* cells = view.panels()[0]->densityLayer()->image()->data();
    double drawn = 0;
    for (int ix = 0; ix < cells->keySize(); ++ix)
        for (int iy = 0; iy < cells->valueSize(); ++iy)
            if (std::isfinite(cells->cell(ix, iy)))
                drawn += cells->cell(ix, iy);
    // The axes cover the central 99 % and a little more: almost every star is drawn.
    QVERIFY2(drawn <= double(expected) && drawn > 0.97 * double(expected),
             qPrintable(QStringLiteral("%1 drawn of %2").arg(drawn).arg(expected)));
}

void TestScienceViews::boxInOneViewHighlightsInAnother() {
    ScienceTab tab;
    tab.resize(1200, 700);
    tab.setData(data_);
    tab.show();
    QVERIFY(QTest::qWaitForWindowExposed(&tab));
    QVERIFY(tab.showView(QStringLiteral("cmd")));
    tab.setBoxSelectMode(true);
    ScienceView* cmd = tab.view(QStringLiteral("cmd"));
    PlotFrame* predicted = cmd->panels()[1];
    predicted->replot();

    // A box around the red clump of the predicted CMD, in data units.
    const double x0 = 1.0, x1 = 1.3, y0 = -0.5, y1 = 1.5;
    const QPoint a(int(predicted->xAxis->coordToPixel(x0)), int(predicted->yAxis->coordToPixel(y0)));
    const QPoint b(int(predicted->xAxis->coordToPixel(x1)), int(predicted->yAxis->coordToPixel(y1)));
    test::dragThrough(predicted, {a, (a + b) / 2, b});

    // The same box counted from the model itself (pixel rounding: compare with the box the
    // pixels stand for).
    const double bx0 = predicted->xAxis->pixelToCoord(a.x()), bx1 = predicted->xAxis->pixelToCoord(b.x());
    const double by0 = predicted->yAxis->pixelToCoord(a.y()), by1 = predicted->yAxis->pixelToCoord(b.y());
    std::vector<std::size_t> expected;
    for (std::size_t i = 0; i < catalog_.size(); ++i) {
        const auto& t = catalog_.theta[i];
        const core::Vec13 m = model_->absoluteMagnitudes(Eigen::Vector3d(t[0], t[1], t[2]));
        const double c = m[Eigen::Index(kBP)] - m[Eigen::Index(kRP)], g = m[Eigen::Index(kG)];
        if (c >= std::min(bx0, bx1) && c <= std::max(bx0, bx1) && g >= std::min(by0, by1) && g <= std::max(by0, by1))
            expected.push_back(i);
    }
    QVERIFY(expected.size() > 100); // the red clump is populated
    QCOMPARE(tab.selection()->count(), expected.size());
    QCOMPARE(tab.selection()->stars(), expected);
    const auto* count = tab.findChild<QLabel*>(QStringLiteral("selectionCount"));
    QVERIFY(count->text().contains(QLocale().toString(qulonglong(expected.size())))); // %Ln: grouped digits

    // Another view: ΔR/R against Teff highlights the same stars at their catalog Teff.
    QVERIFY(tab.showView(QStringLiteral("extinction_deviation")));
    ScienceView* deviation = tab.view(QStringLiteral("extinction_deviation"));
    QCPGraph* highlight = highlightGraph(deviation->panels()[0]);
    QVERIFY(highlight);
    QCOMPARE(std::size_t(highlight->dataCount()), expected.size());
    std::vector<double> teff;
    for (std::size_t i : expected)
        teff.push_back(catalog_.theta[i][0]);
    std::sort(teff.begin(), teff.end());
    std::vector<double> drawn;
    for (auto it = highlight->data()->constBegin(); it != highlight->data()->constEnd(); ++it)
        drawn.push_back(it->key);
    std::sort(drawn.begin(), drawn.end());
    QCOMPARE(drawn, teff);
    // Red-clump giants: log g around 2.5, never dwarfs.
    for (std::size_t i : expected)
        QVERIFY(catalog_.theta[i][1] < 4.0);

    // Clearing empties every highlight.
    tab.selection()->clear();
    QCOMPARE(highlight->dataCount(), 0);
    QVERIFY(count->text().contains(QStringLiteral("no stars")));
}

void TestScienceViews::lassoSelectsInsideTheOutline() {
    ScienceTab tab;
    tab.resize(1200, 700);
    tab.setData(data_);
    tab.show();
    QVERIFY(QTest::qWaitForWindowExposed(&tab));
    QVERIFY(tab.showView(QStringLiteral("cmd")));
    tab.setLassoSelectMode(true);
    PlotFrame* predicted = tab.view(QStringLiteral("cmd"))->panels()[1];
    predicted->replot();
    // A triangle over the upper main sequence, drawn with the mouse.
    auto pixel = [&](double x, double y) {
        return QPoint(int(predicted->xAxis->coordToPixel(x)), int(predicted->yAxis->coordToPixel(y)));
    };
    const QPoint outline[3] = {pixel(0.4, 2.0), pixel(1.2, 2.0), pixel(0.8, 5.5)};
    const double rangeBefore = predicted->xAxis->range().lower;
    test::dragThrough(predicted, {outline[0], outline[1], outline[2]});

    // The same triangle applied to the model's own predictions.
    QPolygonF triangle;
    for (const QPoint& p : outline)
        triangle << QPointF(p);
    std::size_t expected = 0;
    for (std::size_t i = 0; i < catalog_.size(); ++i) {
        const auto& t = catalog_.theta[i];
        const core::Vec13 m = model_->absoluteMagnitudes(Eigen::Vector3d(t[0], t[1], t[2]));
        const QPointF p(predicted->xAxis->coordToPixel(m[Eigen::Index(kBP)] - m[Eigen::Index(kRP)]),
                        predicted->yAxis->coordToPixel(m[Eigen::Index(kG)]));
        expected += triangle.containsPoint(p, Qt::OddEvenFill) ? 1 : 0;
    }
    QVERIFY(expected > 100);
    QCOMPARE(tab.selection()->count(), expected);
    // The drag drew a lasso, it did not pan the panel.
    QCOMPARE(predicted->xAxis->range().lower, rangeBefore);
    QVERIFY(tab.showView(QStringLiteral("mean_labels")));
    QCPGraph* highlight = highlightGraph(tab.view(QStringLiteral("mean_labels"))->panels()[2]);
    QVERIFY(highlight);
    QCOMPARE(std::size_t(highlight->dataCount()), expected);
}

void TestScienceViews::selectionCsvNamesCatalogRows() {
    StarSelection selection;
    selection.setStars({42, 7, 42, 9999});
    QCOMPARE(selection.count(), std::size_t(3));
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("sel.csv"));
    QVERIFY(selection.exportCsv(path, *data_));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly | QIODevice::Text));
    const QStringList lines = QString::fromUtf8(file.readAll()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 4);
    QCOMPARE(lines[0], QStringLiteral("view_index,catalog_index,teff_K,logg,feh"));
    const QStringList row = lines[2].split(QLatin1Char(','));
    QCOMPARE(row[1], QStringLiteral("42"));
    QCOMPARE(row[2].toDouble(), catalog_.theta[42][0]);
}

void TestScienceViews::catalogWithoutParallaxesSaysSoInPlace() {
    core::Catalog noParallax = catalog_;
    std::fill(noParallax.parallaxMas.begin(), noParallax.parallaxMas.end(), std::nan(""));
    CmdView view;
    view.setData(makeScienceData(model_, noParallax));
    QVERIFY(!view.notes().isEmpty());
    QVERIFY(view.notes().join(' ').contains(QStringLiteral("parallax")));
    // The note is inside the observed panel (so it is in an exported figure too).
    bool inPanel = false;
    for (int i = 0; i < view.panels()[0]->itemCount(); ++i)
        if (auto* text = qobject_cast<QCPItemText*>(view.panels()[0]->item(i)))
            inPanel = inPanel || text->text().contains(QStringLiteral("parallax"));
    QVERIFY(inPanel);
}

void TestScienceViews::colourWithNoObservedStarsSaysSo() {
    core::Catalog noW2 = catalog_;
    for (auto& m : noW2.mag)
        m[12] = std::nan("");
    ScoreView view;
    view.setData(makeScienceData(model_, noW2));
    QString error;
    QVERIFY2(view.setSetting(QStringLiteral("colors"), QStringLiteral("W1-W2"), &error), qPrintable(error));
    QCOMPARE(view.notes().size(), 4); // one per panel: Teff, log g, [Fe/H], E
    QVERIFY(view.notes()[0].contains(QStringLiteral("W1 − W2")));
}

void TestScienceViews::unknownSettingIsRefusedByName() {
    CmdView view;
    view.setData(data_);
    QString error;
    QVERIFY(!view.setSetting(QStringLiteral("colour"), QStringLiteral("g-r"), &error));
    QVERIFY(error.contains(QStringLiteral("colour")));
    QVERIFY(!view.setSetting(QStringLiteral("color"), QStringLiteral("g-q"), &error));
    QVERIFY(error.contains(QStringLiteral("g-q")));
    QVERIFY(!view.setSetting(QStringLiteral("magnitude"), QStringLiteral("V"), &error));
    QCOMPARE(view.settings().value(QStringLiteral("color")), QStringLiteral("BP-RP")); // unchanged
}

void TestScienceViews::exportWritesPdfAndCompanionCsv() {
    ScoreView view;
    view.resize(800, 600);
    view.setData(data_);
    QTemporaryDir dir;
    FigureExportRequest request;
    request.path = dir.filePath(QStringLiteral("fig12.pdf"));
    request.format = FigureFormat::Pdf;
    const FigurePreset* preset = figurePreset(QStringLiteral("aa-180"));
    QVERIFY(preset);
    QCOMPARE(preset->widthMm, 180.0);
    request.dpi = 300;
    request.pixelSize = pixelSizeFor(QSizeF(180.0, 150.0), 300);
    QCOMPARE(request.pixelSize.width(), 2126); // 180 mm = 7.087 in
    request.fontPointSize = 7.0;
    QString error;
    QVERIFY2(view.exportFigure(request, true, &error), qPrintable(error));
    QFile pdf(request.path);
    QVERIFY(pdf.open(QIODevice::ReadOnly));
    const QByteArray bytes = pdf.readAll();
    QVERIFY(bytes.startsWith("%PDF"));
    // The page is the physical size: 180 mm = 510.2 pt wide (Qt rounds pages to whole points).
    const QRegularExpressionMatch box = QRegularExpression(QStringLiteral("/MediaBox \\[0 0 ([0-9.]+)")).match(QString::fromLatin1(bytes));
    QVERIFY(box.hasMatch());
    QVERIFY2(std::abs(box.captured(1).toDouble() - 510.2) <= 1.0, qPrintable(box.captured(0)));
    QFile csv(dir.filePath(QStringLiteral("fig12.csv")));
    QVERIFY(csv.open(QIODevice::ReadOnly | QIODevice::Text));
    QCOMPARE(csv.readLine().trimmed(), QByteArray("panel,series,kind,x,y,value"));
    // Fonts are back to their screen sizes after the export.
    QVERIFY(std::abs(view.panels()[0]->xAxis->tickLabelFont().pointSizeF() - 7.0) > 0.01);

    const QString pdftoppm = QStandardPaths::findExecutable(QStringLiteral("pdftoppm"));
    if (pdftoppm.isEmpty())
        QFAIL("pdftoppm (poppler-utils, scripts/install-deps.sh) is not installed: the PDF cannot be rendered");
    QProcess render;
    render.start(pdftoppm, {QStringLiteral("-png"), QStringLiteral("-r"), QStringLiteral("50"), request.path,
                            dir.filePath(QStringLiteral("page"))});
    QVERIFY(render.waitForFinished(30000));
    QCOMPARE(render.exitCode(), 0);
}

void TestScienceViews::copyAsCommandReproducesSettings() {
    CmdView view;
    view.setData(data_);
    QVERIFY(view.setSetting(QStringLiteral("color"), QStringLiteral("g-r")));
    const QString line = view.commandLine(QStringLiteral("out"));
    QVERIFY(line.startsWith(QStringLiteral("starlocus-figures --model model.h5 --catalog catalog.h5 --out out")));
    QVERIFY(line.contains(QStringLiteral("--view cmd")));
    QVERIFY(line.contains(QStringLiteral("--set color=g-r")));
    QVERIFY(line.contains(QStringLiteral("--set magnitude=G")));
}

QTEST_MAIN(TestScienceViews)
#include "test_science_views.moc"
