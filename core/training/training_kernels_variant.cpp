// SPDX-License-Identifier: GPL-3.0-or-later
// One CPU path's table of training kernels (training_kernels.h). Compiled once for the
// baseline as part of starlocus_core, and once per extra path with that path's -march
// into an isolated object (core/CpuVariants.cmake) together with the sources these
// functions call, so that Eigen and every callee are compiled for the path's registers.
// STARLOCUS_TRAINING_KERNELS_SYMBOL names the table, STARLOCUS_CPU_PATH its path
// (CpuPath's value); both unset in the baseline's build.
#include "core/training/training_kernels.h"

#if !defined(STARLOCUS_TRAINING_KERNELS_SYMBOL)
#define STARLOCUS_TRAINING_KERNELS_SYMBOL starlocus_training_kernels_baseline
#define STARLOCUS_CPU_PATH 0
#endif

// Objects of different paths exchange Eigen objects (workspaces, observations, model
// evaluations): their layout and the alignment of Eigen's heap blocks must not depend on
// the instruction set, which core/CMakeLists.txt ensures by fixing both at 64 bytes.
static_assert(EIGEN_MAX_ALIGN_BYTES == 64 && EIGEN_MAX_STATIC_ALIGN_BYTES == 64,
              "Eigen's alignment must be the same on every CPU path");

namespace starlocus::core {
namespace {

double accumulateGroup(BatchWorkspace& workspace, const NetworkLayout& layout, const float* params,
                       const StarSample* samples, std::span<const std::uint32_t> indices, float scale, float* gradient,
                       bool sigmoid) {
    return workspace.accumulate(layout, params, samples, indices, scale, gradient, sigmoid);
}

double groupLoss(BatchWorkspace& workspace, const NetworkLayout& layout, const float* params,
                 const StarSample* samples, std::span<const std::uint32_t> indices, bool sigmoid) {
    return workspace.loss(layout, params, samples, indices, sigmoid);
}

constexpr const char* kCompiledFor =
#if defined(__AVX512F__)
    "avx512f "
#endif
#if defined(__AVX2__)
    "avx2 "
#endif
#if defined(__FMA__)
    "fma "
#endif
#if defined(__SSE4_2__)
    "sse4.2 "
#endif
    "";

} // namespace
} // namespace starlocus::core

extern "C" const starlocus::core::TrainingKernels STARLOCUS_TRAINING_KERNELS_SYMBOL = {
    starlocus::core::CpuPath(STARLOCUS_CPU_PATH), starlocus::core::kCompiledFor, &starlocus::core::accumulateGroup,
    &starlocus::core::addRegularization, &starlocus::core::adamStep, &starlocus::core::addRegularizationPart,
    &starlocus::core::adamUpdate, &starlocus::core::groupLoss,
    &starlocus::core::updateStars};
