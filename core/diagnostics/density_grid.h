// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Where the model may be trusted (§7, METHOD.md §6 "validity"): per band, the density of the
// training stars in label space (Teff, log g, [Fe/H]) on a grid, normalised to peak 1, so that
// a look-up at any θ is a trilinear interpolation (instant). A prediction of a band is flagged
// where the density falls below 1e-2.
// Channels follow the authors' green2020_input_density.h5: channel 0 means "has a usable
// parallax", channels 1 … 12 are the bands BP … W2 with their canonical indices. So channel k
// is the support of c-space entry k (Eq. 5): c₀ = M_G is learned only from stars with a
// parallax, c_b = M_b − M_G only from stars that observed band b. A caller asking about band b
// in canonical order can use channel b directly (for G: the absolute magnitude, channel 0).
#include <Eigen/Core>
#include <array>
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace starlocus::core {

inline constexpr std::size_t kDensityChannelCount = 13;
inline constexpr std::size_t kParallaxChannel = 0;
// Below this peak-normalised density a prediction is outside the training data (§7).
inline constexpr double kValidDensityThreshold = 1e-2;

// "parallax", "BP", "RP", "g", …, "W2".
std::string_view densityChannelName(std::size_t channel);

struct DensityGrid {
    std::string source;                        // file or "catalog KDE"
    std::array<std::vector<double>, 3> axes;   // nodes in Teff [K], log g, [Fe/H]; strictly increasing
    std::vector<float> values;                 // [channel][teff][logg][feh], C order (as in the file)
    std::array<std::size_t, kDensityChannelCount> stars{}; // stars per channel (KDE only; 0 when read)

    std::size_t nodes(std::size_t axis) const { return axes[axis].size(); }
    bool empty() const { return values.empty(); }
    std::size_t index(std::size_t channel, std::size_t it, std::size_t il, std::size_t ifeh) const {
        return ((channel * nodes(0) + it) * nodes(1) + il) * nodes(2) + ifeh;
    }
    float node(std::size_t channel, std::size_t it, std::size_t il, std::size_t ifeh) const {
        return values[index(channel, it, il, ifeh)];
    }

    // Trilinear interpolation between the nodes; 0 outside the grid or for non-finite θ
    // (no training stars are known there).
    double at(std::size_t channel, const Eigen::Vector3d& theta) const;
    // at(channel, θ) ≥ threshold.
    bool valid(std::size_t channel, const Eigen::Vector3d& theta, double threshold = kValidDensityThreshold) const;
    // All 13 channels at once (one search for the cell).
    std::array<double, kDensityChannelCount> atAll(const Eigen::Vector3d& theta) const;
};

} // namespace starlocus::core
