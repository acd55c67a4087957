// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/science/cmd_view.h"

#include "core/diagnostics/observed_photometry.h"
#include "ui/plot/density_layer.h"
#include "ui/plot/plot_frame.h"
#include "ui/science/science_plot_helpers.h"

namespace starlocus::ui {

namespace {
constexpr std::size_t kBins = 150;
}

CmdView::CmdView(QWidget* parent) : ScienceView(parent) {
    setObjectName(QStringLiteral("cmdView"));
    declareSetting(QStringLiteral("color"), QStringLiteral("BP-RP"));
    declareSetting(QStringLiteral("magnitude"), QStringLiteral("G"), bandIds());
    declareSetting(QStringLiteral("xrange"), QStringLiteral("auto"));
    declareSetting(QStringLiteral("yrange"), QStringLiteral("auto"));
    const QStringList colors{QStringLiteral("BP-RP"), QStringLiteral("g-r"), QStringLiteral("g-i"), QStringLiteral("r-i"),
                             QStringLiteral("J-Ks"), QStringLiteral("G-Ks"), QStringLiteral("W1-W2")};
    addChooser(QStringLiteral("color"), tr("&Colour:"), colors);
    addChooser(QStringLiteral("magnitude"), tr("&Magnitude:"), bandIds());
}

QString CmdView::validateSetting(const QString& key, const QString& value) const {
    if (key == QLatin1String("color") && !parseColor(value))
        return tr("expected two different bands as X-Y (e.g. BP-RP), got '%1'").arg(value);
    if (key.endsWith(QLatin1String("range")))
        return rangeProblem(value);
    return {};
}

void CmdView::draw() {
    const ScienceData& d = *data();
    const core::ColorPair color = *parseColor(setting(QStringLiteral("color")));
    const std::size_t magnitude = *parseBand(setting(QStringLiteral("magnitude")));
    makePanels(2, 2);

    std::vector<double> obsX = core::observedColor(d.stars(), color.bandX, color.bandY);
    std::vector<double> obsY = core::observedAbsoluteMagnitude(d.stars(), magnitude);
    std::vector<double> predX = core::colorColumn(d.products.predicted.absoluteMagnitudes, color.bandX, color.bandY);
    std::vector<double> predY = core::magnitudeColumn(d.products.predicted.absoluteMagnitudes, magnitude);

    // Both panels share their axes (the point of the figure is the comparison).
    AxisRange xr = robustRange({obsX, predX}), yr = robustRange({obsY, predY});
    if (auto r = parseRange(setting(QStringLiteral("xrange"))))
        xr = *r;
    if (auto r = parseRange(setting(QStringLiteral("yrange"))))
        yr = *r;
    const QString xTitle = PlotFrame::axisTitle(colorTitle(color), tr("mag"));
    const QString yTitle = PlotFrame::axisTitle(tr("M_%1").arg(bandId(magnitude)), tr("mag"));

    std::size_t observedWithColor = 0;
    for (double v : obsX)
        observedWithColor += std::isfinite(v) ? 1 : 0;
    const std::size_t withParallax = core::starsWithUsableParallax(d.stars());

    for (int p = 0; p < 2; ++p) {
        PlotFrame* frame = panel(p);
        frame->setMagnitudeAxes(false, true);
        frame->setAxisTitles(xTitle, yTitle);
        DensityLayer* layer = frame->densityLayer();
        layer->setLogarithmic(true);
        layer->setValueTitle(tr("stars per pixel"));
        auto& x = p == 0 ? obsX : predX;
        auto& y = p == 0 ? obsY : predY;
        if (xr.valid() && yr.valid())
            layer->setPoints(x, y, BinSpec{xr.lo, xr.hi, kBins}, BinSpec{yr.lo, yr.hi, kBins});
        frame->setHomeRanges(QCPRange(xr.lo, xr.hi), QCPRange(yr.lo, yr.hi));
        setStarPositions(p, std::move(x), std::move(y)); // not used below: no copy of 10⁶ values
        addHeading(*frame, p == 0 ? tr("observed (parallax ≥ 5σ)") : tr("predicted, E = 0, noiseless"));
    }
    if (withParallax == 0)
        addPanelNote(0, tr("No star has a parallax of at least 5σ:\nthe observed CMD needs parallaxes."));
    else if (observedWithColor == 0)
        addPanelNote(0, tr("No star observed both %1 and %2.").arg(bandId(color.bandX), bandId(color.bandY)));

    // The mean reddening vector R(θ̄) for E = 0.5, in the empty upper right of the predicted panel.
    const core::Vec13& r = d.products.deviation.referenceExtinction;
    const double dx = 0.5 * (r[Eigen::Index(color.bandX)] - r[Eigen::Index(color.bandY)]);
    const double dy = 0.5 * r[Eigen::Index(magnitude)];
    if (std::isfinite(dx) && std::isfinite(dy) && xr.valid() && yr.valid())
        drawArrow(*panel(1), xr.lo + 0.45 * (xr.hi - xr.lo), yr.lo + 0.22 * (yr.hi - yr.lo), dx, dy,
                  tr("R(θ̄), E = 0.5"), Qt::AlignHCenter | Qt::AlignTop);
}

} // namespace starlocus::ui
