// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/diagnostics/extinction_deviation.h"

#include "core/common/parallel_for.h"

#include <cmath>
#include <limits>

namespace starlocus::core {

Eigen::Vector3d meanLabels(std::span<const std::array<double, 3>> theta) {
    Eigen::Vector3d sum = Eigen::Vector3d::Zero();
    std::size_t n = 0;
    for (const std::array<double, 3>& t : theta) {
        const Eigen::Vector3d v(t[0], t[1], t[2]);
        if (!v.allFinite())
            continue;
        sum += v;
        ++n;
    }
    if (n == 0)
        return Eigen::Vector3d::Constant(std::numeric_limits<double>::quiet_NaN());
    return sum / double(n);
}

ExtinctionDeviation extinctionDeviation(const StellarModel& model, std::span<const std::array<double, 3>> theta,
                                        const Eigen::Vector3d& meanTheta) {
    ExtinctionDeviation out;
    out.referenceTheta = meanTheta;
    out.referenceExtinction = model.extinctionVector(meanTheta);
    const Vec13 r0 = out.referenceExtinction;
    const std::size_t n = theta.size();
    out.relative.resize(n);
    parallelFor(n, 4096, [&](std::size_t begin, std::size_t end) {
        for (std::size_t i = begin; i < end; ++i) {
            const Eigen::Vector3d t(theta[i][0], theta[i][1], theta[i][2]);
            if (!t.allFinite()) {
                out.relative[i].fill(std::numeric_limits<double>::quiet_NaN());
                continue;
            }
            const Vec13 r = model.extinctionVector(t);
            for (std::size_t b = 0; b < kBandCount; ++b)
                out.relative[i][b] = (r[Eigen::Index(b)] - r0[Eigen::Index(b)]) / r0[Eigen::Index(b)];
        }
    });
    for (const BandValues& v : out.relative)
        if (std::isfinite(v[0]))
            ++out.stars;
    out.skipped = n - out.stars;
    return out;
}

} // namespace starlocus::core
