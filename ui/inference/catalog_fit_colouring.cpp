// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/inference/catalog_fit_colouring.h"

#include <QCoreApplication>
#include <algorithm>
#include <cmath>

namespace starlocus::ui {
namespace {
struct CatalogFitColouringText {
    Q_DECLARE_TR_FUNCTIONS(CatalogFitColouringText)
};
} // namespace

CatalogFitColourScale colourScaleOf(CatalogFitColouring colouring) {
    CatalogFitColourScale s;
    s.colouring = colouring;
    switch (colouring) {
    case CatalogFitColouring::None:
    case CatalogFitColouring::LowDensityFraction:
        break;
    case CatalogFitColouring::ReducedChi2:
        // χ²/dof of a good fit is ~1; a decade either side covers over-estimated errors and
        // the poor fits (flagged at p < 10⁻³, χ²/dof ≳ 3 for 8 dof).
        s.lo = 0.1;
        s.hi = 10.0;
        s.logarithmic = true;
        break;
    case CatalogFitColouring::ParallaxUsed:
        s.categorical = true;
        break;
    }
    return s;
}

QString colouringName(CatalogFitColouring colouring) {
    switch (colouring) {
    case CatalogFitColouring::None:
        return CatalogFitColouringText::tr("none");
    case CatalogFitColouring::LowDensityFraction:
        return CatalogFitColouringText::tr("low-density fraction");
    case CatalogFitColouring::ReducedChi2:
        return CatalogFitColouringText::tr("χ²/dof");
    case CatalogFitColouring::ParallaxUsed:
        return CatalogFitColouringText::tr("parallax used");
    }
    return {};
}

QString colouringTitle(CatalogFitColouring colouring) {
    switch (colouring) {
    case CatalogFitColouring::LowDensityFraction:
        return CatalogFitColouringText::tr("posterior fraction at training density < 10⁻²");
    case CatalogFitColouring::ReducedChi2:
        return CatalogFitColouringText::tr("χ²/dof of the best fit (photometry and parallax)");
    default:
        return colouringName(colouring);
    }
}

std::vector<double> colouringValues(CatalogFitColouring colouring, const std::vector<core::StarPosterior>& posteriors) {
    std::vector<double> values(posteriors.size(), core::PhotometricStar::kNaN);
    for (std::size_t i = 0; i < posteriors.size(); ++i) {
        const core::StarPosterior& p = posteriors[i];
        if (!p.fitted())
            continue;
        switch (colouring) {
        case CatalogFitColouring::None:
            values[i] = 0.0;
            break;
        case CatalogFitColouring::LowDensityFraction:
            values[i] = p.lowDensityFraction;
            break;
        case CatalogFitColouring::ReducedChi2:
            values[i] = p.dof > 0 ? p.chi2 / double(p.dof) : core::PhotometricStar::kNaN;
            break;
        case CatalogFitColouring::ParallaxUsed:
            values[i] = p.parallaxUsed ? 1.0 : 0.0;
            break;
        }
    }
    return values;
}

double scalePosition(const CatalogFitColourScale& scale, double value) {
    double t = 0.0;
    if (scale.logarithmic)
        t = (std::log10(std::max(value, 1e-300)) - std::log10(scale.lo)) / (std::log10(scale.hi) - std::log10(scale.lo));
    else
        t = (value - scale.lo) / (scale.hi - scale.lo);
    return std::clamp(t, 0.0, 1.0);
}

int colourBin(const CatalogFitColourScale& scale, double value) {
    if (!std::isfinite(value))
        return -1;
    return std::min(kColourBins - 1, int(scalePosition(scale, value) * kColourBins));
}

} // namespace starlocus::ui
