// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The five quantities of a star's photometric fit (Eq. 19) as the "Fit a star" view names
// and draws them: Teff, log g, [Fe/H], the distance modulus μ and the reddening E. One place
// for their axis titles, units, decimals and the parts of a fit's result that belong to them.
#include "ui/inference/star_fit_result.h"

#include <QString>
#include <array>

namespace starlocus::ui {

enum class PosteriorQuantity { Teff = 0, LogG, FeH, Mu, Reddening };
inline constexpr std::array<PosteriorQuantity, 5> kPosteriorQuantities{
    PosteriorQuantity::Teff, PosteriorQuantity::LogG, PosteriorQuantity::FeH, PosteriorQuantity::Mu,
    PosteriorQuantity::Reddening};

// "Teff", "log g", "[Fe/H]", "μ", "E" (translated) and the unit ("K", "dex", "mag", "").
QString quantitySymbol(PosteriorQuantity q);
QString quantityUnit(PosteriorQuantity q);
// "Teff [K]": the axis title, spelled as every plot frame spells it.
QString quantityAxisTitle(PosteriorQuantity q);
int quantityDecimals(PosteriorQuantity q);

// The astronomer's orientation: Teff decreases to the right (as in an HR diagram) and
// log g increases downward, so that a corner plot of Teff–log g looks like a Kiel diagram.
bool quantityAxisReversed(PosteriorQuantity q, bool vertical);

// The parts of a result that describe quantity q.
const core::PosteriorMarginals::Axis& marginalOf(const core::PosteriorMarginals& m, PosteriorQuantity q);
const core::PosteriorInterval& intervalOf(const core::StarPosterior& p, PosteriorQuantity q);
double mapValueOf(const core::StarPosterior& p, PosteriorQuantity q);
double referenceOf(const StarReference& r, PosteriorQuantity q);

} // namespace starlocus::ui
