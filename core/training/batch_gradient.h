// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Forward and backward pass of the training graph (Fig. 3) for a group of stars:
//   r = W · (B·M(x) + E · B·R(x) − y),   loss = Σ |r|² / (13 · batch)
// accumulating ∂loss/∂parameters. Dense float32 work on column-major (features × stars)
// matrices; the whitening is applied from the packed triangle row by row.
// Regularisation is added once per batch by addRegularization().
#include "core/training/network_parameters.h"
#include "core/training/star_sample.h"

#include <Eigen/Core>
#include <span>

namespace starlocus::core {

// Scratch space of one worker, sized once for at most `maxStars` stars per call.
class BatchWorkspace {
public:
    BatchWorkspace(const NetworkLayout& layout, int maxStars);

    // Adds the gradient of Σ_s |r_s|² · scale to `gradient` (size layout.size) and returns
    // Σ_s |r_s|² for the stars `indices` of `samples`.
    double accumulate(const NetworkLayout& layout, const float* params, const StarSample* samples,
                      std::span<const std::uint32_t> indices, float scale, float* gradient, bool sigmoid = true);

    // The same with the general (any layout, any group size) code, never the fixed kernel
    // (fixed_batch_kernel.h) that accumulate() picks for the paper's layout at 16 stars.
    double accumulateGeneral(const NetworkLayout& layout, const float* params, const StarSample* samples,
                             std::span<const std::uint32_t> indices, float scale, float* gradient,
                             bool sigmoid = true);

    // Σ_s |r_s|² only (validation / evaluation).
    double loss(const NetworkLayout& layout, const float* params, const StarSample* samples,
                std::span<const std::uint32_t> indices, bool sigmoid = true);

    // The same with the general code only, never the fixed kernel.
    double lossGeneral(const NetworkLayout& layout, const float* params, const StarSample* samples,
                       std::span<const std::uint32_t> indices, bool sigmoid = true);

private:
    double forward(const NetworkLayout& layout, const float* params, const StarSample* samples,
                   std::span<const std::uint32_t> indices, bool sigmoid, bool keepResidualGradient, float scale);

    Eigen::MatrixXf x_;                 // 3 × n
    std::vector<Eigen::MatrixXf> act_;  // hidden activations, width × n
    Eigen::MatrixXf r_;                 // R, 13 × n
    Eigen::MatrixXf g_;                 // ∂loss/∂prediction, 13 × n
    Eigen::MatrixXf delta_, deltaNext_; // back-propagated errors
    Eigen::VectorXf e_;                 // E per star
};

// Loss of Eq. 15 beyond χ²: λ_s Σ w² over hidden kernels + λ_r Σ |w| over the R kernel;
// adds its gradient to `gradient` and returns its value.
double addRegularization(const NetworkLayout& layout, const float* params, double l2Hidden, double l1Extinction,
                         float* gradient);
double regularization(const NetworkLayout& layout, const float* params, double l2Hidden, double l1Extinction);
// addRegularization over the parameters [begin, end) only (the gradient's entries there, the
// value's terms there), its sums in four independent chains: the parts of a mini-batch's
// step run on several threads (epoch_runner.cpp). The gradient is the whole's to the bit.
double addRegularizationPart(const NetworkLayout& layout, const float* params, double l2Hidden, double l1Extinction,
                             float* gradient, std::size_t begin, std::size_t end);

} // namespace starlocus::core
