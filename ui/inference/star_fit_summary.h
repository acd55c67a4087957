// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The numbers of a star's fit in words, for the text panel of the "Fit a star" view: the
// posterior median and 16/84 % of each quantity with its MAP and catalog value, χ²/dof,
// the bands and parallax used, the mass at low training density, the priors, and the
// status and flags as sentences (a bad star says why it has no posterior).
#include "ui/inference/star_fit_result.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>

namespace starlocus::ui {

class StarFitSummary {
    Q_DECLARE_TR_FUNCTIONS(StarFitSummary)
  public:
    // Why a star has no posterior (or "fitted"), as a sentence.
    static QString statusText(core::PosteriorStatus status);
    // One sentence per flag set in `flags` (empty when none).
    static QStringList flagTexts(std::uint32_t flags);
    static QString labelPriorText(core::LabelPrior prior);
    static QString distancePriorText(core::DistancePrior prior);
    static QString reddeningPriorText(core::ReddeningPrior prior);
    // The whole panel as rich text.
    static QString html(const StarFitResult& result);
};

} // namespace starlocus::ui
