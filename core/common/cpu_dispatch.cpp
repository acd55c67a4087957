// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/common/cpu_dispatch.h"

#include <cstdio>
#include <cstdlib>

namespace starlocus::core {

std::string_view cpuPathName(CpuPath path) {
    switch (path) {
    case CpuPath::Baseline: return "baseline";
    case CpuPath::Avx2: return "avx2";
    case CpuPath::Avx512: return "avx512";
    }
    return "?";
}

std::optional<CpuPath> cpuPathFromName(std::string_view name) {
    for (CpuPath path : kAllCpuPaths)
        if (cpuPathName(path) == name)
            return path;
    return std::nullopt;
}

bool cpuPathBuilt(CpuPath path) {
#if defined(STARLOCUS_CPU_VARIANTS)
    (void)path;
    return true;
#else
    return path == CpuPath::Baseline;
#endif
}

bool cpuPathRuns(CpuPath path) {
    if (!cpuPathBuilt(path))
        return false;
#if defined(STARLOCUS_CPU_VARIANTS)
    // libgcc's check includes the OS side (XGETBV): a kernel that does not save the YMM
    // registers gives no x86-64-v3.
    __builtin_cpu_init();
    switch (path) {
    case CpuPath::Baseline: return true;
    case CpuPath::Avx2: return __builtin_cpu_supports("x86-64-v3");
    case CpuPath::Avx512: return __builtin_cpu_supports("x86-64-v4");
    }
    return false;
#else
    return path == CpuPath::Baseline;
#endif
}

CpuPathChoice chooseCpuPath(std::string_view requested) {
    CpuPathChoice choice;
    for (CpuPath path : kAllCpuPaths)
        if (cpuPathRuns(path))
            choice.path = path; // kAllCpuPaths runs from the plainest to the widest
    if (requested.empty())
        return choice;
    const std::optional<CpuPath> wanted = cpuPathFromName(requested);
    if (!wanted)
        choice.problem = "is not one of baseline, avx2, avx512";
    else if (!cpuPathBuilt(*wanted))
        choice.problem = "is not built into this binary (native or non-x86 build)";
    else if (!cpuPathRuns(*wanted))
        choice.problem = "is not supported by this CPU";
    else
        choice.path = *wanted;
    return choice;
}

CpuPath activeCpuPath() {
    static const CpuPath path = [] {
        const char* env = std::getenv("STARLOCUS_CPU");
        const std::string_view requested = env ? env : "";
        const CpuPathChoice choice = chooseCpuPath(requested);
        if (!choice.problem.empty())
            std::fprintf(stderr, "starlocus: STARLOCUS_CPU=%s %.*s; using %.*s\n", env, int(choice.problem.size()),
                         choice.problem.data(), int(cpuPathName(choice.path).size()), cpuPathName(choice.path).data());
        return choice.path;
    }();
    return path;
}

} // namespace starlocus::core
