// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/io/array_checksum.h"

#include <bit>
#include <cstdio>
#include <cstring>

namespace starlocus::core::hdf5 {
namespace {

constexpr std::uint64_t kOffsetBasis = 0xcbf29ce484222325ull;
constexpr std::uint64_t kPrime = 0x100000001b3ull;

std::uint64_t mix(std::uint64_t h, std::uint64_t word) { return (h ^ word) * kPrime; }

} // namespace

std::uint64_t arrayChecksum(const std::vector<hsize_t>& shape, const double* values, std::size_t count) {
    static_assert(std::endian::native == std::endian::little, "checksums are defined on little-endian bit patterns");
    std::uint64_t h = mix(kOffsetBasis, shape.size());
    for (hsize_t d : shape)
        h = mix(h, std::uint64_t(d));
    for (std::size_t i = 0; i < count; ++i) {
        std::uint64_t bits;
        std::memcpy(&bits, values + i, sizeof bits);
        h = mix(h, bits);
    }
    return h;
}

std::optional<std::string> ChecksumTally::note() const {
    if (absent == 0)
        return std::nullopt;
    if (verified == 0)
        return "no checksums (written before StarLocus stored them): damage to its arrays cannot be detected";
    return std::to_string(absent) + " of " + std::to_string(absent + verified) +
           " arrays have no checksum: damage to those cannot be detected";
}

std::string checksumText(std::uint64_t checksum) {
    char text[32];
    std::snprintf(text, sizeof text, "fnv1a64:%016llx", static_cast<unsigned long long>(checksum));
    return text;
}

} // namespace starlocus::core::hdf5
