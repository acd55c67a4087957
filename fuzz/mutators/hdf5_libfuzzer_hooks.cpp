// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer's custom mutator and crossover for the HDF5 targets. Part of the time the plain
// byte mutations (truncations, flips, inserted bytes: the metadata parser's own cases),
// otherwise one structure-aware edit (hdf5_mutator.h); a string attribute holding JSON
// (model_config, the checkpoint's config) gets a JSON-aware edit there.
#include "fuzz/mutators/hdf5_mutator.h"

#include <cstring>

extern "C" std::size_t LLVMFuzzerMutate(std::uint8_t* data, std::size_t size, std::size_t maxSize);

namespace {
constexpr unsigned kBytePercent = 30;
}

extern "C" std::size_t LLVMFuzzerCustomMutator(std::uint8_t* data, std::size_t size, std::size_t maxSize,
                                               unsigned int seed) {
    std::mt19937_64 rng(seed);
    if (rng() % 100 >= kBytePercent) {
        const auto image = starlocus::fuzz::mutateHdf5(data, size, rng);
        if (image && !image->empty() && image->size() <= maxSize) {
            std::memcpy(data, image->data(), image->size());
            return image->size();
        }
    }
    return LLVMFuzzerMutate(data, size, maxSize);
}

extern "C" std::size_t LLVMFuzzerCustomCrossOver(const std::uint8_t* data1, std::size_t size1,
                                                 const std::uint8_t* data2, std::size_t size2, std::uint8_t* out,
                                                 std::size_t maxOutSize, unsigned int seed) {
    std::mt19937_64 rng(seed);
    const auto image = starlocus::fuzz::crossOverHdf5(data1, size1, data2, size2, rng);
    if (image && image->size() <= maxOutSize) {
        std::memcpy(out, image->data(), image->size());
        return image->size();
    }
    // The head of one file with the tail of the other (the superblock of one, say).
    const std::size_t head = size1 ? std::size_t(rng() % size1) : 0;
    const std::size_t tail = std::min(size2 - std::min(size2, head), maxOutSize - std::min(maxOutSize, head));
    const std::size_t n = std::min(head, maxOutSize);
    std::memcpy(out, data1, n);
    if (tail)
        std::memcpy(out + n, data2 + (size2 - tail), tail);
    return n + tail;
}
