// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/training/physical_start.h"

#include "core/diagnostics/s16_family.h"
#include "core/mock/passband_table.h"

#include <algorithm>
#include <cmath>

namespace starlocus::core {
namespace {

// Index of element (j, j) in the row-major packed lower triangle.
constexpr std::size_t diagonalIndex(std::size_t j) { return j * (j + 1) / 2 + j; }

// Bands g r i z y: where F99 and the S16 curve agree well enough to fix S16's scale and
// grey offset (both undetermined by colours) from the theory.
constexpr std::size_t kS16AnchorBands = 5;

} // namespace

Vec13 startReddeningVector(double teffK) {
    Vec13 r = theoryReddeningVector(teffK);
    static const S16Family s16;
    // Least squares a, b in R_theory(b) ≈ a·R_mean(b) + b over the anchor bands.
    double sx = 0, sy = 0, sxx = 0, sxy = 0;
    for (std::size_t k = 0; k < kS16AnchorBands; ++k) {
        const double x = s16.table()[k].rMean, y = r[Eigen::Index(k + kBandCount - kS16BandCount)];
        sx += x; sy += y; sxx += x * x; sxy += x * y;
    }
    const double n = double(kS16AnchorBands);
    const double a = (n * sxy - sx * sy) / (n * sxx - sx * sx);
    const double b = (sy - a * sx) / n;
    for (std::size_t k = 0; k < kS16BandCount; ++k)
        r[Eigen::Index(k + kBandCount - kS16BandCount)] = std::max(a * s16.table()[k].rMean + b, 1e-3);
    return r;
}

Vec13 theoryReddeningVector(double teffK) {
    Vec13 r;
    for (std::size_t b = 0; b < kBandCount; ++b)
        r[Eigen::Index(b)] = PassbandTable::directReddeningCoefficient(b, teffK);
    return r;
}

void applyPhysicalStart(const NetworkLayout& layout, ParameterVector& params, const LabelNormalization& normalization,
                        const std::vector<StarSample>& samples, const TrainingState& state) {
    applyPhysicalStart(layout, params, normalization, [&](std::size_t i) { return samples[i]; }, state);
}

void applyPhysicalStart(const NetworkLayout& layout, ParameterVector& params, const LabelNormalization& normalization,
                        const std::function<StarSample(std::size_t)>& sampleOf, const TrainingState& state) {
    // The theory is a start, not a prior: its Teff is kept inside the range where the
    // analytic passbands are good (docs/PHYSICS.md).
    const double teff = std::clamp(normalization.median[0], 3500.0, 8000.0);
    const Vec13 r = startReddeningVector(teff);
    const LayerSlot& ext = layout.extinction;
    std::fill(params.begin() + std::ptrdiff_t(ext.kernel), params.begin() + std::ptrdiff_t(ext.bias), 0.0f);
    for (std::size_t b = 0; b < kBandCount; ++b)
        params[ext.bias + b] = float(std::log(std::max(r[Eigen::Index(b)], 1e-3)));

    std::vector<std::size_t> train;
    for (std::size_t i = 0; i < state.size(); ++i)
        if (state.inUse[i] && state.split[i] == Split::Train)
            train.push_back(i);
    if (train.empty())
        return; // the trainer reports "no usable training star" itself
    const std::size_t stride = std::max<std::size_t>(1, train.size() / 100000);

    const LayerSlot& out = layout.colorOutput;
    std::fill(params.begin() + std::ptrdiff_t(out.bias), params.begin() + std::ptrdiff_t(out.bias + kBandCount),
              0.0f);
    const StellarModel model = modelFromParameters(layout, params, normalization, Activation::Sigmoid, {});
    const Vec13 colorR = toColorSpace(r);
    std::array<std::vector<double>, kBandCount> residuals;
    for (std::size_t k = 0; k < train.size(); k += stride) {
        const StarSample s = sampleOf(train[k]);
        const Vec13 bm = model.evaluateNormalized(Eigen::Vector3d(s.x[0], s.x[1], s.x[2]), false).colorMagnitudes;
        for (std::size_t j = 0; j < kBandCount; ++j)
            if (whiteningEntry(s, diagonalIndex(j)) != 0.0f) // a dropped entry has a zero row and column
                residuals[j].push_back(double(s.y[j]) - bm[Eigen::Index(j)] - double(s.e) * colorR[Eigen::Index(j)]);
    }
    for (std::size_t j = 0; j < kBandCount; ++j) {
        auto& v = residuals[j];
        if (v.empty())
            continue; // no star observes this entry: leave the Keras zero
        auto mid = v.begin() + std::ptrdiff_t(v.size() / 2);
        std::nth_element(v.begin(), mid, v.end());
        params[out.bias + j] = float(*mid);
    }
}

} // namespace starlocus::core
