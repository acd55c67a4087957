// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Galactic (l, b) → ICRS (α, δ) for the mock's raw cross-match (the Gaia columns ra, dec).
// The Galactic frame of Gaia and Hipparcos (ESA 1997, vol. 1 §1.5.3): north Galactic pole at
// α = 192.85948°, δ = 27.12825°, and the north celestial pole at l = 122.93192° — the same
// pole the mock's footprints and §3.3 regimes use (galactic_disk.h), so the δ written here
// is the δ the mock judged its stars by.

namespace starlocus::core {

struct EquatorialDeg {
    double raDeg = 0.0;  // [0, 360)
    double decDeg = 0.0; // [−90, 90]
};

EquatorialDeg equatorialFromGalactic(double lDeg, double bDeg);

} // namespace starlocus::core
