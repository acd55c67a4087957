// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Predicted zero-reddening, noiseless photometry M(θ̂) per star: the right-hand panels of
// Figs. 6, 8 and 9 (the model's CMD and colour–colour diagrams at the stars' labels), and the
// mean extinction vector R drawn as the reddening arrow in those panels.
#include "core/bands/band_registry.h"
#include "core/model/stellar_model.h"

#include <array>
#include <cstddef>
#include <span>
#include <vector>

namespace starlocus::core {

using BandValues = std::array<double, kBandCount>;

struct PredictedPhotometry {
    std::vector<BandValues> absoluteMagnitudes; // M(θ̂); all NaN for stars without finite labels
    Vec13 meanExtinction = Vec13::Zero();       // ⟨R(θ̂)⟩ over the stars with finite labels
    std::size_t stars = 0;                      // stars predicted
    std::size_t skipped = 0;                    // stars with non-finite labels
};

// M(θ̂) = B⁻¹·(B·M) for every star (parallel over stars, fixed chunking).
PredictedPhotometry predictDereddenedPhotometry(const StellarModel& model,
                                                std::span<const std::array<double, 3>> theta);

// Columns for maps: one band, or the colour X − Y (NaN where either is NaN).
std::vector<double> magnitudeColumn(std::span<const BandValues> magnitudes, std::size_t band);
std::vector<double> colorColumn(std::span<const BandValues> magnitudes, std::size_t bandX, std::size_t bandY);

} // namespace starlocus::core
