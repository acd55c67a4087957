// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// What the hot loop reads for one star: the whitening W (packed lower triangle, Eq. 10),
// the c-space target y = B(m̂ − μ) (0 on dropped entries), normalized labels x and the
// reddening E of the current iteration. 256 bytes: four cache lines, one sample per four.
//
// W is stored in 16 bits (IEEE binary16) times a power of two per star, chosen so that the
// star's largest entry lies in [2¹⁴, 2¹⁵): every entry keeps 11 significant bits (relative
// rounding ≤ 2⁻¹¹ = 4.9·10⁻⁴) whatever the star's photometric precision, and none overflows.
// In float32 the sample was 432 bytes (7–8 lines); at 2.9 M stars the epochs read the
// samples from memory, and each star's lines were a third of its time (docs/PERFORMANCE.md,
// "Whitening in 16 bits"). Unpacked, W is float32 again: the arithmetic is unchanged, only
// W's values are rounded, the same way on every CPU path (round to nearest even; exact
// back to float), so results stay deterministic and path-independent.
#include "core/likelihood/whitening.h"

#include <Eigen/Core>

#include <algorithm>
#include <cmath>
#include <cstdint>

#if defined(__F16C__) || defined(__AVX512F__)
#include <immintrin.h>
#endif

namespace starlocus::core {

// The stored triangle: the 91 entries and one zero, so that it converts in whole vectors.
inline constexpr std::size_t kStoredTriangleSize = kPackedTriangleSize + 1;

struct alignas(64) StarSample {
    std::uint16_t wHalf[kStoredTriangleSize]; // binary16 of W / wScale, row-major lower triangle
    float wScale;                             // a power of two: W = wScale · wHalf, exactly
    float y[kBandCount];
    float x[3];
    float e;
};
static_assert(sizeof(StarSample) == 256, "one sample is four cache lines");

namespace detail {

inline float halfToFloat(std::uint16_t bits) {
    return static_cast<float>(Eigen::numext::bit_cast<Eigen::half>(bits));
}
inline std::uint16_t floatToHalf(float value) { // round to nearest even, as F16C's imm 0
    return Eigen::numext::bit_cast<std::uint16_t>(Eigen::half(value));
}

// The power of two that puts |w|max in [2¹⁴, 2¹⁵) (1 for an all-zero or non-finite W, which
// the trainer never keeps; the exponent is bounded so the scale stays a normal float).
inline float whiteningScale(const float* w) {
    float largest = 0.0f;
    for (std::size_t k = 0; k < kPackedTriangleSize; ++k)
        largest = std::max(largest, std::fabs(w[k]));
    if (!(largest > 0.0f) || !std::isfinite(largest))
        return 1.0f;
    int exponent = 0;
    (void)std::frexp(largest, &exponent); // largest ∈ [2^(exponent−1), 2^exponent)
    return std::ldexp(1.0f, std::clamp(exponent - 15, -100, 100));
}

} // namespace detail

// Stores W (91 floats, packed lower triangle) in the sample, rounded to 11 significant bits.
inline void storeWhitening(StarSample& sample, const float* w) {
    const float scale = detail::whiteningScale(w);
    const float inverse = 1.0f / scale; // a power of two: exact, and so is every product
    alignas(64) float scaled[kStoredTriangleSize];
    for (std::size_t k = 0; k < kPackedTriangleSize; ++k)
        scaled[k] = w[k] * inverse;
    scaled[kPackedTriangleSize] = 0.0f;
    sample.wScale = scale;
#if defined(__F16C__)
    // 11 × 8 + 4 entries; the hardware conversion rounds to nearest even, as the scalar one.
    constexpr int kRound = _MM_FROUND_TO_NEAREST_INT | _MM_FROUND_NO_EXC;
    for (std::size_t k = 0; k + 8 <= kStoredTriangleSize; k += 8)
        _mm_storeu_si128(reinterpret_cast<__m128i*>(sample.wHalf + k),
                         _mm256_cvtps_ph(_mm256_loadu_ps(scaled + k), kRound));
    _mm_storel_epi64(reinterpret_cast<__m128i*>(sample.wHalf + 88), _mm_cvtps_ph(_mm_loadu_ps(scaled + 88), kRound));
    static_assert(kStoredTriangleSize == 92);
#else
    for (std::size_t k = 0; k < kStoredTriangleSize; ++k)
        sample.wHalf[k] = detail::floatToHalf(scaled[k]);
#endif
}

// W as float32 into out[0 … 91] (out[91] = 0).
inline void loadWhitening(const StarSample& sample, float* out) {
#if defined(__AVX512F__)
    const __m512 scale16 = _mm512_set1_ps(sample.wScale);
    for (std::size_t k = 0; k < 80; k += 16)
        _mm512_storeu_ps(out + k, _mm512_mul_ps(_mm512_cvtph_ps(_mm256_loadu_si256(
                                                    reinterpret_cast<const __m256i*>(sample.wHalf + k))),
                                                scale16));
    _mm256_storeu_ps(out + 80, _mm256_mul_ps(_mm256_cvtph_ps(_mm_loadu_si128(
                                                reinterpret_cast<const __m128i*>(sample.wHalf + 80))),
                                            _mm512_castps512_ps256(scale16)));
    _mm_storeu_ps(out + 88,
                  _mm_mul_ps(_mm_cvtph_ps(_mm_loadl_epi64(reinterpret_cast<const __m128i*>(sample.wHalf + 88))),
                             _mm512_castps512_ps128(scale16)));
#elif defined(__F16C__)
    const __m256 scale8 = _mm256_set1_ps(sample.wScale);
    for (std::size_t k = 0; k < 88; k += 8)
        _mm256_storeu_ps(out + k, _mm256_mul_ps(_mm256_cvtph_ps(_mm_loadu_si128(
                                                   reinterpret_cast<const __m128i*>(sample.wHalf + k))),
                                               scale8));
    _mm_storeu_ps(out + 88,
                  _mm_mul_ps(_mm_cvtph_ps(_mm_loadl_epi64(reinterpret_cast<const __m128i*>(sample.wHalf + 88))),
                             _mm256_castps256_ps128(scale8)));
#else
    for (std::size_t k = 0; k < kStoredTriangleSize; ++k)
        out[k] = detail::halfToFloat(sample.wHalf[k]) * sample.wScale;
#endif
}

// Entry k of the packed triangle, as loadWhitening gives it.
inline float whiteningEntry(const StarSample& sample, std::size_t k) {
    return detail::halfToFloat(sample.wHalf[k]) * sample.wScale;
}

namespace detail {
// Every cache line of the sample (four of them: 256 bytes at a 64-byte alignment);
// kForWrite: the lines arrive ready to be modified.
template <int kForWrite>
inline void prefetchSampleLines(const StarSample* sample) {
    constexpr std::uintptr_t kLine = 64;
    const auto first = reinterpret_cast<std::uintptr_t>(sample) & ~(kLine - 1);
    const auto last = reinterpret_cast<std::uintptr_t>(sample) + sizeof(StarSample) - 1;
    for (std::uintptr_t line = first; line <= last; line += kLine)
        __builtin_prefetch(reinterpret_cast<const void*>(line), kForWrite);
}
} // namespace detail

// Asks for every cache line of the sample, so that they travel while other work runs
// instead of one miss at a time where the kernel reads them.
inline void prefetchSample(const StarSample* sample) { detail::prefetchSampleLines<0>(sample); }
// The same, for a sample about to be written.
inline void prefetchSampleForWrite(StarSample* sample) { detail::prefetchSampleLines<1>(sample); }

} // namespace starlocus::core
