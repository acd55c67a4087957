// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer's custom mutator and crossover for the JSON target: part of the time plain byte
// mutations (the parser's cases), otherwise a JSON-aware edit (json_mutator.h) that keeps
// the document valid so the loader's own checks are reached.
#include "fuzz/mutators/json_mutator.h"

#include <algorithm>
#include <cstring>

extern "C" std::size_t LLVMFuzzerMutate(std::uint8_t* data, std::size_t size, std::size_t maxSize);

namespace {

constexpr unsigned kBytePercent = 30;

std::size_t emit(const std::string& text, std::uint8_t* out, std::size_t maxSize) {
    if (text.empty() || text.size() > maxSize)
        return 0;
    std::memcpy(out, text.data(), text.size());
    return text.size();
}

} // namespace

extern "C" std::size_t LLVMFuzzerCustomMutator(std::uint8_t* data, std::size_t size, std::size_t maxSize,
                                               unsigned int seed) {
    std::mt19937_64 rng(seed);
    if (rng() % 100 >= kBytePercent) {
        const auto text = starlocus::fuzz::mutateJson({reinterpret_cast<const char*>(data), size}, rng);
        if (text)
            if (const std::size_t n = emit(*text, data, maxSize))
                return n;
    }
    return LLVMFuzzerMutate(data, size, maxSize);
}

extern "C" std::size_t LLVMFuzzerCustomCrossOver(const std::uint8_t* data1, std::size_t size1,
                                                 const std::uint8_t* data2, std::size_t size2, std::uint8_t* out,
                                                 std::size_t maxOutSize, unsigned int seed) {
    std::mt19937_64 rng(seed);
    const auto text = starlocus::fuzz::crossOverJson({reinterpret_cast<const char*>(data1), size1},
                                                     {reinterpret_cast<const char*>(data2), size2}, rng);
    if (text)
        if (const std::size_t n = emit(*text, out, maxOutSize))
            return n;
    const std::size_t n = std::min(size1, maxOutSize);
    std::memcpy(out, data1, n);
    return n;
}
