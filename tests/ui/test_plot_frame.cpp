// SPDX-License-Identifier: GPL-3.0-or-later
// The shared plot frame (ui/plot): colour-map tables, magnitude axes that increase
// downward, the density layer replacing points above its star count, the labelled colour
// bar, the binning fallback, export to PDF/SVG/PNG at the requested size and DPI, and
// retranslation through the frame's text source.
#include "ui/plot/color_map.h"
#include "ui/plot/density_layer.h"
#include "ui/plot/figure_export.h"
#include "ui/plot/plot_frame.h"
#include "ui/plot/point_binning.h"

#include <QEvent>
#include <QFile>
#include <QImage>
#include <QImageReader>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>
#include <cmath>
#include <numeric>
#include <random>

using namespace starlocus::ui;

namespace {

double luminance(std::uint32_t rgb) {
    return 0.2126 * ((rgb >> 16) & 0xff) + 0.7152 * ((rgb >> 8) & 0xff) + 0.0722 * (rgb & 0xff);
}

// A CMD-like cloud: `n` points around a main sequence.
void cloud(std::size_t n, std::vector<double>& x, std::vector<double>& y) {
    std::mt19937 rng(7);
    std::normal_distribution<double> noise(0.0, 0.1);
    std::uniform_real_distribution<double> color(0.5, 2.5);
    x.resize(n);
    y.resize(n);
    for (std::size_t i = 0; i < n; ++i) {
        x[i] = color(rng);
        y[i] = 2.0 + 3.0 * x[i] + noise(rng);
    }
}

QByteArray readAll(const QString& path) {
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

} // namespace

class TestPlotFrame : public QObject {
    Q_OBJECT
private slots:
    void colorMapsAreThePublishedTables() {
        // End points of the published maps (matplotlib _cm_listed.py, rounded to 8 bits).
        QCOMPARE(colorTable(ColorMapName::Viridis).front(), 0x440154u);
        QCOMPARE(colorTable(ColorMapName::Viridis).back(), 0xfde725u);
        QCOMPARE(colorTable(ColorMapName::Magma).front(), 0x000004u);
        QCOMPARE(colorTable(ColorMapName::Magma).back(), 0xfcfdbfu);
        QCOMPARE(colorTable(ColorMapName::Cividis).front(), 0x00224eu);
        QCOMPARE(colorTable(ColorMapName::Cividis).back(), 0xfee838u);
        QCOMPARE(colorAt(ColorMapName::Viridis, 128), QColor(0x21, 0x91, 0x8c));
        // Perceptually uniform maps get lighter monotonically (within 8-bit rounding).
        for (ColorMapName name : {ColorMapName::Viridis, ColorMapName::Magma, ColorMapName::Cividis}) {
            const ColorTable& t = colorTable(name);
            for (std::size_t i = 1; i < t.size(); ++i)
                QVERIFY2(luminance(t[i]) >= luminance(t[i - 1]) - 1.0,
                         qPrintable(QStringLiteral("%1 at %2").arg(colorMapId(name)).arg(i)));
        }
    }

    void magnitudeAxisIncreasesDownward() {
        PlotFrame frame;
        frame.resize(400, 300);
        frame.setMagnitudeAxes(false, true);
        QVERIFY(frame.isYMagnitude());
        QVERIFY(!frame.isXMagnitude());
        frame.yAxis->setRange(-2.0, 12.0);
        frame.replot();
        // Screen y grows downward: a fainter (larger) magnitude sits lower.
        QVERIFY(frame.yAxis->coordToPixel(10.0) > frame.yAxis->coordToPixel(0.0));
        QVERIFY(frame.yAxis2->rangeReversed()); // the mirrored axis agrees
        QCOMPARE(PlotFrame::axisTitle(QStringLiteral("M_G"), QStringLiteral("mag")), QStringLiteral("M_G [mag]"));
        QCOMPARE(PlotFrame::axisTitle(QStringLiteral("N"), QString()), QStringLiteral("N"));
    }

