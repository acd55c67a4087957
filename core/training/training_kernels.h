// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The trainer's hot kernels as one table per CPU path (core/common/cpu_dispatch.h): the
// gradient of a group of stars and the regularisation and Adam step of every mini-batch
// (the epoch), the loss of a group (validation) and the per-star update of a range of
// stars (after every iteration). Each path's table is
// training_kernels_variant.cpp compiled together with the sources it calls for that
// path's instruction set (core/CMakeLists.txt lists them).
#include "core/common/cpu_dispatch.h"
#include "core/training/adam.h"
#include "core/training/batch_gradient.h"
#include "core/training/update_stars.h"

#include <cstdint>
#include <span>

namespace starlocus::core {

struct TrainingKernels {
    CpuPath path;
    // The instruction sets the compiler was told it may use for this table, from its
    // predefined macros ("sse4.2 " for x86-64-v2, "avx2 fma sse4.2 " for x86-64-v3): what
    // a test checks.
    const char* compiledFor;
    // BatchWorkspace::accumulate of this path.
    double (*accumulate)(BatchWorkspace& workspace, const NetworkLayout& layout, const float* params,
                         const StarSample* samples, std::span<const std::uint32_t> indices, float scale,
                         float* gradient, bool sigmoid);
    // addRegularization and adamStep of this path: once per mini-batch, on the trainer's
    // thread while the workers wait (serial time of every batch).
    double (*addRegularization)(const NetworkLayout& layout, const float* params, double l2Hidden,
                                double l1Extinction, float* gradient);
    void (*adamStep)(ParameterVector& params, const ParameterVector& gradient, AdamState& state, double learningRate,
                     const AdamSettings& settings);
    // The same split into parts of the parameters, run on the team (addRegularizationPart,
    // adamUpdate: adam.h).
    double (*addRegularizationPart)(const NetworkLayout& layout, const float* params, double l2Hidden,
                                    double l1Extinction, float* gradient, std::size_t begin, std::size_t end);
    void (*adamUpdate)(float* params, float* m, float* v, const float* gradient, std::size_t count,
                       const AdamStepScalars& step);
    // BatchWorkspace::loss of this path.
    double (*loss)(BatchWorkspace& workspace, const NetworkLayout& layout, const float* params,
                   const StarSample* samples, std::span<const std::uint32_t> indices, bool sigmoid);
    // updateStars (update_stars.h) of this path.
    void (*updateStars)(const UpdateStarsJob& job, std::size_t begin, std::size_t end, UpdateStarsSums& sums);
};

// The table of `path`, or null when that path is not built into this binary.
const TrainingKernels* trainingKernelsFor(CpuPath path);
// The table of activeCpuPath().
const TrainingKernels& trainingKernels();

} // namespace starlocus::core
