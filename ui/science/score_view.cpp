// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/science/score_view.h"

#include "core/diagnostics/binned_map_2d.h"
#include "core/diagnostics/color_score.h"
#include "core/diagnostics/percentiles.h"
#include "ui/plot/density_layer.h"
#include "ui/plot/plot_frame.h"
#include "ui/science/science_plot_helpers.h"

namespace starlocus::ui {

namespace {

constexpr std::size_t kBinsX = 60, kBinsY = 60, kWindows = 30;

std::optional<std::vector<core::ColorPair>> parseColors(const QString& text) {
    std::vector<core::ColorPair> pairs;
    for (const QString& id : text.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        const auto pair = parseColor(id);
        if (!pair)
            return std::nullopt;
        pairs.push_back(*pair);
    }
    if (pairs.empty())
        return std::nullopt;
    return pairs;
}

QVector<double> toVector(const std::vector<double>& v) { return QVector<double>(v.begin(), v.end()); }

} // namespace

ScoreView::ScoreView(QWidget* parent) : ScienceView(parent) {
    setObjectName(QStringLiteral("scoreView"));
    declareSetting(QStringLiteral("colors"), QStringLiteral("r-G"));
    declareSetting(QStringLiteral("score_range"), QStringLiteral("5"));
    addChooser(QStringLiteral("colors"), tr("&Colours:"),
               {QStringLiteral("r-G"), QStringLiteral("g-r"), QStringLiteral("BP-RP"), QStringLiteral("J-Ks"),
                QStringLiteral("W1-W2"), QStringLiteral("g-r,r-G,BP-RP,J-Ks")});
}

QSizeF ScoreView::defaultSizeMm() const {
    const auto colors = parseColors(setting(QStringLiteral("colors")));
    const std::size_t n = colors ? colors->size() : 1;
    return n == 1 ? QSizeF(180.0, 150.0) : QSizeF(180.0, 48.0 * double(n));
}

QString ScoreView::validateSetting(const QString& key, const QString& value) const {
    if (key == QLatin1String("colors") && !parseColors(value))
        return tr("expected colours X-Y separated by commas (e.g. r-G,g-r), got '%1'").arg(value);
    if (key == QLatin1String("score_range")) {
        bool ok = false;
        const double v = value.toDouble(&ok);
        if (!ok || !(v > 0.0 && v <= 100.0))
            return tr("expected a positive number, got '%1'").arg(value);
    }
    return {};
}

void ScoreView::draw() {
    const ScienceData& d = *data();
    const std::vector<core::ColorPair> colors = *parseColors(setting(QStringLiteral("colors")));
    const double range = setting(QStringLiteral("score_range")).toDouble();
    const int rows = int(colors.size());
    makePanels(rows * 4, rows == 1 ? 2 : 4);
    const std::vector<core::ColorScores> scores = core::colorScores(*d.model, d.stars(), d.products.fit, colors);

    // The four x quantities of the paper: Teff, log g, [Fe/H] and the best-fit E.
    std::vector<double> xs[4];
    for (auto& column : xs)
        column.resize(d.size());
    for (std::size_t i = 0; i < d.size(); ++i) {
        for (std::size_t k = 0; k < 3; ++k)
            xs[k][i] = d.stars().theta[i][k];
        xs[3][i] = d.products.fit.reddening[i];
    }
    const QString xTitles[4] = {PlotFrame::axisTitle(tr("Teff"), tr("K")), PlotFrame::axisTitle(tr("log g"), tr("dex")),
                                PlotFrame::axisTitle(tr("[Fe/H]"), tr("dex")),
                                PlotFrame::axisTitle(tr("E (best fit)"), tr("mag"))};
    AxisRange xRanges[4];
    for (int k = 0; k < 4; ++k)
        xRanges[k] = robustRange({xs[k]});

    for (int row = 0; row < rows; ++row) {
        const core::ColorScores& s = scores[std::size_t(row)];
        for (int k = 0; k < 4; ++k) {
            const int p = row * 4 + k;
            PlotFrame* frame = panel(p);
            frame->setAxisTitles(xTitles[k], tr("score Δ(%1)/σ").arg(colorTitle(s.pair)));
            setStarPositions(p, xs[k], s.score);
            if (s.scored == 0) {
                addPanelNote(p, tr("No star has a score for %1:\n%2 unobserved, %3 without a reddening fit.")
                                    .arg(colorTitle(s.pair))
                                    .arg(s.skippedMissingBand)
                                    .arg(s.skippedExcluded));
                continue;
            }
            const AxisRange xr = xRanges[k];
            if (!xr.valid())
                continue;
            const core::BinnedMap2D map =
                core::binMap2D(xs[k], s.score, {}, {xr.lo, xr.hi, kBinsX}, {-range, range, kBinsY}, 1);
            DensityLayer* layer = frame->densityLayer();
            layer->setLogarithmic(true);
            layer->setValueTitle(tr("stars per pixel"));
            layer->setGrid(countGrid(map));
            // Windows twice the bin width: smoother curves, each point still local.
            const core::AxisBinning axis{xr.lo, xr.hi, kWindows};
            const core::RunningPercentiles pct =
                core::runningPercentiles(xs[k], s.score, {axis, 2.0 * axis.width(), 20});
            const Qt::PenStyle styles[3] = {Qt::DashLine, Qt::SolidLine, Qt::DashLine};
            const std::vector<double>* curves[3] = {&pct.p16, &pct.p50, &pct.p84};
            const QString names[3] = {tr("16 %"), tr("50 %"), tr("84 %")};
            for (int c = 0; c < 3; ++c) {
                QCPGraph* g = frame->addGraph();
                g->setData(toVector(pct.centres), toVector(*curves[c]), true);
                g->setPen(QPen(QColor(31, 119, 180), c == 1 ? 2.2 : 1.6, styles[c]));
                g->setName(names[c]);
                if (c != 1 || p != 0)
                    g->removeFromLegend();
                else
                    g->setName(tr("16 / 50 / 84 %"));
            }
            frame->legend->setVisible(p == 0);
            frame->setHomeRanges(QCPRange(xr.lo, xr.hi), QCPRange(-range, range));
        }
    }
}

} // namespace starlocus::ui
