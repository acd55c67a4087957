// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Catalog: the input stars as a struct of arrays, immutable once imported. Per-star
// training state (re-fitted E, χ², whitening) lives beside it, never inside it.
// Field meanings follow the published Green2020 layout (METHOD.md §7).
#include "core/bands/band_registry.h"

#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace starlocus::core {

struct Catalog {
    std::string sourceFile;

    std::vector<std::array<double, 3>> theta;     // Teff [K], log g [dex], [Fe/H] [dex]
    std::vector<std::array<double, 9>> thetaCov;  // C_θ, row-major 3×3
    std::vector<std::array<double, kBandCount>> mag;    // apparent magnitudes, NaN = unobserved
    std::vector<std::array<double, kBandCount>> magErr; // σ_m (0.02 mag floor already added)
    std::vector<double> reddening;    // Ê (prior mean)
    std::vector<double> reddeningErr; // σ_E (prior width)
    std::vector<double> parallaxMas;
    std::vector<double> parallaxErrMas;
    std::vector<std::string> atmSource; // lamost / apogee / galah / ...
    std::vector<std::string> rSource;   // sfd / b19 / default

    // The reddening posterior stored beside `data` by the authors (r_fit, r_var), if any.
    std::optional<std::vector<double>> reddeningFit;
    std::optional<std::vector<double>> reddeningFitVar;

    // Galactic longitude and latitude [deg] (optional members `l`, `b`; not in the authors'
    // layout): the photometric fit's Galactic distance prior needs them.
    std::optional<std::vector<double>> galacticL;
    std::optional<std::vector<double>> galacticB;

    // Normalisation the file's atm_param_p fields were made with (attributes), if any.
    std::optional<std::array<double, 3>> labelMedian;
    std::optional<std::array<double, 3>> labelStd;

    std::size_t size() const { return theta.size(); }
    // Appends one star's worth of default-initialised fields (NaN photometry).
    void resize(std::size_t n);
    // Star `from` of `other` becomes star `to` of this catalog (every per-star field; the
    // optional posterior columns only when both catalogs have them).
    void copyStar(const Catalog& other, std::size_t from, std::size_t to);
};

} // namespace starlocus::core
