// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The authors' density file green2020_input_density.h5 (METHOD.md §7), used for the validity
// flags when the published model is loaded:
//   dataset `rho_stars`: (13, n_teff, n_logg, n_feh) numbers, axis order band, teff, logg, feh;
//   attributes `teff`, `logg`, `feh`: the grid nodes (strictly increasing, lengths = the shape);
//   attribute `bands` (optional): 'parallax', 'BP', 'RP', 'g', …, 'K_s', 'W_1', 'W_2';
//   attribute `axis_order` (optional): 'band', 'teff', 'logg', 'feh'.
// The values are returned as stored (the file is already peak-normalised).
#include "core/diagnostics/density_grid.h"

#include <string>

namespace starlocus::core {

// Throws InputError(path, field, reason) for a missing or damaged file, a missing `rho_stars`,
// a wrong shape, a missing / wrong-length / non-monotonic axis attribute, non-finite values,
// or a `bands` / `axis_order` attribute that does not describe the layout above.
DensityGrid readDensityGrid(const std::string& path);

// Writes a grid in the same layout (float32 values, float64 axes, `bands`, `axis_order`),
// through a temporary file renamed into place. InputError when the file cannot be written.
void writeDensityGrid(const std::string& path, const DensityGrid& grid);

} // namespace starlocus::core
