// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Who the mock's stars are: the four branches a LAMOST/APOGEE/GALAH-like sample is made of
// (dwarfs, subgiants, red giants, red clump; Green et al. 2020 Fig. 5) with log g
// consistent with each branch, and [Fe/H] from a thin/thick-disk mix.
#include "core/common/counter_random.h"
#include "core/mock/mock_sky_config.h"

#include <array>
#include <cstdint>

namespace starlocus::core {

enum class Branch : std::uint8_t { Dwarf, Subgiant, RedGiant, RedClump };
enum class DiskComponent : std::uint8_t { Thin, Thick };

// Vertical scale heights of the star counts, Jurić et al. (2008, ApJ 673, 864): thin disk
// 300 pc, thick disk 900 pc.
inline constexpr double kThinDiskScaleHeightKpc = 0.3;
inline constexpr double kThickDiskScaleHeightKpc = 0.9;

struct StellarLabels {
    Branch branch = Branch::Dwarf;
    DiskComponent component = DiskComponent::Thin;
    std::array<double, 3> theta{}; // Teff [K], log g [dex], [Fe/H] [dex]
};

// Draws one star's branch, disk component and true labels.
//  [Fe/H]: thin disk N(−0.15, 0.25), thick disk N(−0.55, 0.30), within [−2, 0.5] (solar-
//          neighbourhood MDFs of Hayden et al. 2015 and Bensby et al. 2014, broadened so that
//          the sample's spread approaches LAMOST's σ ≈ 0.37 dex, METHOD.md §2).
//  dwarfs: Teff ~ N(5900, 750 K) within [teffMin, teffMax]; log g below the main-sequence
//          relation by up to 0.3 dex (ageing from ZAMS towards TAMS).
//  subgiants: Teff uniform on 5000–6500 K, log g rising from 3.55 at 5000 K to 4.0 at 6500 K.
//  red giants: log g on 1.0–3.5 (more stars at high log g, as the RGB luminosity function),
//          Teff = 3950 + 400 (log g − 1) − 250 [Fe/H] ± 70 K (metal-poor giants are hotter).
//  red clump: log g ~ N(2.45, 0.08), Teff = 4700 − 300 [Fe/H] ± 80 K (Bovy et al. 2014).
StellarLabels drawStellarLabels(const MockSkyConfig& config, CounterRandom& random);

} // namespace starlocus::core
