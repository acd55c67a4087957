// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/science/reddening_slope_view.h"

#include "core/diagnostics/s16_family.h"
#include "ui/plot/color_map.h"
#include "ui/plot/plot_frame.h"

#include <QLocale>
#include <cmath>

namespace starlocus::ui {

namespace {

// The paper's tick names: Ks, W1, W2 abbreviated as K, 1, 2.
const char* const kTickNames[core::kSlopeTripleCount] = {"gri", "riz", "izy", "zyJ", "yJH", "JHK", "HK1", "K12"};

QVector<double> toVector(const core::SlopeVector& v) { return QVector<double>(v.begin(), v.end()); }

} // namespace

ReddeningSlopeView::ReddeningSlopeView(QWidget* parent) : ScienceView(parent) {
    setObjectName(QStringLiteral("reddeningSlopeView"));
    declareSetting(QStringLiteral("rv_min"), QStringLiteral("2.5"));
    declareSetting(QStringLiteral("rv_max"), QStringLiteral("4.5"));
    declareSetting(QStringLiteral("rv_steps"), QStringLiteral("5"));
}

QString ReddeningSlopeView::validateSetting(const QString& key, const QString& value) const {
    bool ok = false;
    const double v = value.toDouble(&ok);
    if (key == QLatin1String("rv_steps")) {
        const int steps = value.toInt(&ok);
        if (!ok || steps < 1 || steps > 41)
            return tr("expected a whole number from 1 to 41, got '%1'").arg(value);
    } else if (!ok || !(v > 1.0 && v < 10.0)) {
        return tr("expected R_V between 1 and 10, got '%1'").arg(value);
    }
    return {};
}

void ReddeningSlopeView::draw() {
    const ScienceData& d = *data();
    makePanels(1, 1);
    PlotFrame* frame = panel(0);
    frame->setAxisTitles(tr("band triple b₁b₂b₃"), tr("reddening slope E(b₁ − b₂) / E(b₂ − b₃)"));
    QVector<double> x(int(core::kSlopeTripleCount));
    auto ticker = QSharedPointer<QCPAxisTickerText>::create();
    for (int k = 0; k < int(core::kSlopeTripleCount); ++k) {
        x[k] = k;
        ticker->addTick(k, QString::fromLatin1(kTickNames[k]));
    }
    frame->xAxis->setTicker(ticker);
    frame->xAxis->grid()->setVisible(false);

    double rvMin = setting(QStringLiteral("rv_min")).toDouble(), rvMax = setting(QStringLiteral("rv_max")).toDouble();
    if (rvMax < rvMin)
        std::swap(rvMin, rvMax);
    const std::size_t steps = std::size_t(setting(QStringLiteral("rv_steps")).toInt());
    const core::S16Family family;
    const core::S16Family::Curve fan = family.slopeCurves(rvMin, rvMax, steps);
    double lo = 1e300, hi = -1e300;
    auto extend = [&](const core::SlopeVector& v) {
        for (double s : v)
            if (std::isfinite(s)) {
                lo = std::min(lo, s);
                hi = std::max(hi, s);
            }
    };

    // The learned 1σ band first (under everything), then the S16 fan, then the learned line.
    const core::ReddeningSlopes& slopes = d.products.slopes;
    const bool haveModel = d.products.meanTheta.allFinite() && slopes.stars > 0;
    if (haveModel) {
        QCPGraph* upper = frame->addGraph();
        QCPGraph* lower = frame->addGraph();
        upper->setData(x, toVector(slopes.hi), true);
        lower->setData(x, toVector(slopes.lo), true);
        upper->setPen(Qt::NoPen);
        lower->setPen(Qt::NoPen);
        upper->setBrush(QBrush(QColor(150, 150, 150, 110)));
        upper->setChannelFillGraph(lower);
        upper->setName(tr("learned, 16–84 % over stars"));
        lower->removeFromLegend();
        extend(slopes.lo);
        extend(slopes.hi);
    }
    QLocale locale;
    for (std::size_t k = 0; k < fan.rv.size(); ++k) {
        const double t = fan.rv.size() > 1 ? double(k) / double(fan.rv.size() - 1) : 0.5;
        const QColor c = colorAt(ColorMapName::Viridis, int(std::lround(20 + 200 * t))); // avoid the palest end
        QCPGraph* g = frame->addGraph();
        g->setData(x, toVector(fan.slopes[k]), true);
        g->setPen(QPen(c, 1.4));
        g->removeFromLegend();
        extend(fan.slopes[k]);
        // The fan's labels at its right end: R_V of each member.
        auto* label = new QCPItemText(frame);
        label->position->setCoords(double(core::kSlopeTripleCount - 1) + 0.1, fan.slopes[k].back());
        label->setPositionAlignment(Qt::AlignLeft | Qt::AlignVCenter);
        label->setText(tr("R_V = %1").arg(locale.toString(fan.rv[k], 'f', 1)));
        label->setColor(c);
        label->setClipToAxisRect(false);
    }
    if (!fan.rv.empty()) {
        // One legend entry for the whole fan.
        QCPGraph* key = frame->addGraph();
        key->setPen(QPen(colorAt(ColorMapName::Viridis, 120), 1.4));
        key->setName(tr("Schlafly et al. (2016), R_V %1 … %2")
                         .arg(locale.toString(fan.rv.front(), 'f', 1), locale.toString(fan.rv.back(), 'f', 1)));
    }
    if (haveModel) {
        QCPGraph* learned = frame->addGraph();
        learned->setData(x, toVector(slopes.learned), true);
        learned->setPen(QPen(QColor(20, 20, 20), 2.2));
        learned->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDisc, 6));
        learned->setName(tr("learned R(θ̄)"));
        extend(slopes.learned);
    } else {
        addPanelNote(0, tr("No star has finite labels: the learned slopes need the mean labels."));
    }
    frame->legend->setVisible(true);
    frame->axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignLeft | Qt::AlignTop);
    const double pad = 0.06 * (hi - lo);
    // Room on the right for the R_V labels.
    frame->setHomeRanges(QCPRange(-0.4, double(core::kSlopeTripleCount) + 0.3),
                         hi > lo ? QCPRange(lo - pad, hi + 3 * pad) : QCPRange(0.0, 3.0));
}

} // namespace starlocus::ui
