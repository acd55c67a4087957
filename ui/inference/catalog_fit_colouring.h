// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// What the "Catalog Fit" panels colour their stars by: nothing, the posterior's fraction at
// low training density (is the model extrapolating?), χ²/dof of the best fit (does the
// model fit the photometry?), or whether a parallax was used. One scale for all panels,
// and the colour-scale legend below them.
#include "core/inference/star_posterior.h"

#include <QColor>
#include <QString>
#include <vector>

namespace starlocus::ui {

enum class CatalogFitColouring { None = 0, LowDensityFraction = 1, ReducedChi2 = 2, ParallaxUsed = 3 };

struct CatalogFitColourScale {
    CatalogFitColouring colouring = CatalogFitColouring::None;
    double lo = 0.0, hi = 1.0;  // values beyond are drawn in the end colours
    bool logarithmic = false;
    bool categorical = false;   // ParallaxUsed: 1 = used, 0 = not
};

CatalogFitColourScale colourScaleOf(CatalogFitColouring colouring);
// The combo box's entry and the legend's title (with the unit, when there is one).
QString colouringName(CatalogFitColouring colouring);
QString colouringTitle(CatalogFitColouring colouring);

// One value per posterior row (NaN where it is unknown: no density grid, dof ≤ 0, not fitted).
std::vector<double> colouringValues(CatalogFitColouring colouring, const std::vector<core::StarPosterior>& posteriors);

// Colour bins of a continuous scale; a value's bin (0 … kColourBins − 1), −1 for NaN.
inline constexpr int kColourBins = 24;
int colourBin(const CatalogFitColourScale& scale, double value);
// The position of a value on the scale, 0 … 1 (clamped).
double scalePosition(const CatalogFitColourScale& scale, double value);

} // namespace starlocus::ui
