// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The KDE of a catalog's stars in label space, per band (§7; METHOD.md §6): a Gaussian kernel
// with bandwidth (50 K, 0.05 dex, 0.05 dex), evaluated at the nodes of a grid and normalised
// to peak 1 per channel, so that DensityGrid::at is an instant look-up.
// Channel b ≥ 1 uses the stars that observed band b (finite magnitude, error in (0, 0.2] mag,
// the likelihood's rule); channel 0 the stars with a usable parallax (ϖ̂ > 0, ϖ̂/σ_ϖ ≥ 5).
// Stars with non-finite labels are left out of every channel.
#include "core/catalog/catalog.h"
#include "core/diagnostics/density_grid.h"

#include <array>
#include <vector>

namespace starlocus::core {

// The grid of the authors' green2020_input_density.h5: 50 nodes each over Teff 2500–9000 K,
// log g −2…7, [Fe/H] −2.5…1.
std::array<std::vector<double>, 3> publishedDensityAxes();

struct TrainingDensitySettings {
    std::array<double, 3> bandwidth{50.0, 0.05, 0.05}; // K, dex, dex (§7)
    std::array<std::vector<double>, 3> axes = publishedDensityAxes();
    // The kernel is summed out to this many bandwidths per axis (exp(−18) ≈ 1.5e-8 beyond:
    // far below the 1e-2 threshold); it keeps 10⁶ stars at a few seconds.
    double cutoffBandwidths = 6.0;
};

// Throws InputError on a non-increasing axis or a bandwidth that is not positive.
// Parallel over channels: each channel sums its stars in catalog order, so the result does
// not depend on the number of threads.
DensityGrid trainingDensity(const Catalog& catalog, const TrainingDensitySettings& settings = {});

} // namespace starlocus::core
