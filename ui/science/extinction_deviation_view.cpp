// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/science/extinction_deviation_view.h"

#include "core/diagnostics/binned_map_2d.h"
#include "core/physics/analytic_passband.h"
#include "core/physics/theory_reddening.h"
#include "ui/plot/density_layer.h"
#include "ui/plot/plot_frame.h"
#include "ui/science/science_plot_helpers.h"

#include <exception>

namespace starlocus::ui {

namespace {

constexpr std::size_t kBinsX = 70, kBinsY = 60;

std::optional<std::vector<std::size_t>> parseBands(const QString& text) {
    std::vector<std::size_t> bands;
    for (const QString& id : text.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        const auto b = parseBand(id);
        if (!b)
            return std::nullopt;
        bands.push_back(*b);
    }
    if (bands.empty())
        return std::nullopt;
    return bands;
}

// The theory ΔR/R relative to R at `referenceTeff` (the model's R₀ is R at the mean labels,
// so both curves are 0 at the mean Teff), from the built-in analytic passband.
std::optional<std::pair<std::vector<double>, std::vector<double>>> theoryCurve(std::size_t band, double lo, double hi,
                                                                                double referenceTeff) {
    try {
        const core::BandExtinction extinction(core::analyticPassband(bandId(band).toStdString()), core::Fitzpatrick99(3.1));
        std::vector<double> teff(121);
        for (std::size_t k = 0; k < teff.size(); ++k)
            teff[k] = lo + (hi - lo) * double(k) / double(teff.size() - 1);
        const core::TheoryReddening curve = core::theoryReddening(extinction, teff);
        const double r0 = extinction.reddeningCoefficient(referenceTeff);
        return std::pair{teff, core::deltaROverRRelativeTo(curve, r0)};
    } catch (const std::exception&) {
        return std::nullopt; // no passband facts for this band: no theory curve
    }
}

} // namespace

ExtinctionDeviationView::ExtinctionDeviationView(QWidget* parent) : ScienceView(parent) {
    setObjectName(QStringLiteral("extinctionDeviationView"));
    declareSetting(QStringLiteral("bands"), QStringLiteral("G,BP,RP,g"));
    declareSetting(QStringLiteral("min_count"), QStringLiteral("10"));
    QStringList choices{QStringLiteral("G,BP,RP,g"), QStringLiteral("r,i,z,y"), QStringLiteral("J,H,Ks,W1")};
    choices << bandIds();
    addChooser(QStringLiteral("bands"), tr("&Bands:"), choices);
}

QString ExtinctionDeviationView::validateSetting(const QString& key, const QString& value) const {
    if (key == QLatin1String("bands") && !parseBands(value))
        return tr("expected band names separated by commas (e.g. G,BP,RP,g), got '%1'").arg(value);
    if (key == QLatin1String("min_count")) {
        bool ok = false;
        if (value.toInt(&ok) < 1 || !ok)
            return tr("expected a whole number ≥ 1, got '%1'").arg(value);
    }
    return {};
}

void ExtinctionDeviationView::draw() {
    const ScienceData& d = *data();
    const std::vector<std::size_t> bands = *parseBands(setting(QStringLiteral("bands")));
    const std::size_t minCount = std::size_t(setting(QStringLiteral("min_count")).toInt());
    const int n = int(bands.size());
    makePanels(n, n == 1 ? 1 : 2);
    const auto& dev = d.products.deviation;
    std::vector<double> teff(d.size()), logg(d.size());
    for (std::size_t i = 0; i < d.size(); ++i) {
        teff[i] = d.stars().theta[i][0];
        logg[i] = d.stars().theta[i][1];
    }
    const AxisRange xr = robustRange({teff});
    for (int p = 0; p < n; ++p) {
        const std::size_t band = bands[std::size_t(p)];
        PlotFrame* frame = panel(p);
        frame->setAxisTitles(PlotFrame::axisTitle(tr("Teff"), tr("K")),
                             tr("ΔR/R in %1").arg(bandId(band)));
        if (dev.relative.size() != d.size() || !xr.valid()) {
            addPanelNote(p, tr("No star has finite labels: ΔR/R needs the mean labels."));
            continue;
        }
        std::vector<double> y(d.size());
        for (std::size_t i = 0; i < d.size(); ++i)
            y[i] = dev.relative[i][band];
        setStarPositions(p, teff, y);
        AxisRange yr = robustRange({y});
        if (!(yr.hi - yr.lo > 1e-6)) // a label-independent R (e.g. J in the published model): a flat line at 0
            yr = {-0.01, 0.01};
        const core::BinnedMap2D map =
            core::binMap2D(teff, y, logg, {xr.lo, xr.hi, kBinsX}, {yr.lo, yr.hi, kBinsY}, minCount);
        DensityLayer* layer = frame->densityLayer();
        layer->setLogarithmic(false);
        layer->setValueTitle(PlotFrame::axisTitle(tr("mean log g"), tr("dex")));
        layer->setGrid(meanGrid(map));
        if (auto curve = theoryCurve(band, xr.lo, xr.hi, dev.referenceTheta[0])) {
            auto* theory = new QCPCurve(frame->xAxis, frame->yAxis);
            theory->setData(QVector<double>(curve->first.begin(), curve->first.end()),
                            QVector<double>(curve->second.begin(), curve->second.end()));
            theory->setPen(QPen(QColor(110, 110, 110), 2.5));
            theory->setName(tr("theory (blackbody, F99)"));
            frame->legend->setVisible(p == 0);
            // ΔR/R rises with Teff: the lower right is empty.
            frame->axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignRight | Qt::AlignBottom);
        }
        frame->setHomeRanges(QCPRange(xr.lo, xr.hi), QCPRange(yr.lo, yr.hi));
        frame->xAxis->setRangeReversed(false);
    }
}

} // namespace starlocus::ui
