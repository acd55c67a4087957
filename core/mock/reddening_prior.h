// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The reddening prior (Ê, σ_E) of a mock star in the three regimes of Green et al. (2020)
// §3.3, tagged in `r_source`:
//  sfd:     more than 400 pc from the mid-plane (judged, as in the paper, at the distance of
//           the 5σ upper bound on parallax): σ_E = 10 % of the SFD column;
//  b19:     within 400 pc, in the Bayestar19 footprint (δ > −30°) and ϖ̂/σ_ϖ > 5:
//           σ_E² = (dE/ds · σ_s)² + (0.1 E)², σ_s = s² σ_ϖ the distance error of the parallax;
//  default: every other star: σ_E = the SFD column (paper: Ê = 0).
// Then + (0.02 mag)² for every star. Ê is drawn from N(E_true, σ_E²) in all regimes, so
// every prior is unbiased and its σ is the true error — the one deliberate departure from
// the paper, whose `default` prior is centred on 0 (docs/MOCK.md).
#include "core/common/counter_random.h"
#include "core/mock/galactic_disk.h"

#include <cstdint>
#include <string_view>

namespace starlocus::core {

enum class ReddeningRegime : std::uint8_t { Sfd, Bayestar19, Default };

std::string_view reddeningRegimeName(ReddeningRegime regime); // "sfd", "b19", "default"

struct ReddeningPrior {
    ReddeningRegime regime = ReddeningRegime::Default;
    double mean = 0.0;  // Ê
    double sigma = 0.0; // σ_E
};

// parallaxMas / parallaxErrMas: the catalog's ϖ̂ and σ_ϖ (the regime uses what a survey knows);
// sigmaScale multiplies σ_E (MockSkyConfig::reddeningPriorErrorScale).
ReddeningPrior drawReddeningPrior(const StarPosition& position, double parallaxMas, double parallaxErrMas,
                                  double sigmaScale, CounterRandom& random);

} // namespace starlocus::core
