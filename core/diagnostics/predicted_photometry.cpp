// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/diagnostics/predicted_photometry.h"

#include "core/common/parallel_for.h"

#include <cmath>
#include <limits>

namespace starlocus::core {

PredictedPhotometry predictDereddenedPhotometry(const StellarModel& model,
                                                std::span<const std::array<double, 3>> theta) {
    constexpr std::size_t kChunk = 4096;
    const std::size_t n = theta.size();
    PredictedPhotometry out;
    out.absoluteMagnitudes.resize(n);
    // Per-chunk sums of R, added in chunk order so the mean does not depend on threads.
    const std::size_t chunks = (n + kChunk - 1) / kChunk;
    std::vector<Vec13> sumR(chunks, Vec13::Zero());
    std::vector<std::size_t> used(chunks, 0);
    parallelFor(n, kChunk, [&](std::size_t begin, std::size_t end) {
        const std::size_t c = begin / kChunk;
        for (std::size_t i = begin; i < end; ++i) {
            const Eigen::Vector3d t(theta[i][0], theta[i][1], theta[i][2]);
            if (!t.allFinite()) {
                out.absoluteMagnitudes[i].fill(std::numeric_limits<double>::quiet_NaN());
                continue;
            }
            const ModelEvaluation eval = model.evaluate(t, false);
            const Vec13 m = fromColorSpace(eval.colorMagnitudes);
            for (std::size_t b = 0; b < kBandCount; ++b)
                out.absoluteMagnitudes[i][b] = m[Eigen::Index(b)];
            sumR[c] += eval.extinction;
            ++used[c];
        }
    });
    for (std::size_t c = 0; c < chunks; ++c) {
        out.meanExtinction += sumR[c];
        out.stars += used[c];
    }
    if (out.stars > 0)
        out.meanExtinction /= double(out.stars);
    out.skipped = n - out.stars;
    return out;
}

std::vector<double> magnitudeColumn(std::span<const BandValues> magnitudes, std::size_t band) {
    std::vector<double> v(magnitudes.size());
    for (std::size_t i = 0; i < v.size(); ++i)
        v[i] = magnitudes[i][band];
    return v;
}

std::vector<double> colorColumn(std::span<const BandValues> magnitudes, std::size_t bandX, std::size_t bandY) {
    std::vector<double> v(magnitudes.size());
    for (std::size_t i = 0; i < v.size(); ++i)
        v[i] = magnitudes[i][bandX] - magnitudes[i][bandY];
    return v;
}

} // namespace starlocus::core
