// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/science/color_color_view.h"

#include "core/diagnostics/binned_map_2d.h"
#include "core/diagnostics/observed_photometry.h"
#include "ui/plot/density_layer.h"
#include "ui/plot/plot_frame.h"
#include "ui/science/science_plot_helpers.h"


namespace starlocus::ui {

namespace {

constexpr std::size_t kBins = 90;

struct ColorColorPair {
    core::ColorPair x, y;
};

std::optional<std::vector<ColorColorPair>> parsePairs(const QString& text) {
    std::vector<ColorColorPair> pairs;
    for (const QString& item : text.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        const QStringList xy = item.split(QLatin1Char(':'));
        if (xy.size() != 2)
            return std::nullopt;
        const auto x = parseColor(xy[0]), y = parseColor(xy[1]);
        if (!x || !y)
            return std::nullopt;
        pairs.push_back({*x, *y});
    }
    if (pairs.empty())
        return std::nullopt;
    return pairs;
}

} // namespace

ColorColorView::ColorColorView(ColorColorLabel label, QWidget* parent) : ScienceView(parent), label_(label) {
    setObjectName(label == ColorColorLabel::LogG ? QStringLiteral("colorColorLoggView") : QStringLiteral("colorColorFehView"));
    declareSetting(QStringLiteral("pairs"), QStringLiteral("g-r:r-i,J-H:H-Ks"));
    declareSetting(QStringLiteral("min_count"), QStringLiteral("1"));
    addChooser(QStringLiteral("pairs"), tr("&Colours:"),
               {QStringLiteral("g-r:r-i,J-H:H-Ks"), QStringLiteral("g-r:r-i"), QStringLiteral("BP-RP:G-Ks"),
                QStringLiteral("r-i:i-z"), QStringLiteral("J-H:H-Ks"), QStringLiteral("W1-W2:Ks-W1")});
}

QString ColorColorView::viewName() const {
    return label_ == ColorColorLabel::LogG ? QStringLiteral("color_color_logg") : QStringLiteral("color_color_feh");
}

QString ColorColorView::fileStem() const {
    return label_ == ColorColorLabel::LogG ? QStringLiteral("fig08_color_color_logg") : QStringLiteral("fig09_color_color_feh");
}

QString ColorColorView::title() const {
    return label_ == ColorColorLabel::LogG ? tr("Fig. 8 — Colour–colour, coloured by log g")
                                           : tr("Fig. 9 — Colour–colour, coloured by [Fe/H]");
}

QString ColorColorView::validateSetting(const QString& key, const QString& value) const {
    if (key == QLatin1String("pairs") && !parsePairs(value))
        return tr("expected X-Y:X-Y pairs separated by commas (e.g. g-r:r-i,J-H:H-Ks), got '%1'").arg(value);
    if (key == QLatin1String("min_count")) {
        bool ok = false;
        if (value.toInt(&ok) < 1 || !ok)
            return tr("expected a whole number ≥ 1, got '%1'").arg(value);
    }
    return {};
}

void ColorColorView::draw() {
    const ScienceData& d = *data();
    const std::vector<ColorColorPair> pairs = *parsePairs(setting(QStringLiteral("pairs")));
    const std::size_t minCount = std::size_t(setting(QStringLiteral("min_count")).toInt());
    makePanels(int(pairs.size()) * 2, 2);
    const std::size_t labelIndex = label_ == ColorColorLabel::LogG ? 1 : 2;
    std::vector<double> z(d.size());
    for (std::size_t i = 0; i < d.size(); ++i)
        z[i] = d.stars().theta[i][labelIndex];
    const QString zTitle = label_ == ColorColorLabel::LogG ? PlotFrame::axisTitle(tr("mean log g"), tr("dex"))
                                                           : PlotFrame::axisTitle(tr("mean [Fe/H]"), tr("dex"));
    const auto& predicted = d.products.predicted.absoluteMagnitudes;
    const core::Vec13& r = d.products.deviation.referenceExtinction;

    for (std::size_t row = 0; row < pairs.size(); ++row) {
        const ColorColorPair& pair = pairs[row];
        const std::vector<double> columns[4] = {
            core::observedColor(d.stars(), pair.x.bandX, pair.x.bandY),
            core::observedColor(d.stars(), pair.y.bandX, pair.y.bandY),
            core::colorColumn(predicted, pair.x.bandX, pair.x.bandY),
            core::colorColumn(predicted, pair.y.bandX, pair.y.bandY)};
        // Axes from the predicted locus, widened by the observed one (which reddening stretches).
        const AxisRange xr = robustRange({columns[0], columns[2]}), yr = robustRange({columns[1], columns[3]});
        // One colour scale for both panels of a row: the 1–99 % range of the pixel means (a few
        // outlying pixels would otherwise wash out the trend the figure is about).
        std::vector<double> pixelMeans;
        for (int side = 0; side < 2; ++side) {
            const int p = int(row) * 2 + side;
            PlotFrame* frame = panel(p);
            frame->setAxisTitles(PlotFrame::axisTitle(colorTitle(pair.x), tr("mag")),
                                 PlotFrame::axisTitle(colorTitle(pair.y), tr("mag")));
            addHeading(*frame, side == 0 ? tr("observed") : tr("predicted, E = 0, noiseless"));
            const auto& x = columns[side * 2];
            const auto& y = columns[side * 2 + 1];
            setStarPositions(p, x, y);
            if (!xr.valid() || !yr.valid()) {
                addPanelNote(p, tr("No star observed all bands of %1 and %2.").arg(colorTitle(pair.x), colorTitle(pair.y)));
                continue;
            }
            std::size_t finite = 0;
            for (std::size_t i = 0; i < x.size(); ++i)
                finite += std::isfinite(x[i]) && std::isfinite(y[i]) ? 1 : 0;
            if (finite == 0) {
                addPanelNote(p, tr("No star observed all bands of %1 and %2.").arg(colorTitle(pair.x), colorTitle(pair.y)));
                continue;
            }
            const core::BinnedMap2D map = core::binMap2D(x, y, z, {xr.lo, xr.hi, kBins}, {yr.lo, yr.hi, kBins}, minCount);
            DensityLayer* layer = frame->densityLayer();
            layer->setLogarithmic(false);
            layer->setValueTitle(zTitle);
            layer->setGrid(meanGrid(map));
            for (double v : map.meanOfZ)
                if (std::isfinite(v))
                    pixelMeans.push_back(v);
            frame->setHomeRanges(QCPRange(xr.lo, xr.hi), QCPRange(yr.lo, yr.hi));
            // The reddening vector projected on the two colours, for E = 0.5.
            const double dx = 0.5 * (r[Eigen::Index(pair.x.bandX)] - r[Eigen::Index(pair.x.bandY)]);
            const double dy = 0.5 * (r[Eigen::Index(pair.y.bandX)] - r[Eigen::Index(pair.y.bandY)]);
            if (std::isfinite(dx) && std::isfinite(dy))
                drawArrow(*frame, xr.lo + 0.08 * (xr.hi - xr.lo), yr.lo + 0.6 * (yr.hi - yr.lo), dx, dy, tr("E = 0.5"));
        }
        const AxisRange zr = robustRange({pixelMeans}, 0.01);
        if (zr.valid())
            for (int side = 0; side < 2; ++side)
                if (QCPColorMap* image = panel(int(row) * 2 + side)->densityLayer()->image(); image->visible())
                    image->setDataRange(QCPRange(zr.lo, zr.hi));
    }
}

} // namespace starlocus::ui
