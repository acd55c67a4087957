// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The photometric-fit views' test model and lattice (test_star_fit_view,
// test_catalog_fit_view): a model linear in the labels whose 13 bands and a parallax
// constrain θ, μ and E, and a lattice of 90,000 nodes that holds their stars.
#include "core/inference/label_grid.h"
#include "core/model/stellar_model.h"

#include <array>
#include <cmath>
#include <memory>
#include <vector>

namespace starlocus::test {

// A model with no hidden layer whose magnitudes depend on all three labels (linear in the
// normalised labels, in colour space) and a constant R: every band carries information, so
// 13 bands and a parallax constrain θ, μ and E.
inline std::shared_ptr<const core::StellarModel> linearModel() {
    using namespace starlocus::core;
    const std::array<double, 13> sunColor{4.67,  0.33,  -0.47, 0.43,  -0.07, -0.17, -0.17,
                                          -0.22, -1.07, -1.37, -1.42, -1.47, -1.47};
    DenseLayer out{"BM", 3, 13, WeightVector(39, 0.0), WeightVector(13), Activation::Linear};
    for (int b = 0; b < 13; ++b) {
        out.bias[std::size_t(b)] = sunColor[std::size_t(b)];
        // Per unit of the normalised labels (1000 K, 1 dex, 0.5 dex):
        const double teff = b == 0 ? -1.2 : -0.12 * b;             // hotter: brighter and bluer
        const double logg = b == 0 ? 1.5 : 0.015 * ((b % 3) - 1);  // a dwarf is fainter
        const double feh = b == 0 ? 0.25 : 0.03 * ((b % 4) - 1.5); // metals redden some bands
        out.kernel[std::size_t(0 * 13 + b)] = teff;
        out.kernel[std::size_t(1 * 13 + b)] = logg;
        out.kernel[std::size_t(2 * 13 + b)] = feh;
    }
    const std::array<double, 13> r{2.6, 3.4, 1.9, 3.8, 2.7, 2.0, 1.5, 1.25, 0.75, 0.4, 0.2, 0.05, 0.02};
    DenseLayer ext{"R", 3, 13, WeightVector(39, 0.0), WeightVector(13), Activation::Exponential};
    for (int b = 0; b < 13; ++b)
        ext.bias[std::size_t(b)] = std::log(r[std::size_t(b)]);
    LabelNormalization norm;
    norm.median = {5780.0, 4.44, 0.0};
    norm.stddev = {1000.0, 1.0, 0.5};
    return std::make_shared<const StellarModel>(norm, std::vector<DenseLayer>{}, out, ext,
                                                ModelProvenance{"test", "linear", "", ""});
}

// A lattice small enough for a test (90,000 nodes) that holds the truth well inside it.
inline core::LabelGridSettings testGrid() {
    core::LabelGridSettings s;
    s.axes = {core::LabelGridAxis{4000.0, 50.0, 71}, core::LabelGridAxis{3.0, 0.05, 41},
              core::LabelGridAxis{-1.0, 0.05, 31}};
    s.coarseStride = {2, 2, 2};
    return s;
}

} // namespace starlocus::test
