// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The published Green2020 catalog layout (METHOD.md §7): a compound dataset `data` with
// atm_param (3), atm_param_cov (3×3), atm_param_p, atm_param_cov_p, r, r_err, mag (13),
// mag_err (13), parallax, parallax_err, atm_source, r_source; optional datasets r_fit,
// r_var beside it. Not in the authors' layout: optional members l, b of `data` (Galactic
// longitude and latitude in degrees, float or double; both or neither), for the photometric
// fit's Galactic distance prior. Values are read as stored (NaN = no position for that star).
#include "core/catalog/catalog.h"
#include "core/model/label_normalization.h"

#include <hdf5.h>
#include <functional>
#include <string>

namespace starlocus::core {

// Reads a catalog; InputError naming the file and field for anything structural.
Catalog readGreen2020Catalog(const std::string& path);

// Writes the same layout (float32 fields as published). atm_param_p / atm_param_cov_p
// are computed with `normalization`, which is also written as the attributes
// atm_param_med / atm_param_std of `data`. r_fit / r_var are written when present, and the
// members l, b (float64) when the catalog has galacticL and galacticB.
// `extra` may add groups (e.g. the synthetic sky's `truth`) before the atomic commit.
void writeGreen2020Catalog(const std::string& path, const Catalog& catalog,
                           const LabelNormalization& normalization,
                           const std::function<void(hid_t file)>& extra = {});

} // namespace starlocus::core
