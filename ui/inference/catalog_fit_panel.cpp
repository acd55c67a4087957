// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/inference/catalog_fit_panel.h"

#include "ui/plot/color_map.h"
#include "ui/science/science_plot_helpers.h"
#include "ui/views/display_text.h"

#include <QMouseEvent>
#include <algorithm>
#include <cmath>
#include <span>

namespace starlocus::ui {
namespace {

// How near a click must be to a star (pixels) to choose it.
constexpr double kPickRadius = 8.0;
// Graph index of the stars without a colour value (grey).
constexpr int kUnknownGraph = kColourBins;

// Fewer, larger symbols stay readable; tens of thousands of stars need small ones.
double symbolSize(std::size_t stars) {
    return stars <= 2000 ? 5.0 : stars <= 20000 ? 3.5 : 2.5;
}

QString signedNumber(double value, int decimals) {
    if (!std::isfinite(value))
        return numberText(value, decimals);
    const QString text = numberText(std::abs(value), decimals);
    return (value < 0.0 ? QStringLiteral("−") : QStringLiteral("+")) + text;
}

} // namespace

CatalogFitPanel::CatalogFitPanel(CatalogFitQuantity quantity, QWidget* parent)
    : PlotFrame(parent), quantity_(quantity) {
    setObjectName(QStringLiteral("catalogFitPanel%1").arg(int(quantity)));
    setMinimumSize(260, 220);
    heading_ = new QCPTextElement(this, QString());
    plotLayout()->insertRow(0);
    plotLayout()->addElement(0, 0, heading_);
    xAxis->ticker()->setTickCount(5);
    yAxis->ticker()->setTickCount(5);

    errorCarrier_ = addGraph();
    errorCarrier_->setLineStyle(QCPGraph::lsNone);
    errorCarrier_->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssNone));
    errorCarrier_->removeFromLegend();
    errorBars_ = new QCPErrorBars(xAxis, yAxis);
    errorBars_->setDataPlottable(errorCarrier_);
    errorBars_->setErrorType(QCPErrorBars::etValueError);
    errorBars_->setWhiskerWidth(0);
    errorBars_->removeFromLegend();
    for (int i = 0; i <= kColourBins; ++i) {
        QCPGraph* g = addGraph();
        g->setLineStyle(QCPGraph::lsNone);
        g->setAdaptiveSampling(true);
        g->removeFromLegend();
        colourGraphs_.push_back(g);
    }
    identity_ = new QCPItemStraightLine(this);
    identity_->point1->setCoords(0.0, 0.0);
    identity_->point2->setCoords(1.0, 1.0);
    chosen_ = addGraph();
    chosen_->setLineStyle(QCPGraph::lsNone);
    chosen_->removeFromLegend();
    legend->setVisible(false);
    axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignRight | Qt::AlignBottom);
    clearComparison();
    connect(this, &PlotFrame::styleChanged, this, &CatalogFitPanel::restyle);
    restyle();
    setTextSource([this](PlotFrame& frame) { applyTexts(frame); });
}

QString CatalogFitPanel::unit() const {
    switch (quantity_) {
    case CatalogFitQuantity::Teff:
        return tr("K");
    case CatalogFitQuantity::LogG:
    case CatalogFitQuantity::FeH:
        return tr("dex");
    case CatalogFitQuantity::Reddening:
        break;
    }
    return tr("mag"); // E is scaled like E(B−V) (§2)
}

int CatalogFitPanel::decimals() const {
    return quantity_ == CatalogFitQuantity::Teff ? 0 : 3;
}

