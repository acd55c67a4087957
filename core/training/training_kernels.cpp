// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/training/training_kernels.h"

// One table per built path, each defined by training_kernels_variant.cpp.
extern "C" const starlocus::core::TrainingKernels starlocus_training_kernels_baseline;
#if defined(STARLOCUS_CPU_VARIANTS)
extern "C" const starlocus::core::TrainingKernels starlocus_training_kernels_avx2;
extern "C" const starlocus::core::TrainingKernels starlocus_training_kernels_avx512;
#endif

namespace starlocus::core {

const TrainingKernels* trainingKernelsFor(CpuPath path) {
    switch (path) {
    case CpuPath::Baseline: return &starlocus_training_kernels_baseline;
#if defined(STARLOCUS_CPU_VARIANTS)
    case CpuPath::Avx2: return &starlocus_training_kernels_avx2;
    case CpuPath::Avx512: return &starlocus_training_kernels_avx512;
#else
    case CpuPath::Avx2:
    case CpuPath::Avx512: return nullptr;
#endif
    }
    return nullptr;
}

const TrainingKernels& trainingKernels() {
    static const TrainingKernels& table = *trainingKernelsFor(activeCpuPath());
    return table;
}

} // namespace starlocus::core