    void densityLayerReplacesPointsAboveThreshold() {
        PlotFrame frame;
        DensityLayer* layer = frame.densityLayer();
        layer->setDensityThreshold(1000);
        layer->setValueTitle(QStringLiteral("stars per bin"));
        std::vector<double> x, y;
        cloud(800, x, y);
        layer->setPoints(x, y);
        QVERIFY(layer->showsPoints());
        QVERIFY(!layer->showsDensity());
        QVERIFY(!frame.colorBar()->isShown());
        QCOMPARE(layer->points()->dataCount(), 800);

        cloud(5000, x, y);
        layer->setPoints(x, y);
        QVERIFY(layer->showsDensity());
        QVERIFY(!layer->showsPoints());
        QVERIFY(frame.colorBar()->isShown());
        // Counts span decades: a logarithmic colour scale, with decade ticks.
        QCOMPARE(frame.colorBar()->scale()->dataScaleType(), QCPAxis::stLogarithmic);
        QVERIFY(qSharedPointerDynamicCast<QCPAxisTickerLog>(frame.colorBar()->scale()->axis()->ticker()));
        // Every star is in one cell of the image.
        QCPColorMapData* data = layer->image()->data();
        double total = 0.0;
        for (int ix = 0; ix < data->keySize(); ++ix)
            for (int iy = 0; iy < data->valueSize(); ++iy)
                if (std::isfinite(data->cell(ix, iy)))
                    total += data->cell(ix, iy);
        QCOMPARE(total, 5000.0);

        // Back below the threshold: points again, and the bar leaves the layout.
        cloud(10, x, y);
        layer->setPoints(x, y);
        QVERIFY(layer->showsPoints());
        QVERIFY(!frame.colorBar()->isShown());
        QCOMPARE(frame.plotLayout()->elementCount(), 1);
    }

    void colorBarCarriesItsLabel() {
        PlotFrame frame;
        DensityLayer* layer = frame.densityLayer();
        layer->setValueTitle(PlotFrame::axisTitle(QStringLiteral("mean log g"), QStringLiteral("dex")));
        DensityGrid grid{{0.0, 1.0, 2.0}, {0.0, 1.0}, {3.0, 4.0}};
        QVERIFY(layer->setGrid(grid));
        QVERIFY(frame.colorBar()->isShown());
        QCOMPARE(frame.colorBar()->title(), QStringLiteral("mean log g [dex]"));
        QCOMPARE(frame.colorBar()->scale()->axis()->label(), QStringLiteral("mean log g [dex]"));
        QCOMPARE(frame.plotLayout()->element(0, 1), frame.colorBar()->scale());
        layer->setValueTitle(QStringLiteral("N"));
        QCOMPARE(frame.colorBar()->title(), QStringLiteral("N"));
        // A grid that does not match its edges is refused.
        QVERIFY(!layer->setGrid(DensityGrid{{0.0, 1.0, 2.0}, {0.0, 1.0}, {1.0}}));
        QVERIFY(!layer->setGrid(DensityGrid{{0.0, 1.0, 5.0}, {0.0, 1.0}, {1.0, 2.0}})); // uneven
    }

    void binningFallback() {
        const std::vector<double> x{0.1, 0.2, 0.9, 1.0, NAN, 5.0};
        const std::vector<double> y{0.1, 0.1, 0.9, 1.0, 0.5, 0.5};
        const DensityGrid g = binPoints(x, y, {0.0, 1.0, 2}, {0.0, 1.0, 2});
        QVERIFY(g.isValid());
        QCOMPARE(g.at(0, 0), 2.0);
        QCOMPARE(g.at(1, 1), 2.0); // the last edge belongs to the last bin
        QVERIFY(std::isnan(g.at(1, 0))); // empty: NaN, drawn transparent
        const BinSpec flat = spanningBins(std::vector<double>{3.0, 3.0}, 4);
        QVERIFY(flat.max > flat.min);
    }

