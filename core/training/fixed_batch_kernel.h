// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The paper's network (two hidden layers of 32) on exactly kFixedKernelStars stars, with
// every matrix of compile-time size: Eigen then unrolls the small products in registers
// instead of packing dynamic blocks for its general product, which at 16 stars cost
// more than the arithmetic (docs/PERFORMANCE.md). Same mathematics, same order of
// stars, as BatchWorkspace's general path, which serves every other layout and any
// group size.
#include "core/training/network_parameters.h"
#include "core/training/star_sample.h"

#include <cstdint>
#include <span>

namespace starlocus::core {

inline constexpr int kFixedKernelStars = 16;

// True when the fixed kernel serves this layout and group size.
bool fixedKernelServes(const NetworkLayout& layout, std::size_t stars);

// As BatchWorkspace::accumulate (adds the gradient of scale·Σ|r|² to `gradient`, returns
// Σ|r|²); requires fixedKernelServes(layout, indices.size()).
double accumulateFixedKernel(const NetworkLayout& layout, const float* params, const StarSample* samples,
                             std::span<const std::uint32_t> indices, float scale, float* gradient, bool sigmoid);

// As BatchWorkspace::loss (Σ|r|², no gradient: the validation loss); the same forward pass
// and the same per-star sums, in star order, as accumulateFixedKernel.
double lossFixedKernel(const NetworkLayout& layout, const float* params, const StarSample* samples,
                       std::span<const std::uint32_t> indices, bool sigmoid);

} // namespace starlocus::core
