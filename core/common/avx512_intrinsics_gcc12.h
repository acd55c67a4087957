// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Included first into every source of a CPU path's kernels (core/CpuVariants.cmake).
//
// Why: GCC 12's own AVX-512 intrinsics make their "undefined" operands with a
// self-initialisation (`__m512 __Y = __Y;` in avx512fintrin.h), and once Eigen's packet
// functions are inlined into our kernels, -Wuninitialized and -Wmaybe-uninitialized report
// those lines, hundreds of times per file (GCC bug 105593, fixed in GCC 13 by a pragma in
// the header itself). The warnings are located in the system header, not in our code; the
// pragma below silences exactly those locations, the way GCC 13's header does, by
// including the intrinsics once inside it. Our own lines are still checked with every
// warning on. Nothing happens for another compiler or without AVX-512.
#if defined(__GNUC__) && !defined(__clang__) && __GNUC__ == 12 && defined(__AVX512F__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wuninitialized"
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
#include <immintrin.h>
#pragma GCC diagnostic pop
#endif
