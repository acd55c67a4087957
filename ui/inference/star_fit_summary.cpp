// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/inference/star_fit_summary.h"

#include "ui/inference/posterior_quantity.h"
#include "ui/views/display_text.h"

#include <cmath>

namespace starlocus::ui {

namespace {

QString cell(const QString& text, bool right = true) {
    return QStringLiteral("<td align=\"%1\">%2</td>")
        .arg(right ? QStringLiteral("right") : QStringLiteral("left"), text);
}

QString headerCell(const QString& text) {
    return QStringLiteral("<th align=\"right\">%1</th>").arg(text);
}

// The median with the distances to the 84 % and 16 % points as super- and subscripts, the
// way a paper writes it (6191⁺²⁷⁰₋₁₉₄).
QString medianText(const core::PosteriorInterval& i, int decimals) {
    if (!std::isfinite(i.median))
        return QStringLiteral("—");
    return QStringLiteral("%1<sup>+%2</sup><sub>−%3</sub>")
        .arg(numberText(i.median, decimals), numberText(i.upper - i.median, decimals),
             numberText(i.median - i.lower, decimals));
}

QString row(const QString& name, const QString& unit, const core::PosteriorInterval& interval, double map,
            double reference, int decimals) {
    return QStringLiteral("<tr>") + cell(name, false) + cell(medianText(interval, decimals)) +
           cell(numberText(map, decimals)) + cell(numberText(reference, decimals)) +
           cell(unit.toHtmlEscaped(), false) + QStringLiteral("</tr>");
}

double distancePcOfMu(double mu) {
    return std::pow(10.0, mu / 5.0 + 1.0);
}

} // namespace

QString StarFitSummary::statusText(core::PosteriorStatus status) {
    using S = core::PosteriorStatus;
    switch (status) {
    case S::Fitted:
        return tr("fitted");
    case S::MissingG:
        return tr(
            "no posterior: the star has no usable G magnitude, which the fit needs (as training does, §3)");
    case S::TooFewMeasurements:
        return tr("no posterior: fewer than 5 measurements (observed bands + parallax) cannot constrain "
                  "Teff, log g, "
                  "[Fe/H], μ and E");
    case S::NoGalacticPosition:
        return tr("no posterior: the Galactic distance prior needs the star's l and b, which it does not "
                  "have (choose "
                  "the flat prior in μ)");
    case S::NoSupport:
        return tr("no posterior: no label on the grid gives this photometry a finite likelihood");
    case S::BadReddeningPrior:
        return tr("no posterior: the catalog reddening prior needs a finite Ê and σ_E > 0 (choose the flat "
                  "prior E ≥ 0)");
    }
    return tr("unknown status %1").arg(int(status));
}

QStringList StarFitSummary::flagTexts(std::uint32_t flags) {
    QStringList texts;
    if (flags & core::kPoorFit)
        texts << tr(
            "poor fit: the χ² of the best fit has p < 10⁻³ (the model cannot explain this photometry)");
    if (flags & core::kOutsideTraining)
        texts << tr(
            "outside the training data: most posterior mass lies where the training density is below 10⁻²");
    if (flags & core::kParallaxIgnored)
        texts << tr("parallax ignored: it is missing, not positive or has no positive error");
    if (flags & core::kAtGridEdge)
        texts << tr("at the grid's edge: more than 1 % of the posterior mass lies on its outer nodes");
    return texts;
}

QString StarFitSummary::labelPriorText(core::LabelPrior prior) {
    switch (prior) {
    case core::LabelPrior::ValidRegion:
        return tr("flat where the model is valid (training density ≥ 10⁻²)");
    case core::LabelPrior::TrainingDensity:
        return tr("the training density");
    case core::LabelPrior::Box:
        return tr("flat over the whole grid");
    }
    return {};
}

QString StarFitSummary::distancePriorText(core::DistancePrior prior) {
    return prior == core::DistancePrior::Galactic ? tr("Galactic disks and halo (Jurić et al. 2008)")
                                                  : tr("flat in μ");
}

QString StarFitSummary::reddeningPriorText(core::ReddeningPrior prior) {
    return prior == core::ReddeningPrior::Catalog ? tr("catalog Ê ± σ_E, E ≥ 0") : tr("flat, E ≥ 0");
}

QString StarFitSummary::html(const StarFitResult& result) {
    const core::StarPosterior& p = result.posterior;
    QString text;
    if (!p.fitted()) {
        text += QStringLiteral("<p><b>%1</b></p>").arg(statusText(p.status).toHtmlEscaped());
        return text;
    }
    text += QStringLiteral("<table cellspacing=\"0\" cellpadding=\"2\"><tr><th></th>") +
            headerCell(tr("median")) + headerCell(tr("MAP")) + headerCell(tr("catalog")) +
            QStringLiteral("<th></th></tr>");
    for (PosteriorQuantity q : kPosteriorQuantities)
        text += row(quantitySymbol(q).toHtmlEscaped(), quantityUnit(q), intervalOf(p, q), mapValueOf(p, q),
                    referenceOf(result.request.reference, q), quantityDecimals(q));
    text += row(tr("distance"), tr("pc"), p.distancePc, distancePcOfMu(p.mapMu),
                distancePcOfMu(result.request.reference.mu), 0);
    text += QStringLiteral("</table><p>%1</p>")
                .arg(tr("Median with the distances to the 84 % and 16 % points.").toHtmlEscaped());

    QStringList facts;
    facts << tr("χ²/dof of the best fit: %1 / %2 = %3")
                 .arg(numberText(p.chi2, 1))
                 .arg(p.dof)
                 .arg(p.dof > 0 ? numberText(p.chi2 / p.dof, 2) : QStringLiteral("—"));
    facts << (p.parallaxUsed ? tr("%1 of 13 bands and the parallax used").arg(p.bandsUsed)
                             : tr("%1 of 13 bands used, no parallax").arg(p.bandsUsed));
    facts << (std::isfinite(p.lowDensityFraction)
                  ? tr("posterior mass where the training density is below 10⁻²: %1 %")
                        .arg(numberText(100.0 * p.lowDensityFraction, 1))
                  : tr("training density unknown (no density grid)"));
    facts << tr("priors: θ %1; distance %2; E %3")
                 .arg(labelPriorText(result.labelPrior), distancePriorText(result.request.settings.distance),
                      reddeningPriorText(result.request.settings.reddening));
    facts << tr("%1 grid nodes evaluated in %2 ms")
                 .arg(countText(p.nodesEvaluated), numberText(result.fitMs, 1));
    const QStringList flags = flagTexts(p.flags);
    text += QStringLiteral("<p>");
    for (const QString& fact : facts)
        text += fact.toHtmlEscaped() + QStringLiteral("<br>");
    text += QStringLiteral("</p><p><b>%1</b>")
                .arg(flags.isEmpty() ? tr("No flags.").toHtmlEscaped() : tr("Flags:").toHtmlEscaped());
    for (const QString& flag : flags)
        text += QStringLiteral("<br>• ") + flag.toHtmlEscaped();
    text += QStringLiteral("</p>");
    return text;
}

} // namespace starlocus::ui
