// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// ExplorerDensity: where the explorer asks whether a prediction is backed by training
// stars (§7: per band, a kernel density of the input stars in θ with bandwidth
// (50 K, 0.05 dex, 0.05 dex), normalised to peak 1; below 1e-2 a prediction is not to be
// trusted). The explorer only declares what it needs; core/diagnostics provides the
// density (e.g. from green2020_input_density.h5), a test provides a fake. Without a
// provider the explorer's validity column is absent.
#include <Eigen/Core>
#include <cstddef>

namespace starlocus::ui {

class ExplorerDensity {
public:
    // The paper's recommended threshold (§7).
    static constexpr double kValidityThreshold = 1e-2;

    virtual ~ExplorerDensity() = default;
    // Training-star density for band `band` (core::bands() order) at θ = (Teff [K],
    // log g [dex], [Fe/H] [dex]), peak-normalised to 1; NaN when the provider has none.
    virtual double density(std::size_t band, const Eigen::Vector3d& theta) const = 0;
};

} // namespace starlocus::ui