    void exportWritesRequestedSizeAndResolution_data() {
        QTest::addColumn<int>("format");
        QTest::newRow("png") << int(FigureFormat::Png);
        QTest::newRow("pdf") << int(FigureFormat::Pdf);
        QTest::newRow("svg") << int(FigureFormat::Svg);
    }
    void exportWritesRequestedSizeAndResolution() {
        QFETCH(int, format);
        QTemporaryDir dir;
        PlotFrame frame;
        frame.resize(500, 400);
        frame.setMagnitudeAxes(false, true);
        frame.setAxisTitles(QStringLiteral("BP − RP [mag]"), QStringLiteral("M_G [mag]"));
        std::vector<double> x, y;
        cloud(5000, x, y);
        frame.densityLayer()->setValueTitle(QStringLiteral("stars per bin"));
        frame.densityLayer()->setPoints(x, y);
        frame.rescaleAxes();
        const QString path = dir.filePath(QStringLiteral("figure.") +
                                          (format == int(FigureFormat::Png) ? "png" : format == int(FigureFormat::Pdf) ? "pdf" : "svg"));
        QCOMPARE(figureFormatForPath(path).value(), FigureFormat(format));
        QString error;
        QVERIFY2(frame.exportFigure({path, FigureFormat(format), QSize(1200, 900), 300.0}, &error), qPrintable(error));
        const QByteArray bytes = readAll(path);
        QVERIFY(bytes.size() > 1000);
        switch (FigureFormat(format)) {
        case FigureFormat::Png: {
            QImage image(path);
            QCOMPARE(image.size(), QSize(1200, 900));
            QCOMPARE(image.dotsPerMeterX(), int(std::lround(300.0 / 0.0254)));
            // Not blank: axes, labels and the density image were painted (many colours).
            QSet<QRgb> colors;
            for (int y = 0; y < image.height(); y += 3)
                for (int x = 0; x < image.width(); x += 3)
                    colors.insert(image.pixel(x, y));
            QVERIFY2(colors.size() > 50, qPrintable(QString::number(colors.size())));
            if (qEnvironmentVariableIsSet("STARLOCUS_KEEP_EXPORT"))
                image.save(qEnvironmentVariable("STARLOCUS_KEEP_EXPORT"));
            break;
        }
        case FigureFormat::Pdf: {
            QVERIFY(bytes.startsWith("%PDF"));
            // 1200 × 900 px at 300 DPI = 4 × 3 inches = 288 × 216 points.
            const QRegularExpression box(QStringLiteral(R"(/MediaBox \[0 0 ([\d.]+) ([\d.]+)\])"));
            const auto m = box.match(QString::fromLatin1(bytes));
            QVERIFY(m.hasMatch());
            QVERIFY(std::abs(m.captured(1).toDouble() - 288.0) < 1.0);
            QVERIFY(std::abs(m.captured(2).toDouble() - 216.0) < 1.0);
            break;
        }
        case FigureFormat::Svg: {
            QVERIFY(bytes.contains("<svg"));
            QVERIFY(bytes.contains("M_G [mag]")); // text stays text
            // 4 × 3 inches = 101.6 × 76.2 mm.
            const QRegularExpression size(QStringLiteral(R"(width="([\d.]+)mm" height="([\d.]+)mm")"));
            const auto m = size.match(QString::fromUtf8(bytes));
            QVERIFY(m.hasMatch());
            QVERIFY(std::abs(m.captured(1).toDouble() - 101.6) < 0.5);
            QVERIFY(std::abs(m.captured(2).toDouble() - 76.2) < 0.5);
            break;
        }
        }
        QVERIFY(!frame.exportFigure({dir.filePath(QStringLiteral("x.png")), FigureFormat::Png, QSize(0, 10), 300.0}, &error));
        QVERIFY(!error.isEmpty());
    }

    void retranslateAsksTheViewForItsTexts() {
        PlotFrame frame;
        int calls = 0;
        frame.setTextSource([&calls](PlotFrame& f) {
            ++calls;
            f.setAxisTitles(QStringLiteral("x%1").arg(calls), QStringLiteral("y"));
        });
        QCOMPARE(calls, 1);
        QEvent change(QEvent::LanguageChange);
        QCoreApplication::sendEvent(&frame, &change);
        QCOMPARE(calls, 2);
        QCOMPARE(frame.xAxis->label(), QStringLiteral("x2"));
    }

    void lightAndDarkPalettes() {
        PlotFrame frame;
        frame.setTheme(PlotTheme::Dark);
        QVERIFY(frame.axisRect()->backgroundBrush().color().lightnessF() < 0.3);
        QVERIFY(frame.xAxis->tickLabelColor().lightnessF() > 0.7);
        frame.setTheme(PlotTheme::Light);
        QVERIFY(frame.axisRect()->backgroundBrush().color().lightnessF() > 0.9);
        QVERIFY(frame.xAxis->tickLabelColor().lightnessF() < 0.3);
        QVERIFY(frame.interactions().testFlag(QCP::iRangeZoom));
        QVERIFY(frame.interactions().testFlag(QCP::iRangeDrag));
    }
};

QTEST_MAIN(TestPlotFrame)
#include "test_plot_frame.moc"
