// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// ΔR/R of Fig. 10: how the learned extinction vector varies with the labels,
// ΔR/R = (R(θ) − R₀)/R₀ per band, with R₀ = R(θ̄) at the mean labels θ̄ of the stars shown
// (METHOD.md §6). Theory curves relative to another R₀ (e.g. 5400 K) must be renormalised to
// the same R₀ before comparing.
#include "core/diagnostics/predicted_photometry.h"
#include "core/model/stellar_model.h"

#include <Eigen/Core>
#include <array>
#include <span>
#include <vector>

namespace starlocus::core {

// Mean of the finite labels (stars with any non-finite label are left out); NaN when none.
Eigen::Vector3d meanLabels(std::span<const std::array<double, 3>> theta);

struct ExtinctionDeviation {
    Eigen::Vector3d referenceTheta = Eigen::Vector3d::Zero(); // θ̄
    Vec13 referenceExtinction = Vec13::Zero();                // R₀ = R(θ̄)
    std::vector<BandValues> relative; // (R(θ) − R₀)/R₀ per star and band; NaN for bad labels
    std::size_t stars = 0;
    std::size_t skipped = 0;          // stars with non-finite labels
};

// Parallel over stars with a fixed chunking.
ExtinctionDeviation extinctionDeviation(const StellarModel& model, std::span<const std::array<double, 3>> theta,
                                        const Eigen::Vector3d& meanTheta);

} // namespace starlocus::core
