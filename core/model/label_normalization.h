// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Input normalisation of the network: x = (θ − θ_med) / θ_std (METHOD.md §2).
#include <Eigen/Core>
#include <array>
#include <string>

namespace starlocus::core {

struct LabelNormalization {
    std::array<double, 3> median{0.0, 0.0, 0.0};
    std::array<double, 3> stddev{1.0, 1.0, 1.0};

    Eigen::Vector3d normalize(const Eigen::Vector3d& theta) const {
        return {(theta[0] - median[0]) / stddev[0], (theta[1] - median[1]) / stddev[1],
                (theta[2] - median[2]) / stddev[2]};
    }
    // C_x = D⁻¹ C_θ D⁻¹ with D = diag(θ_std) (METHOD.md §3).
    Eigen::Matrix3d normalizeCovariance(const Eigen::Matrix3d& thetaCov) const {
        const Eigen::Vector3d inv(1.0 / stddev[0], 1.0 / stddev[1], 1.0 / stddev[2]);
        return inv.asDiagonal() * thetaCov * inv.asDiagonal();
    }
    bool operator==(const LabelNormalization&) const = default;
};

// For normalisations read from files (JSON, model files, checkpoints, catalogs): throws
// InputError(file, medianField or stddevField, "entry k (Teff) …") unless each median is
// finite and physically possible and each σ finite, above a floor and below the quantity's
// whole range (ranges and floors in label_normalization.cpp).
void validateLabelNormalization(const LabelNormalization& normalization, const std::string& file,
                                const std::string& medianField, const std::string& stddevField);

} // namespace starlocus::core
