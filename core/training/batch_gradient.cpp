// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/training/batch_gradient.h"

#include "core/training/fixed_batch_kernel.h"
#include "core/training/packed_whitening.h"

#include <algorithm>
#include <cassert>
#include <cmath>

namespace starlocus::core {
namespace {

using MatMap = Eigen::Map<Eigen::MatrixXf>;
using ConstMatMap = Eigen::Map<const Eigen::MatrixXf>;
using ConstVecMap = Eigen::Map<const Eigen::VectorXf>;
using VecMap = Eigen::Map<Eigen::VectorXf>;

// Kᵀ (outputs × inputs) of a layer, read in place.
ConstMatMap kernelT(const float* params, const LayerSlot& s) { return {params + s.kernel, s.outputs, s.inputs}; }
MatMap kernelT(float* params, const LayerSlot& s) { return {params + s.kernel, s.outputs, s.inputs}; }
ConstVecMap bias(const float* params, const LayerSlot& s) { return {params + s.bias, s.outputs}; }
VecMap bias(float* params, const LayerSlot& s) { return {params + s.bias, s.outputs}; }

constexpr int kBands = int(kBandCount);

} // namespace

BatchWorkspace::BatchWorkspace(const NetworkLayout& layout, int maxStars)
    : x_(3, maxStars), r_(kBands, maxStars), g_(kBands, maxStars), delta_(layout.widest(), maxStars),
      deltaNext_(layout.widest(), maxStars), e_(maxStars) {
    for (const auto& h : layout.hidden)
        act_.emplace_back(h.outputs, maxStars);
}

double BatchWorkspace::forward(const NetworkLayout& layout, const float* params, const StarSample* samples,
                               std::span<const std::uint32_t> indices, bool sigmoid, bool keepGradient,
                               float scale) {
    const int n = int(indices.size());
    assert(n <= x_.cols() && "more stars than the workspace holds");
    for (int s = 0; s < n; ++s) {
        const StarSample& star = samples[indices[std::size_t(s)]];
        x_(0, s) = star.x[0];
        x_(1, s) = star.x[1];
        x_(2, s) = star.x[2];
        e_[s] = star.e;
    }
    const auto x = x_.leftCols(n);
    // Stellar sector.
    for (std::size_t l = 0; l < layout.hidden.size(); ++l) {
        auto out = act_[l].leftCols(n);
        if (l == 0)
            out.noalias() = kernelT(params, layout.hidden[l]) * x;
        else
            out.noalias() = kernelT(params, layout.hidden[l]) * act_[l - 1].leftCols(n);
        out.colwise() += bias(params, layout.hidden[l]);
        if (sigmoid)
            out = out.array().logistic().matrix();
        else
            out = out.array().tanh().matrix();
    }
    auto pred = g_.leftCols(n); // holds the prediction first, then ∂loss/∂prediction
    pred.noalias() = kernelT(params, layout.colorOutput) * act_.back().leftCols(n);
    pred.colwise() += bias(params, layout.colorOutput);
    // Extinction sector: R = exp(K_Rᵀ x + b_R); prediction += E · B·R.
    auto r = r_.leftCols(n);
    r.noalias() = kernelT(params, layout.extinction) * x;
    r.colwise() += bias(params, layout.extinction);
    r = r.array().exp().matrix();

    double total = 0.0;
    float d[kBandCount];
    for (int s = 0; s < n; ++s) {
        const StarSample& star = samples[indices[std::size_t(s)]];
        const float e = e_[s];
        const float r0 = r(0, s);
        d[0] = pred(0, s) + e * r0 - star.y[0];
        for (int b = 1; b < kBands; ++b)
            d[b] = pred(b, s) + e * (r(b, s) - r0) - star.y[b];
        float grad[kBandCount] = {};
        alignas(64) float w[kStoredTriangleSize];
        loadWhitening(star, w);
        total += double(whitenedNormAndGradient(w, d, scale, keepGradient ? grad : nullptr));
        if (!keepGradient)
            continue;
        for (int b = 0; b < kBands; ++b)
            pred(b, s) = grad[b];
    }
    return total;
}

double BatchWorkspace::loss(const NetworkLayout& layout, const float* params, const StarSample* samples,
                            std::span<const std::uint32_t> indices, bool sigmoid) {
    // Any number of stars, in blocks of the workspace's capacity; whole blocks of the fixed
    // kernel's size through it (the general path packs Eigen's dynamic products on every
    // call, which at 16 stars costs more than the arithmetic).
    const std::size_t block = std::size_t(x_.cols());
    if (!fixedKernelServes(layout, block))
        return lossGeneral(layout, params, samples, indices, sigmoid);
    double total = 0.0;
    for (std::size_t b = 0; b < indices.size(); b += block) {
        const auto group = indices.subspan(b, std::min(block, indices.size() - b));
        // The group after next: validation stars are spread over the whole sample array, so
        // each of their samples comes from memory; asked for two groups (≈ 5 µs) ahead, it has
        // arrived when its group runs (bench_epoch_order's validation pass: 85 → 75 ms over
        // 579,324 stars; one group ahead did not help).
        for (std::size_t k = b + 2 * block; k < std::min(indices.size(), b + 3 * block); ++k)
            prefetchSample(samples + indices[k]);
        total += group.size() == block ? lossFixedKernel(layout, params, samples, group, sigmoid)
                                       : forward(layout, params, samples, group, sigmoid, false, 0.0f);
    }
    return total;
}

double BatchWorkspace::lossGeneral(const NetworkLayout& layout, const float* params, const StarSample* samples,
                                   std::span<const std::uint32_t> indices, bool sigmoid) {
    const std::size_t block = std::size_t(x_.cols());
    double total = 0.0;
    for (std::size_t b = 0; b < indices.size(); b += block)
        total += forward(layout, params, samples, indices.subspan(b, std::min(block, indices.size() - b)), sigmoid,
                         false, 0.0f);
    return total;
}

double BatchWorkspace::accumulate(const NetworkLayout& layout, const float* params, const StarSample* samples,
                                  std::span<const std::uint32_t> indices, float scale, float* gradient,
                                  bool sigmoid) {
    if (fixedKernelServes(layout, indices.size()))
        return accumulateFixedKernel(layout, params, samples, indices, scale, gradient, sigmoid);
    return accumulateGeneral(layout, params, samples, indices, scale, gradient, sigmoid);
}

double BatchWorkspace::accumulateGeneral(const NetworkLayout& layout, const float* params, const StarSample* samples,
                                         std::span<const std::uint32_t> indices, float scale, float* gradient,
                                         bool sigmoid) {
    const int n = int(indices.size());
    const double total = forward(layout, params, samples, indices, sigmoid, true, scale);
    const auto g = g_.leftCols(n); // ∂/∂(B·M) and, times E, ∂/∂(B·R)
    const auto x = x_.leftCols(n);

    // Extinction sector: ∂/∂R = E · Bᵀ g  (Bᵀ: row 0 gets g₀ − Σ_{i≥1} gᵢ), then × R (exp).
    auto r = r_.leftCols(n);
    for (int s = 0; s < n; ++s) {
        const float e = e_[s];
        float rest = 0.0f;
        for (int b = 1; b < kBands; ++b) {
            rest += g(b, s);
            r(b, s) *= e * g(b, s);
        }
        r(0, s) *= e * (g(0, s) - rest);
    }
    kernelT(gradient, layout.extinction).noalias() += r * x.transpose();
    bias(gradient, layout.extinction) += r.rowwise().sum();

    // Stellar sector, output layer then hidden layers backwards.
    const std::size_t last = layout.hidden.size() - 1;
    kernelT(gradient, layout.colorOutput).noalias() += g * act_[last].leftCols(n).transpose();
    bias(gradient, layout.colorOutput) += g.rowwise().sum();
    Eigen::MatrixXf* current = &delta_;
    Eigen::MatrixXf* next = &deltaNext_;
    current->topLeftCorner(layout.hidden[last].outputs, n).noalias() =
        kernelT(params, layout.colorOutput).transpose() * g;
    for (std::size_t l = layout.hidden.size(); l-- > 0;) {
        const auto& slot = layout.hidden[l];
        auto delta = current->topLeftCorner(slot.outputs, n);
        const auto a = act_[l].leftCols(n);
        if (sigmoid)
            delta.array() *= a.array() * (1.0f - a.array());
        else
            delta.array() *= 1.0f - a.array().square();
        if (l == 0)
            kernelT(gradient, slot).noalias() += delta * x.transpose();
        else
            kernelT(gradient, slot).noalias() += delta * act_[l - 1].leftCols(n).transpose();
        bias(gradient, slot) += delta.rowwise().sum();
        if (l > 0) {
            next->topLeftCorner(slot.inputs, n).noalias() = kernelT(params, slot).transpose() * delta;
            std::swap(current, next);
        }
    }
    return total;
}

// Vectorised over each kernel (it runs once per mini-batch); the value is summed in double.
double addRegularization(const NetworkLayout& layout, const float* params, double l2Hidden, double l1Extinction,
                         float* gradient) {
    double value = 0.0;
    for (const auto& h : layout.hidden) {
        const Eigen::Index count = Eigen::Index(h.inputs) * Eigen::Index(h.outputs);
        const Eigen::Map<const Eigen::ArrayXf> w(params + h.kernel, count);
        value += l2Hidden * w.cast<double>().square().sum();
        Eigen::Map<Eigen::ArrayXf>(gradient + h.kernel, count) += float(2.0 * l2Hidden) * w;
    }
    const auto& r = layout.extinction;
    const Eigen::Index count = Eigen::Index(r.inputs) * Eigen::Index(r.outputs);
    const Eigen::Map<const Eigen::ArrayXf> w(params + r.kernel, count);
    value += l1Extinction * w.cast<double>().abs().sum();
    Eigen::Map<Eigen::ArrayXf>(gradient + r.kernel, count) += float(l1Extinction) * w.sign();
    return value;
}

namespace {

// Σ w² (or Σ |w|) over [first, last) in double, in four chains: one chain's additions wait
// on each other (4 cycles each), four keep the adder busy.
template <bool kSquares>
double sumOf(const float* w, std::size_t first, std::size_t last) {
    double acc[4] = {0.0, 0.0, 0.0, 0.0};
    std::size_t k = first;
    for (; k + 4 <= last; k += 4)
        for (int c = 0; c < 4; ++c) {
            const double x = double(w[k + std::size_t(c)]);
            acc[c] += kSquares ? x * x : std::fabs(x);
        }
    for (; k < last; ++k) {
        const double x = double(w[k]);
        acc[0] += kSquares ? x * x : std::fabs(x);
    }
    return (acc[0] + acc[1]) + (acc[2] + acc[3]);
}

} // namespace

double addRegularizationPart(const NetworkLayout& layout, const float* params, double l2Hidden, double l1Extinction,
                             float* gradient, std::size_t begin, std::size_t end) {
    double value = 0.0;
    // The kernel's entries in [begin, end), with the same expressions as addRegularization.
    const auto part = [&](const LayerSlot& slot, auto&& apply) {
        const std::size_t first = std::max(begin, slot.kernel);
        const std::size_t last = std::min(end, slot.kernel + std::size_t(slot.inputs) * std::size_t(slot.outputs));
        if (first < last)
            apply(first, last);
    };
    for (const auto& h : layout.hidden)
        part(h, [&](std::size_t first, std::size_t last) {
            const Eigen::Index count = Eigen::Index(last - first);
            const Eigen::Map<const Eigen::ArrayXf> w(params + first, count);
            value += l2Hidden * sumOf<true>(params, first, last);
            Eigen::Map<Eigen::ArrayXf>(gradient + first, count) += float(2.0 * l2Hidden) * w;
        });
    part(layout.extinction, [&](std::size_t first, std::size_t last) {
        const Eigen::Index count = Eigen::Index(last - first);
        const Eigen::Map<const Eigen::ArrayXf> w(params + first, count);
        value += l1Extinction * sumOf<false>(params, first, last);
        Eigen::Map<Eigen::ArrayXf>(gradient + first, count) += float(l1Extinction) * w.sign();
    });
    return value;
}

double regularization(const NetworkLayout& layout, const float* params, double l2Hidden, double l1Extinction) {
    double value = 0.0;
    for (const auto& h : layout.hidden)
        value += l2Hidden * Eigen::Map<const Eigen::ArrayXf>(params + h.kernel, Eigen::Index(h.inputs) * Eigen::Index(h.outputs))
                                .cast<double>()
                                .square()
                                .sum();
    const auto& r = layout.extinction;
    value += l1Extinction * Eigen::Map<const Eigen::ArrayXf>(params + r.kernel, Eigen::Index(r.inputs) * Eigen::Index(r.outputs))
                                .cast<double>()
                                .abs()
                                .sum();
    return value;
}

} // namespace starlocus::core