void CatalogFitPanel::applyTexts(PlotFrame& frame) {
    QString x, y;
    switch (quantity_) {
    case CatalogFitQuantity::Teff:
        x = tr("Teff, spectroscopic");
        y = tr("Teff, photometric");
        break;
    case CatalogFitQuantity::LogG:
        x = tr("log g, spectroscopic");
        y = tr("log g, photometric");
        break;
    case CatalogFitQuantity::FeH:
        x = tr("[Fe/H], spectroscopic");
        y = tr("[Fe/H], photometric");
        break;
    case CatalogFitQuantity::Reddening:
        x = reddeningFit_ ? tr("E, catalog r_fit") : tr("E, catalog Ê (prior)");
        y = tr("E, photometric");
        break;
    }
    frame.setAxisTitles(axisTitle(x, unit()), axisTitle(y, unit()));
    heading_->setText(statisticsText());
    errorCarrier_->setName(tr("16–84 %"));
    setToolTip(tr("Each fitted star: the posterior median from photometry and parallax (y) against the "
                  "catalog's value (x); the line is 1:1. Bias is the median of photometric − catalog, scatter "
                  "1.4826 × its median absolute deviation. Click a star to fit it in the Fit a Star tab."));
}

QString CatalogFitPanel::statisticsText() const {
    const OffsetStatistics& s = comparison_.statistics;
    if (s.count == 0)
        return tr("no fitted star with a catalog value");
    const QString reference = quantity_ != CatalogFitQuantity::Reddening ? tr("spec")
                              : reddeningFit_                              ? tr("r_fit")
                                                                           : tr("Ê");
    return tr("N = %1    phot − %5: bias %2 %4, scatter %3 %4")
        .arg(countText(s.count), signedNumber(s.bias, decimals()), numberText(s.scatter, decimals()), unit(),
             reference);
}

void CatalogFitPanel::setComparison(CatalogFitComparison comparison, bool reddeningFit,
                                    const CatalogFitColourScale& scale, const std::vector<double>& colourValues) {
    comparison_ = std::move(comparison);
    reddeningFit_ = reddeningFit;
    scale_ = scale;
    colourValues_ = colourValues;
    const AxisRange range = robustRange({std::span<const double>(comparison_.catalog),
                                         std::span<const double>(comparison_.median)});
    if (range.valid()) {
        // A little more room than the robust range's: the stars at its ends stay whole.
        const double pad = 0.03 * (range.hi - range.lo);
        setHomeRanges(QCPRange(range.lo - pad, range.hi + pad), QCPRange(range.lo - pad, range.hi + pad));
    }
    QVector<double> x(comparison_.catalog.begin(), comparison_.catalog.end());
    QVector<double> y(comparison_.median.begin(), comparison_.median.end());
    QVector<double> minus(qsizetype(comparison_.size())), plus(qsizetype(comparison_.size()));
    for (std::size_t i = 0; i < comparison_.size(); ++i) {
        minus[qsizetype(i)] = std::max(0.0, comparison_.median[i] - comparison_.lower[i]);
        plus[qsizetype(i)] = std::max(0.0, comparison_.upper[i] - comparison_.median[i]);
    }
    errorCarrier_->setData(x, y, true); // sorted by x (compareWithCatalog)
    errorBars_->setData(minus, plus);
    drawPoints();
    retranslate(); // axis titles (the E panel's x) and the statistics; replots
}

void CatalogFitPanel::setColouring(const CatalogFitColourScale& scale, const std::vector<double>& colourValues) {
    scale_ = scale;
    colourValues_ = colourValues;
    drawPoints();
    replot();
}

void CatalogFitPanel::setErrorBarsShown(bool shown) {
    errorBarsShown_ = shown;
    errorBars_->setVisible(shown);
    replot();
}

void CatalogFitPanel::clearComparison() {
    comparison_ = {};
    colourValues_.clear();
    errorCarrier_->data()->clear();
    errorBars_->data()->clear();
    for (QCPGraph* g : colourGraphs_)
        g->data()->clear();
    chosen_->data()->clear();
    errorBars_->setVisible(errorBarsShown_);
    retranslate();
}

