// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/views/explorer_cmd_plot.h"

#include "core/bands/band_registry.h"
#include "ui/plot/density_layer.h"
#include "ui/plot/plot_frame.h"
#include "ui/views/explorer_ranges.h"

#include <QComboBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QVBoxLayout>
#include <algorithm>
#include <cmath>
#include <limits>

namespace starlocus::ui {

namespace {

QString bandName(std::size_t band) {
    const std::string_view name = core::bands()[band].name;
    return QString::fromUtf8(name.data(), qsizetype(name.size()));
}

QComboBox* bandCombo(const char* objectName, std::size_t current, QWidget* parent) {
    auto* combo = new QComboBox(parent);
    combo->setObjectName(QString::fromLatin1(objectName));
    for (std::size_t b = 0; b < core::kBandCount; ++b) {
        const std::string_view display = core::bands()[b].displayName;
        combo->addItem(QString::fromUtf8(display.data(), qsizetype(display.size())), int(b));
    }
    combo->setCurrentIndex(int(current));
    return combo;
}

// Extends [lo, hi] by the finite values.
void extend(double& lo, double& hi, std::span<const double> values) {
    for (double v : values)
        if (std::isfinite(v)) {
            lo = std::min(lo, v);
            hi = std::max(hi, v);
        }
}

QCPRange padded(double lo, double hi, double fraction) {
    if (!(lo <= hi))
        return {0.0, 1.0};
    const double pad = std::max((hi - lo) * fraction, 0.05);
    return {lo - pad, hi + pad};
}

} // namespace

ExplorerCmdPlot::ExplorerCmdPlot(QWidget* parent) : QWidget(parent) {
    setObjectName(QStringLiteral("explorerCmd"));
    const CmdBands defaults;
    colorLabel_ = new QLabel(this);
    blue_ = bandCombo("cmdBlueBand", defaults.blue, this);
    minusLabel_ = new QLabel(QStringLiteral("−"), this);
    red_ = bandCombo("cmdRedBand", defaults.red, this);
    magnitudeLabel_ = new QLabel(this);
    magnitude_ = bandCombo("cmdMagnitudeBand", defaults.magnitude, this);
    colorLabel_->setBuddy(blue_);
    magnitudeLabel_->setBuddy(magnitude_);
    auto* selectors = new QHBoxLayout;
    selectors->addWidget(colorLabel_);
    selectors->addWidget(blue_);
    selectors->addWidget(minusLabel_);
    selectors->addWidget(red_);
    selectors->addSpacing(16);
    selectors->addWidget(magnitudeLabel_);
    selectors->addWidget(magnitude_);
    selectors->addStretch();

    frame_ = new PlotFrame(this);
    frame_->setObjectName(QStringLiteral("explorerCmdFrame"));
    frame_->setMagnitudeAxes(false, true); // M increases downward
    DensityLayer* locus = frame_->densityLayer();
    locus->setBinCounts(100, 100);
    locus->setLogarithmic(true);
    teffCurve_ = new QCPCurve(frame_->xAxis, frame_->yAxis);
    loggCurve_ = new QCPCurve(frame_->xAxis, frame_->yAxis);
    star_ = frame_->addGraph();
    star_->setLineStyle(QCPGraph::lsNone);
    for (auto& label : endLabels_) {
        label = new QCPItemText(frame_);
        label->setClipToAxisRect(true);
        label->setPadding(QMargins(4, 0, 4, 0));
        label->setVisible(false);
    }
    frame_->legend->setVisible(true);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(selectors);
    layout->addWidget(frame_, 1);

    for (QComboBox* combo : {blue_, red_, magnitude_})
        connect(combo, &QComboBox::currentIndexChanged, this, [this] {
            applyTexts(*frame_);
            emit bandsChanged();
        });
    connect(frame_, &PlotFrame::styleChanged, this, &ExplorerCmdPlot::restyle);
    restyle();
    retranslate();
}

CmdBands ExplorerCmdPlot::bands() const {
    return {std::size_t(blue_->currentData().toInt()), std::size_t(red_->currentData().toInt()),
            std::size_t(magnitude_->currentData().toInt())};
}

void ExplorerCmdPlot::setBands(const CmdBands& bands) {
    {
        const QSignalBlocker b1(blue_), b2(red_), b3(magnitude_);
        blue_->setCurrentIndex(int(bands.blue));
        red_->setCurrentIndex(int(bands.red));
        magnitude_->setCurrentIndex(int(bands.magnitude));
    }
    applyTexts(*frame_);
    emit bandsChanged();
}

void ExplorerCmdPlot::setLocus(std::span<const double> color, std::span<const double> magnitude) {
    DensityLayer* locus = frame_->densityLayer();
    hasLocus_ = !color.empty();
    if (!hasLocus_) {
        locus->clear();
        return;
    }
    // Bins over the central 99 % so that a few extreme stars do not squeeze the locus.
    locusBox_ = {quantile(color, 0.005), quantile(color, 0.995), quantile(magnitude, 0.005),
                 quantile(magnitude, 0.995)};
    const QCPRange x = padded(locusBox_[0], locusBox_[1], 0.02), y = padded(locusBox_[2], locusBox_[3], 0.02);
    locus->setPoints(color, magnitude, BinSpec{x.lower, x.upper, 100}, BinSpec{y.lower, y.upper, 100});
}

void ExplorerCmdPlot::setStar(const CmdPoint& star) {
    star_->setData(QVector<double>{star.color}, QVector<double>{star.magnitude}, true);
    star_->setVisible(true);
}

void ExplorerCmdPlot::clearStar() {
    star_->data()->clear();
    teffCurve_->data()->clear();
    loggCurve_->data()->clear();
    for (QCPItemText* label : endLabels_)
        label->setVisible(false);
}

void ExplorerCmdPlot::setTracks(const CmdTrack& teffTrack, const CmdTrack& loggTrack) {
    auto toVector = [](const std::vector<double>& v) { return QVector<double>(v.begin(), v.end()); };
    teffCurve_->setData(toVector(teffTrack.parameter), toVector(teffTrack.color), toVector(teffTrack.magnitude));
    loggCurve_->setData(toVector(loggTrack.parameter), toVector(loggTrack.color), toVector(loggTrack.magnitude));
    placeEndLabels(teffTrack, endLabels_[0], endLabels_[1], true);
    placeEndLabels(loggTrack, endLabels_[2], endLabels_[3], false);
}

void ExplorerCmdPlot::placeEndLabels(const CmdTrack& track, QCPItemText* first, QCPItemText* last, bool teff) {
    if (track.parameter.empty()) {
        first->setVisible(false);
        last->setVisible(false);
        return;
    }
    QLocale locale;
    locale.setNumberOptions(QLocale::OmitGroupSeparator); // 5780 K, not 5,780 K
    auto text = [&](double v) {
        return teff ? tr("%1 K").arg(locale.toString(v, 'f', 0)) : tr("log g %1").arg(locale.toString(v, 'f', 1));
    };
    const std::size_t n = track.parameter.size();
    for (auto [item, i] : {std::pair{first, std::size_t(0)}, std::pair{last, n - 1}}) {
        item->position->setCoords(track.color[i], track.magnitude[i]);
        item->setText(text(track.parameter[i]));
        // Labels point away from the track: to the outside of its end.
        const std::size_t j = i == 0 ? std::min<std::size_t>(1, n - 1) : n - 2;
        const bool leftEnd = track.color[i] <= track.color[j];
        item->setPositionAlignment((leftEnd ? Qt::AlignRight : Qt::AlignLeft) | Qt::AlignVCenter);
        item->setVisible(std::isfinite(track.color[i]) && std::isfinite(track.magnitude[i]));
    }
}

void ExplorerCmdPlot::fitView() {
    double x0 = std::numeric_limits<double>::infinity(), x1 = -x0, y0 = x0, y1 = -x0;
    if (hasLocus_) {
        x0 = locusBox_[0];
        x1 = locusBox_[1];
        y0 = locusBox_[2];
        y1 = locusBox_[3];
    }
    for (const QCPCurve* curve : {teffCurve_, loggCurve_})
        for (auto it = curve->data()->constBegin(); it != curve->data()->constEnd(); ++it) {
            extend(x0, x1, std::span<const double>(&it->key, 1));
            extend(y0, y1, std::span<const double>(&it->value, 1));
        }
    if (!star_->data()->isEmpty()) {
        const auto& p = *star_->data()->constBegin();
        extend(x0, x1, std::span<const double>(&p.key, 1));
        extend(y0, y1, std::span<const double>(&p.value, 1));
    }
    frame_->setHomeRanges(padded(x0, x1, 0.05), padded(y0, y1, 0.05));
}

bool ExplorerCmdPlot::starIsInView() const {
    if (star_->data()->isEmpty())
        return true;
    const auto& p = *star_->data()->constBegin();
    return frame_->xAxis->range().contains(p.key) && frame_->yAxis->range().contains(p.value);
}

void ExplorerCmdPlot::keepStarInView() {
    if (!starIsInView())
        fitView();
}

void ExplorerCmdPlot::redraw() { frame_->replot(); }

void ExplorerCmdPlot::restyle() {
    const PlotPalette& palette = frame_->plotPalette();
    star_->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCircle, QPen(palette.ink, 1.5), QBrush(palette.highlight), 12));
    teffCurve_->setPen(QPen(palette.series1, 2.0));
    loggCurve_->setPen(QPen(palette.series2, 2.0, Qt::DashLine));
    QFont small = font();
    small.setPointSizeF(small.pointSizeF() * 0.9);
    for (std::size_t i = 0; i < endLabels_.size(); ++i) {
        endLabels_[i]->setColor(i < 2 ? palette.series1 : palette.series2);
        endLabels_[i]->setBrush(QBrush(palette.legendBackground)); // legible over the locus
        endLabels_[i]->setFont(small);
    }
}

