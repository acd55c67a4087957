// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/training/fixed_batch_kernel.h"

#include <Eigen/Core>
#include <cassert>

namespace starlocus::core {
namespace {

constexpr int N = kFixedKernelStars;
constexpr int H1 = 32;
constexpr int H2 = 32;
constexpr int B = int(kBandCount);

// Kᵀ (outputs × inputs) of a layer, read in place (kernels are stored inputs × outputs,
// row-major, i.e. Kᵀ column-major).
template <int Out, int In>
Eigen::Map<const Eigen::Matrix<float, Out, In>> kernelT(const float* params, const LayerSlot& s) {
    return Eigen::Map<const Eigen::Matrix<float, Out, In>>(params + s.kernel);
}
template <int Out, int In>
Eigen::Map<Eigen::Matrix<float, Out, In>> kernelT(float* params, const LayerSlot& s) {
    return Eigen::Map<Eigen::Matrix<float, Out, In>>(params + s.kernel);
}
template <int Out>
Eigen::Map<const Eigen::Matrix<float, Out, 1>> bias(const float* params, const LayerSlot& s) {
    return Eigen::Map<const Eigen::Matrix<float, Out, 1>>(params + s.bias);
}
template <int Out>
Eigen::Map<Eigen::Matrix<float, Out, 1>> bias(float* params, const LayerSlot& s) {
    return Eigen::Map<Eigen::Matrix<float, Out, 1>>(params + s.bias);
}

// Eigen's logistic for float is a rational function of degree 9/10, within a few ulp of
// 1/(1 + e⁻ˣ), with no exp: 9 % of the gradient kernel on the AVX2 path (docs/PERFORMANCE.md).
// The general path (batch_gradient.cpp) uses it too.
template <typename M>
void activate(M& a, bool sigmoid) {
    if (sigmoid)
        a = a.array().logistic().matrix();
    else
        a = a.array().tanh().matrix();
}

template <typename D, typename A>
void scaleByActivationSlope(D& delta, const A& a, bool sigmoid) {
    if (sigmoid)
        delta.array() *= a.array() * (1.0f - a.array());
    else
        delta.array() *= 1.0f - a.array().square();
}

// out = start + Kᵀ·a for one 16-star group, Kᵀ (Out × In) column-major in place, `start`
// the layer's bias (or zero): per pair of stars In vector updates of the Out-long output
// columns, held in registers, starting from the bias (a separate pass adding it cost 5 % of
// the kernel). Eigen's product of these fixed sizes goes through its blocked GEMM and packs
// both operands on every call, which for a 32×32 kernel costs about as much as the
// multiply-adds. The result is written into `out` (no temporary to copy: the forward pass
// keeps its matrices in a struct).
template <int Out, int In, typename Start>
void timesGroup(const Eigen::Map<const Eigen::Matrix<float, Out, In>>& kt, const Eigen::Matrix<float, In, N>& a,
                const Start& start, Eigen::Matrix<float, Out, N>& out) {
    static_assert(N % 2 == 0);
    for (int s = 0; s < N; s += 2) {
        Eigen::Matrix<float, Out, 1> acc0 = start;
        Eigen::Matrix<float, Out, 1> acc1 = start;
        for (int k = 0; k < In; ++k) {
            acc0 += a(k, s) * kt.col(k);
            acc1 += a(k, s + 1) * kt.col(k);
        }
        out.col(s) = acc0;
        out.col(s + 1) = acc1;
    }
}

template <int Out>
auto zero() {
    return Eigen::Matrix<float, Out, 1>::Zero();
}

// g += d·aᵀ summed over the group's stars (Out × In, column-major in place), two output
// columns at a time with their sums in registers.
template <int Out, int In>
void addOuterProducts(Eigen::Map<Eigen::Matrix<float, Out, In>> g, const Eigen::Matrix<float, Out, N>& d,
                      const Eigen::Matrix<float, In, N>& a) {
    int j = 0;
    for (; j + 1 < In; j += 2) {
        Eigen::Matrix<float, Out, 1> acc0 = g.col(j), acc1 = g.col(j + 1);
        for (int s = 0; s < N; ++s) {
            acc0 += a(j, s) * d.col(s);
            acc1 += a(j + 1, s) * d.col(s);
        }
        g.col(j) = acc0;
        g.col(j + 1) = acc1;
    }
    if (j < In) { // odd In: the last column alone
        Eigen::Matrix<float, Out, 1> acc = g.col(j);
        for (int s = 0; s < N; ++s)
            acc += a(j, s) * d.col(s);
        g.col(j) = acc;
    }
}

// The forward pass of a group: the inputs, both hidden layers' activations, the colour
// prediction and R = exp(K_Rᵀ x + b_R); shared by the gradient and the loss alone.
struct GroupForward {
    Eigen::Matrix<float, 3, N> x;
    Eigen::Matrix<float, 1, N> e;
    Eigen::Matrix<float, H1, N> a1;
    Eigen::Matrix<float, H2, N> a2;
    Eigen::Matrix<float, B, N> g; // prediction; the gradient kernel then overwrites it with ∂/∂prediction
    Eigen::Matrix<float, B, N> r;
};

[[gnu::always_inline]] inline void runForward(const NetworkLayout& layout, const float* params, const StarSample* samples,
                std::span<const std::uint32_t> indices, bool sigmoid, GroupForward& f) {
    const LayerSlot& l1 = layout.hidden[0];
    const LayerSlot& l2 = layout.hidden[1];
    const LayerSlot& out = layout.colorOutput;
    const LayerSlot& ext = layout.extinction;

    // The group's samples sit at random places of a large array (the epoch's shuffled
    // order): ask for all their cache lines now, so that they arrive together while the
    // forward pass runs instead of one miss at a time in the whitening loop. (The epoch
    // asks a mini-batch ahead too, epoch_runner.cpp; then these find them in the cache.)
    for (int s = 0; s < N; ++s)
        prefetchSample(samples + indices[std::size_t(s)]);
    for (int s = 0; s < N; ++s) {
        const StarSample& star = samples[indices[std::size_t(s)]];
        f.x.col(s) << star.x[0], star.x[1], star.x[2];
        f.e[s] = star.e;
    }

    // Stellar sector, then R = exp(K_Rᵀ x + b_R).
    timesGroup<H1, 3>(kernelT<H1, 3>(params, l1), f.x, bias<H1>(params, l1), f.a1);
    activate(f.a1, sigmoid);
    timesGroup<H2, H1>(kernelT<H2, H1>(params, l2), f.a1, bias<H2>(params, l2), f.a2);
    activate(f.a2, sigmoid);
    timesGroup<B, H2>(kernelT<B, H2>(params, out), f.a2, bias<B>(params, out), f.g);
    timesGroup<B, 3>(kernelT<B, 3>(params, ext), f.x, bias<B>(params, ext), f.r);
    f.r = f.r.array().exp().matrix();
}

// The unwhitened residual d = B·M + E·B·R − y of star s of the group.
[[gnu::always_inline]] inline void residual(const GroupForward& f, int s, const StarSample& star, float* d) {
    const float r0 = f.r(0, s);
    d[0] = f.g(0, s) + f.e[s] * r0 - star.y[0];
    for (int b = 1; b < B; ++b)
        d[b] = f.g(b, s) + f.e[s] * (f.r(b, s) - r0) - star.y[b];
}

// One value per star of the group: the whitening runs across the group's 16 stars, one
// vector operation per entry of the packed triangle, instead of star by star in scalar loops
// (in the gradient kernel 68 of 366 ns a star; 317 ns in all after, bench_batch_kernel). The
// arithmetic per star is the general path's whitenedNormAndGradient (packed_whitening.h),
// in the same order; where the compiler fuses a multiply and an add differs, so the last bit
// of a result can. The loss alone takes the same path (169 instead of 157 ns a star), so
// that the validation loss and the training loss of a star are the same number.
using Lanes = Eigen::Array<float, N, 1>;

// The group's whitening triangles, entry by entry: w[k](s) is entry k of star s's W.
struct GroupTriangles {
    Lanes w[kPackedTriangleSize];
};

[[gnu::always_inline]] inline void loadTriangles(const StarSample* samples, std::span<const std::uint32_t> indices,
                                                 GroupTriangles& t) {
    for (int s = 0; s < N; ++s) {
        alignas(64) float w[kStoredTriangleSize];
        loadWhitening(samples[indices[std::size_t(s)]], w);
        for (std::size_t k = 0; k < kPackedTriangleSize; ++k)
            t.w[k](s) = w[k];
    }
}

// |W d|² per star; with `gradient`, also gradient[b] = 2·scale·(Wᵀ W d)_b.
[[gnu::always_inline]] inline Lanes whitenGroup(const GroupTriangles& t, const Lanes* d, float scale,
                                                Lanes* gradient) {
    Lanes res[B];
    Lanes sum2 = Lanes::Zero();
    int k = 0;
#pragma GCC unroll 13
    for (int i = 0; i < B; ++i) {
        Lanes acc = Lanes::Zero();
        for (int j = 0; j <= i; ++j)
            acc += t.w[k + j] * d[j];
        k += i + 1;
        res[i] = acc;
        sum2 += acc * acc;
    }
    if (!gradient)
        return sum2;
    for (int b = 0; b < B; ++b)
        gradient[b] = Lanes::Zero();
    k = 0;
#pragma GCC unroll 13
    for (int i = 0; i < B; ++i) {
        const Lanes ri = 2.0f * scale * res[i];
        for (int j = 0; j <= i; ++j)
            gradient[j] += t.w[k + j] * ri;
        k += i + 1;
    }
    return sum2;
}

// The group's unwhitened residuals, band by band across the stars.
[[gnu::always_inline]] inline void groupResiduals(const GroupForward& f, const StarSample* samples,
                                                  std::span<const std::uint32_t> indices, Lanes* d) {
    for (int s = 0; s < N; ++s) {
        float ds[B];
        residual(f, s, samples[indices[std::size_t(s)]], ds);
        for (int b = 0; b < B; ++b)
            d[b](s) = ds[b];
    }
}

// Σ|W d|² over the group, summed in star order in double; with `gradient`, as whitenGroup.
[[gnu::always_inline]] inline double whitenedGroupLoss(const GroupForward& f, const StarSample* samples,
                                                       std::span<const std::uint32_t> indices, float scale,
                                                       Lanes* gradient) {
    GroupTriangles t;
    loadTriangles(samples, indices, t);
    Lanes d[B];
    groupResiduals(f, samples, indices, d);
    const Lanes sum2 = whitenGroup(t, d, scale, gradient);
    double total = 0.0;
    for (int s = 0; s < N; ++s)
        total += double(sum2(s));
    return total;
}

} // namespace

bool fixedKernelServes(const NetworkLayout& layout, std::size_t stars) {
    return stars == std::size_t(N) && layout.hidden.size() == 2 && layout.hidden[0].outputs == H1 &&
           layout.hidden[1].outputs == H2;
}

double lossFixedKernel(const NetworkLayout& layout, const float* params, const StarSample* samples,
                       std::span<const std::uint32_t> indices, bool sigmoid) {
    assert(fixedKernelServes(layout, indices.size()));
    GroupForward f;
    runForward(layout, params, samples, indices, sigmoid, f);
    return whitenedGroupLoss(f, samples, indices, 0.0f, nullptr);
}

double accumulateFixedKernel(const NetworkLayout& layout, const float* params, const StarSample* samples,
                             std::span<const std::uint32_t> indices, float scale, float* gradient, bool sigmoid) {
    assert(fixedKernelServes(layout, indices.size()));
    const LayerSlot& l1 = layout.hidden[0];
    const LayerSlot& l2 = layout.hidden[1];
    const LayerSlot& out = layout.colorOutput;
    const LayerSlot& ext = layout.extinction;
    GroupForward f;
    runForward(layout, params, samples, indices, sigmoid, f);
    const auto& x = f.x;
    const auto& e = f.e;
    const auto& a1 = f.a1;
    const auto& a2 = f.a2;
    auto& g = f.g;
    auto& r = f.r;

    // Whitened residual per star and ∂(scale·|W d|²)/∂d = 2·scale·Wᵀ W d.
    Lanes grads[B];
    const double total = whitenedGroupLoss(f, samples, indices, scale, grads);
    for (int s = 0; s < N; ++s) {
        // ∂/∂R = E · Bᵀ g (row 0 gets g₀ − Σ_{i≥1} gᵢ), times R for the exp.
        float rest = 0.0f;
        for (int b = 1; b < B; ++b) {
            const float grad = grads[b](s);
            g(b, s) = grad;
            rest += grad;
            r(b, s) *= e[s] * grad;
        }
        g(0, s) = grads[0](s);
        r(0, s) *= e[s] * (grads[0](s) - rest);
    }

    // Backward.
    addOuterProducts<B, 3>(kernelT<B, 3>(gradient, ext), r, x);
    bias<B>(gradient, ext) += r.rowwise().sum();
    addOuterProducts<B, H2>(kernelT<B, H2>(gradient, out), g, a2);
    bias<B>(gradient, out) += g.rowwise().sum();
    // The kernels themselves column-major (transposed copies, 416 and 1k floats) so that
    // the backward products pipeline as well.
    const Eigen::Matrix<float, H2, B> kOut = kernelT<B, H2>(params, out).transpose();
    Eigen::Matrix<float, H2, N> delta2;
    timesGroup<H2, B>(Eigen::Map<const Eigen::Matrix<float, H2, B>>(kOut.data()), g, zero<H2>(), delta2);
    scaleByActivationSlope(delta2, a2, sigmoid);
    addOuterProducts<H2, H1>(kernelT<H2, H1>(gradient, l2), delta2, a1);
    bias<H2>(gradient, l2) += delta2.rowwise().sum();
    const Eigen::Matrix<float, H1, H2> k2 = kernelT<H2, H1>(params, l2).transpose();
    Eigen::Matrix<float, H1, N> delta1;
    timesGroup<H1, H2>(Eigen::Map<const Eigen::Matrix<float, H1, H2>>(k2.data()), delta2, zero<H1>(), delta1);
    scaleByActivationSlope(delta1, a1, sigmoid);
    addOuterProducts<H1, 3>(kernelT<H1, 3>(gradient, l1), delta1, x);
    bias<H1>(gradient, l1) += delta1.rowwise().sum();
    return total;
}

} // namespace starlocus::core
