// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/science/mean_label_view.h"

#include "core/diagnostics/binned_map_2d.h"
#include "ui/plot/density_layer.h"
#include "ui/plot/plot_frame.h"
#include "ui/science/science_plot_helpers.h"

namespace starlocus::ui {

namespace {
constexpr std::size_t kBins = 80;
}

MeanLabelView::MeanLabelView(QWidget* parent) : ScienceView(parent) {
    setObjectName(QStringLiteral("meanLabelView"));
    declareSetting(QStringLiteral("color"), QStringLiteral("BP-RP"));
    declareSetting(QStringLiteral("magnitude"), QStringLiteral("G"), bandIds());
    declareSetting(QStringLiteral("min_count"), QStringLiteral("3"));
    const QStringList colors{QStringLiteral("BP-RP"), QStringLiteral("g-r"), QStringLiteral("g-i"), QStringLiteral("r-i"),
                             QStringLiteral("J-Ks"), QStringLiteral("G-Ks")};
    addChooser(QStringLiteral("color"), tr("&Colour:"), colors);
    addChooser(QStringLiteral("magnitude"), tr("&Magnitude:"), bandIds());
}

QString MeanLabelView::validateSetting(const QString& key, const QString& value) const {
    if (key == QLatin1String("color") && !parseColor(value))
        return tr("expected two different bands as X-Y (e.g. BP-RP), got '%1'").arg(value);
    if (key == QLatin1String("min_count")) {
        bool ok = false;
        if (value.toInt(&ok) < 1 || !ok)
            return tr("expected a whole number ≥ 1, got '%1'").arg(value);
    }
    return {};
}

void MeanLabelView::draw() {
    const ScienceData& d = *data();
    const core::ColorPair color = *parseColor(setting(QStringLiteral("color")));
    const std::size_t magnitude = *parseBand(setting(QStringLiteral("magnitude")));
    const std::size_t minCount = std::size_t(setting(QStringLiteral("min_count")).toInt());
    makePanels(3, 3);

    const std::vector<double> x = core::colorColumn(d.products.predicted.absoluteMagnitudes, color.bandX, color.bandY);
    const std::vector<double> y = core::magnitudeColumn(d.products.predicted.absoluteMagnitudes, magnitude);
    const AxisRange xr = robustRange({x}), yr = robustRange({y});
    const QString titles[3] = {PlotFrame::axisTitle(tr("mean Teff"), tr("K")),
                               PlotFrame::axisTitle(tr("mean log g"), tr("dex")),
                               PlotFrame::axisTitle(tr("mean [Fe/H]"), tr("dex"))};
    for (int p = 0; p < 3; ++p) {
        PlotFrame* frame = panel(p);
        frame->setMagnitudeAxes(false, true);
        frame->setAxisTitles(PlotFrame::axisTitle(colorTitle(color), tr("mag")),
                             PlotFrame::axisTitle(tr("M_%1").arg(bandId(magnitude)), tr("mag")));
        setStarPositions(p, x, y);
        if (!xr.valid() || !yr.valid()) {
            addPanelNote(p, tr("No star has finite labels: nothing to predict."));
            continue;
        }
        std::vector<double> z(d.size());
        for (std::size_t i = 0; i < d.size(); ++i)
            z[i] = d.stars().theta[i][std::size_t(p)];
        const core::BinnedMap2D map =
            core::binMap2D(x, y, z, {xr.lo, xr.hi, kBins}, {yr.lo, yr.hi, kBins}, minCount);
        DensityLayer* layer = frame->densityLayer();
        layer->setLogarithmic(false);
        layer->setValueTitle(titles[p]);
        layer->setGrid(meanGrid(map));
        frame->setHomeRanges(QCPRange(xr.lo, xr.hi), QCPRange(yr.lo, yr.hi));
    }
}

} // namespace starlocus::ui
