// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/import/galactic_coordinates.h"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace starlocus::core::import {

GalacticPosition galacticFromEquatorial(double raDeg, double decDeg) {
    // Rows: unit vectors of the Galactic axes in ICRS (A_G' transposed to act on ICRS vectors).
    static constexpr double kA[3][3] = {{-0.0548755604162154, -0.8734370902348850, -0.4838350155487132},
                                        {+0.4941094278755837, -0.4448296299600112, +0.7469822444972189},
                                        {-0.8676661490190047, -0.1980763734312015, +0.4559837761750669}};
    constexpr double kDeg = std::numbers::pi / 180.0;
    const double ra = raDeg * kDeg, dec = decDeg * kDeg;
    const double r[3] = {std::cos(dec) * std::cos(ra), std::cos(dec) * std::sin(ra), std::sin(dec)};
    double g[3];
    for (int i = 0; i < 3; ++i)
        g[i] = kA[i][0] * r[0] + kA[i][1] * r[1] + kA[i][2] * r[2];
    GalacticPosition p;
    p.lDeg = std::atan2(g[1], g[0]) / kDeg;
    if (p.lDeg < 0.0)
        p.lDeg += 360.0;
    p.bDeg = std::asin(std::clamp(g[2], -1.0, 1.0)) / kDeg;
    return p;
}

} // namespace starlocus::core::import
