// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// ICRS (ra, dec) → Galactic (l, b), for tables that give only equatorial positions: the
// reddening prior (§3.3) needs b and the photometric fit's distance prior needs l and b.

namespace starlocus::core::import {

struct GalacticPosition {
    double lDeg = 0.0; // [0, 360)
    double bDeg = 0.0; // [−90, 90]
};

// The rotation of the Hipparcos/Gaia documentation (ESA 1997, Vol. 1 §1.5.3, A_G'), good to
// far below a milliarcsecond for this purpose.
GalacticPosition galacticFromEquatorial(double raDeg, double decDeg);

} // namespace starlocus::core::import