void CatalogFitPanel::drawPoints() {
    std::vector<QVector<double>> xs(colourGraphs_.size()), ys(colourGraphs_.size());
    for (std::size_t i = 0; i < comparison_.size(); ++i) {
        const std::size_t row = comparison_.rows[i];
        const double value = row < colourValues_.size() ? colourValues_[row] : core::PhotometricStar::kNaN;
        int graph = 0;
        if (scale_.colouring == CatalogFitColouring::None)
            graph = 0;
        else if (!std::isfinite(value))
            graph = kUnknownGraph;
        else if (scale_.categorical)
            graph = value > 0.5 ? 1 : 0;
        else
            graph = colourBin(scale_, value);
        xs[std::size_t(graph)].push_back(comparison_.catalog[i]);
        ys[std::size_t(graph)].push_back(comparison_.median[i]);
    }
    for (std::size_t g = 0; g < colourGraphs_.size(); ++g)
        colourGraphs_[g]->setData(xs[g], ys[g], true);
    setChosenRow(chosenRow_);
    restyle();
}

void CatalogFitPanel::setChosenRow(std::optional<std::size_t> row) {
    chosenRow_ = row;
    chosen_->data()->clear();
    if (row)
        for (std::size_t i = 0; i < comparison_.size(); ++i)
            if (comparison_.rows[i] == *row)
                chosen_->addData(comparison_.catalog[i], comparison_.median[i]);
    replot();
}

void CatalogFitPanel::restyle() {
    const PlotPalette& palette = plotPalette();
    const double size = symbolSize(comparison_.size());
    for (std::size_t g = 0; g < colourGraphs_.size(); ++g) {
        QColor colour = palette.points;
        if (int(g) == kUnknownGraph)
            colour = QColor(0x9e, 0x9e, 0x9e);
        else if (scale_.categorical)
            colour = g == 1 ? palette.series1 : palette.series2; // the highlight is the 1:1 line's
        else if (scale_.colouring != CatalogFitColouring::None)
            colour = colorAt(colorMap(), int((double(g) + 0.5) / kColourBins * 255.0));
        // Thousands of stars overlap: translucent symbols let the density show through.
        if (comparison_.size() > 2000)
            colour.setAlphaF(comparison_.size() > 20000 ? 0.25 : 0.45);
        colourGraphs_[g]->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDisc, colour, colour, size));
    }
    QColor errorColour = palette.ink;
    errorColour.setAlphaF(0.25);
    errorBars_->setPen(QPen(errorColour, 1.0));
    // Over a dense cloud of stars a thin dark line vanishes: the highlight colour, solid.
    identity_->setPen(QPen(palette.highlight, 1.6));
    chosen_->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCircle, QPen(palette.highlight, 2.0), Qt::NoBrush, 13));
    heading_->setTextColor(palette.ink);
}

std::optional<std::size_t> CatalogFitPanel::rowAt(const QPointF& pixel) const {
    std::optional<std::size_t> best;
    double bestDistance = kPickRadius * kPickRadius;
    for (std::size_t i = 0; i < comparison_.size(); ++i) {
        const double dx = xAxis->coordToPixel(comparison_.catalog[i]) - pixel.x();
        const double dy = yAxis->coordToPixel(comparison_.median[i]) - pixel.y();
        if (const double d = dx * dx + dy * dy; d <= bestDistance) {
            bestDistance = d;
            best = comparison_.rows[i];
        }
    }
    return best;
}

std::optional<QPointF> CatalogFitPanel::pixelOfRow(std::size_t row) const {
    for (std::size_t i = 0; i < comparison_.size(); ++i)
        if (comparison_.rows[i] == row)
            return QPointF(xAxis->coordToPixel(comparison_.catalog[i]), yAxis->coordToPixel(comparison_.median[i]));
    return std::nullopt;
}

void CatalogFitPanel::mousePressEvent(QMouseEvent* event) {
    pressedAt_ = event->position().toPoint();
    PlotFrame::mousePressEvent(event);
}

void CatalogFitPanel::mouseReleaseEvent(QMouseEvent* event) {
    PlotFrame::mouseReleaseEvent(event);
    // A click, not the end of a drag (which pans the panel).
    if (event->button() != Qt::LeftButton || (event->position().toPoint() - pressedAt_).manhattanLength() > 3)
        return;
    if (const std::optional<std::size_t> row = rowAt(event->position())) {
        setChosenRow(row);
        emit starClicked(*row);
    }
}

} // namespace starlocus::ui
