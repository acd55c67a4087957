// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The label normalisation a catalog implies (METHOD.md §2): median and standard deviation
// (population, ddof = 0, as numpy) of Teff, log g and [Fe/H] over the stars whose labels
// are finite. Used by a new training run and written into the synthetic sky.
#include "core/catalog/catalog.h"
#include "core/model/label_normalization.h"

namespace starlocus::core {

// InputError (file = catalog.sourceFile, field "atm_param") when fewer than two stars
// have finite labels or a label does not vary.
LabelNormalization labelNormalizationOf(const Catalog& catalog);

} // namespace starlocus::core
