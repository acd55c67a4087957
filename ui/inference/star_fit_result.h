// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// What the "Fit a star" view asks core::fitStar (Eq. 19) and what comes back: immutable
// values handed from the GUI thread to the fit job and back (ARCHITECTURE.md "Contracts").
#include "core/inference/star_posterior.h"
#include "core/model/color_transform.h"

#include <QMetaType>
#include <QString>
#include <array>
#include <cstdint>
#include <memory>

namespace starlocus::ui {

// Values the view marks on the plots when they are known: for a catalog star its
// spectroscopic labels, its reddening prior Ê and the distance modulus of its parallax.
// The fit itself never sees them (photometry and parallax only). NaN = unknown.
struct StarReference {
    std::array<double, 3> theta{core::PhotometricStar::kNaN, core::PhotometricStar::kNaN,
                                core::PhotometricStar::kNaN};
    double mu = core::PhotometricStar::kNaN;
    double reddening = core::PhotometricStar::kNaN;
};

struct StarFitRequest {
    core::PhotometricStar star;
    core::PosteriorSettings settings;
    StarReference reference;
    std::int64_t catalogIndex = -1; // row of the session's catalog; −1 for typed photometry
};

struct StarFitResult {
    StarFitRequest request;
    core::StarPosterior posterior;
    core::PosteriorMarginals marginals; // empty axes unless the star was fitted
    // The model at the MAP point without μ: M(θ_MAP) + E_MAP·R(θ_MAP) [mag] (NaN unless fitted).
    core::Vec13 bestFitAbsMag = core::Vec13::Constant(core::PhotometricStar::kNaN);
    core::LabelPrior labelPrior = core::LabelPrior::Box; // the prior the grid was built with
    bool gridHasDensity = false;
    double fitMs = 0.0; // core::fitStar alone, on the worker thread
};

} // namespace starlocus::ui

Q_DECLARE_METATYPE(std::shared_ptr<const starlocus::ui::StarFitResult>)
