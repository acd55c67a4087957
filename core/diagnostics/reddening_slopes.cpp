// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/diagnostics/reddening_slopes.h"

#include "core/common/parallel_for.h"
#include "core/diagnostics/percentiles.h"

#include <cmath>
#include <limits>

namespace starlocus::core {

std::span<const std::string_view, kSlopeTripleCount> slopeTripleNames() {
    static constexpr std::array<std::string_view, kSlopeTripleCount> kNames{"gri", "riz",  "izy",  "zyJ",
                                                                          "yJH", "JHK", "HKW1", "KW1W2"};
    return kNames;
}

SlopeVector reddeningSlopes10(std::span<const double, 10> r) {
    SlopeVector s{};
    for (std::size_t k = 0; k < kSlopeTripleCount; ++k)
        s[k] = (r[k] - r[k + 1]) / (r[k + 1] - r[k + 2]);
    return s;
}

SlopeVector reddeningSlopes(const Vec13& extinction) {
    std::array<double, 10> r{};
    for (std::size_t b = 0; b < r.size(); ++b)
        r[b] = extinction[Eigen::Index(kFirstSlopeBand + b)];
    return reddeningSlopes10(r);
}

ReddeningSlopes modelReddeningSlopes(const StellarModel& model, std::span<const std::array<double, 3>> theta,
                                     const Eigen::Vector3d& meanTheta) {
    ReddeningSlopes out;
    for (std::size_t k = 0; k < kSlopeTripleCount; ++k)
        out.tripleNames[k] = slopeTripleNames()[k];
    out.learned = reddeningSlopes(model.extinctionVector(meanTheta));

    // Per star slopes; NaN marks stars without finite labels (dropped below).
    const std::size_t n = theta.size();
    std::vector<SlopeVector> perStar(n);
    parallelFor(n, 4096, [&](std::size_t begin, std::size_t end) {
        for (std::size_t i = begin; i < end; ++i) {
            const Eigen::Vector3d t(theta[i][0], theta[i][1], theta[i][2]);
            if (!t.allFinite()) {
                perStar[i].fill(std::numeric_limits<double>::quiet_NaN());
                continue;
            }
            perStar[i] = reddeningSlopes(model.extinctionVector(t));
        }
    });

    std::vector<double> column;
    column.reserve(n);
    for (std::size_t k = 0; k < kSlopeTripleCount; ++k) {
        column.clear();
        for (const SlopeVector& s : perStar)
            if (std::isfinite(s[k]))
                column.push_back(s[k]);
        const Quantiles q = quantiles(column);
        out.lo[k] = q.p16;
        out.median[k] = q.p50;
        out.hi[k] = q.p84;
    }
    for (const std::array<double, 3>& t : theta)
        if (std::isfinite(t[0]) && std::isfinite(t[1]) && std::isfinite(t[2]))
            ++out.stars;
    out.skipped = n - out.stars;
    return out;
}

} // namespace starlocus::core
