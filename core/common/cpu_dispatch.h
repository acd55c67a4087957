// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Which instruction set the hot kernels run with: the one place that decides.
//
// Why: the default build targets x86-64-v2, so a package built here runs on any x86-64
// CPU since about 2009. The trainer's epoch and the iteration update are 1.5× faster
// with AVX2 + FMA (docs/PERFORMANCE.md), so those kernels are also compiled for
// x86-64-v3 (AVX2, FMA) and for x86-64-v4 (AVX-512), each into an object of its own whose
// symbols are all local except one table (core/CpuVariants.cmake says why it must be
// isolated). The path is chosen once per process: the best one this CPU runs, or the one
// named by the environment variable STARLOCUS_CPU (baseline | avx2 | avx512) for tests and
// benchmarks. Builds with -march=native and non-x86 builds have the baseline only (there
// the compiler's own target is the best path). What AVX-512 gives depends on the CPU: on an
// Intel Xeon with two 512-bit FMA units the training kernel is ≈ 16 % faster than with
// AVX2, on an AMD EPYC that splits 512-bit operations in two ≈ 2 % (docs/PERFORMANCE.md,
// "Portable binaries" and "An AVX-512 path").
#include <optional>
#include <string_view>

namespace starlocus::core {

enum class CpuPath : int {
    Baseline = 0, // the build's own target (x86-64-v2 by default, plain x86-64 under the sanitizers)
    Avx2 = 1,     // x86-64-v3: AVX2, FMA, BMI2
    Avx512 = 2,   // x86-64-v4: AVX-512 F, BW, CD, DQ, VL
};
inline constexpr CpuPath kAllCpuPaths[] = {CpuPath::Baseline, CpuPath::Avx2, CpuPath::Avx512}; // plainest first

std::string_view cpuPathName(CpuPath path); // "baseline", "avx2", "avx512"
std::optional<CpuPath> cpuPathFromName(std::string_view name);

// Compiled into this binary.
bool cpuPathBuilt(CpuPath path);
// Built, and this CPU (and OS) executes its instructions.
bool cpuPathRuns(CpuPath path);

// The path the hot kernels take, fixed at the first call: STARLOCUS_CPU when it names a
// path that runs here, else the best path that runs (a STARLOCUS_CPU that cannot be
// honoured is reported once on stderr).
CpuPath activeCpuPath();

// The choice activeCpuPath() makes for a given STARLOCUS_CPU value (empty: not set), with
// the reason when the value was not honoured; for tests.
struct CpuPathChoice {
    CpuPath path = CpuPath::Baseline;
    std::string_view problem; // empty when the request was honoured or there was none
};
CpuPathChoice chooseCpuPath(std::string_view requested);

} // namespace starlocus::core
