#include "core/training/fixed_batch_kernel.h"

#include "core/training/packed_whitening.h"

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

template <typename M>
void activate(M& a, bool sigmoid) {
    if (sigmoid)
        a = (1.0f + (-a.array()).exp()).inverse().matrix();
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

} // namespace

bool fixedKernelServes(const NetworkLayout& layout, std::size_t stars) {
    return stars == std::size_t(N) && layout.hidden.size() == 2 && layout.hidden[0].outputs == H1 &&
           layout.hidden[1].outputs == H2;
}

double accumulateFixedKernel(const NetworkLayout& layout, const float* params, const StarSample* samples,
                             std::span<const std::uint32_t> indices, float scale, float* gradient, bool sigmoid) {
    assert(fixedKernelServes(layout, indices.size()));
    const LayerSlot& l1 = layout.hidden[0];
    const LayerSlot& l2 = layout.hidden[1];
    const LayerSlot& out = layout.colorOutput;
    const LayerSlot& ext = layout.extinction;

    Eigen::Matrix<float, 3, N> x;
    Eigen::Matrix<float, 1, N> e;
    for (int s = 0; s < N; ++s) {
        const StarSample& star = samples[indices[std::size_t(s)]];
        x.col(s) << star.x[0], star.x[1], star.x[2];
        e[s] = star.e;
    }

    // Forward: stellar sector, then R = exp(K_Rᵀ x + b_R).
    Eigen::Matrix<float, H1, N> a1 = kernelT<H1, 3>(params, l1) * x;
    a1.colwise() += bias<H1>(params, l1);
    activate(a1, sigmoid);
    Eigen::Matrix<float, H2, N> a2 = kernelT<H2, H1>(params, l2) * a1;
    a2.colwise() += bias<H2>(params, l2);
    activate(a2, sigmoid);
    Eigen::Matrix<float, B, N> g = kernelT<B, H2>(params, out) * a2; // prediction, then ∂/∂prediction
    g.colwise() += bias<B>(params, out);
    Eigen::Matrix<float, B, N> r = kernelT<B, 3>(params, ext) * x;
    r.colwise() += bias<B>(params, ext);
    r = r.array().exp().matrix();

    // Whitened residual per star and ∂(scale·|W d|²)/∂d = 2·scale·Wᵀ W d.
    double total = 0.0;
    for (int s = 0; s < N; ++s) {
        const StarSample& star = samples[indices[std::size_t(s)]];
        float d[B], grad[B] = {};
        const float r0 = r(0, s);
        d[0] = g(0, s) + e[s] * r0 - star.y[0];
        for (int b = 1; b < B; ++b)
            d[b] = g(b, s) + e[s] * (r(b, s) - r0) - star.y[b];
        total += double(whitenedNormAndGradient(star.w, d, scale, grad));
        // ∂/∂R = E · Bᵀ g (row 0 gets g₀ − Σ_{i≥1} gᵢ), times R for the exp.
        float rest = 0.0f;
        for (int b = 1; b < B; ++b) {
            g(b, s) = grad[b];
            rest += grad[b];
            r(b, s) *= e[s] * grad[b];
        }
        g(0, s) = grad[0];
        r(0, s) *= e[s] * (grad[0] - rest);
    }

    // Backward.
    kernelT<B, 3>(gradient, ext).noalias() += r * x.transpose();
    bias<B>(gradient, ext) += r.rowwise().sum();
    kernelT<B, H2>(gradient, out).noalias() += g * a2.transpose();
    bias<B>(gradient, out) += g.rowwise().sum();
    Eigen::Matrix<float, H2, N> delta2 = kernelT<B, H2>(params, out).transpose() * g;
    scaleByActivationSlope(delta2, a2, sigmoid);
    kernelT<H2, H1>(gradient, l2).noalias() += delta2 * a1.transpose();
    bias<H2>(gradient, l2) += delta2.rowwise().sum();
    Eigen::Matrix<float, H1, N> delta1 = kernelT<H2, H1>(params, l2).transpose() * delta2;
    scaleByActivationSlope(delta1, a1, sigmoid);
    kernelT<H1, 3>(gradient, l1).noalias() += delta1 * x.transpose();
    bias<H1>(gradient, l1) += delta1.rowwise().sum();
    return total;
}

} // namespace starlocus::core
