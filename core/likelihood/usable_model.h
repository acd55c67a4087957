// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Whether the likelihood can use a model at all. A model with a NaN or infinite weight
// predicts NaN for every star: evaluateCatalog would then exclude every star as "covariance
// not positive definite" and refit-reddening write NaN everywhere, both without an error.
// The model loaders check their files (core/io); this is the likelihood's own guard, cheap
// (~1.7k numbers and a few evaluations), for models from anywhere.
#include "core/model/stellar_model.h"

#include <optional>
#include <string>

namespace starlocus::core {

struct ModelDefect {
    std::string field;  // what is wrong: "hidden layer 1 kernel", "prediction at the median labels", ...
    std::string reason;
};

// The first defect found, or none: a non-finite weight, or a non-finite prediction,
// Jacobian or R at probe labels (the normalisation's median and one σ either side on each
// axis: an exp(…) that overflows). StellarModel itself refuses a broken normalisation.
std::optional<ModelDefect> findModelDefect(const StellarModel& model);

// InputError(file, defect.field, defect.reason) for a model findModelDefect rejects.
void requireUsableModel(const StellarModel& model, const std::string& file);

} // namespace starlocus::core