void ExplorerCmdPlot::applyTexts(PlotFrame& frame) {
    const CmdBands b = bands();
    frame.setAxisTitles(PlotFrame::axisTitle(tr("%1 − %2").arg(bandName(b.blue), bandName(b.red)), tr("mag")),
                        PlotFrame::axisTitle(tr("M_%1").arg(bandName(b.magnitude)), tr("mag")));
    frame.densityLayer()->setValueTitle(tr("catalog stars per bin (predicted, E = 0)"));
    frame.densityLayer()->setName(tr("catalog stars (predicted, E = 0)"));
    star_->setName(tr("this star (M + E·R)"));
    teffCurve_->setName(tr("Teff varied"));
    loggCurve_->setName(tr("log g varied"));
}

void ExplorerCmdPlot::retranslate() {
    colorLabel_->setText(tr("&Colour:"));
    magnitudeLabel_->setText(tr("&Magnitude:"));
    blue_->setToolTip(tr("Colour = this band − the next one"));
    magnitude_->setToolTip(tr("Absolute magnitude on the vertical axis"));
    frame_->setTextSource([this](PlotFrame& frame) { applyTexts(frame); });
}

void ExplorerCmdPlot::changeEvent(QEvent* event) {
    QWidget::changeEvent(event);
    if (event->type() == QEvent::LanguageChange)
        retranslate();
}

} // namespace starlocus::ui
