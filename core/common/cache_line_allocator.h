// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// A std::vector allocator whose storage starts on a 64-byte cache line, so that records of a
// multiple of 64 bytes (the label grid's 128-byte nodes) each occupy whole lines: one node
// then costs two cache misses, not three.
#include <cstddef>
#include <new>

namespace starlocus::core {

inline constexpr std::size_t kCacheLineBytes = 64;

template <class T>
struct CacheLineAllocator {
    using value_type = T;
    CacheLineAllocator() = default;
    template <class U>
    constexpr CacheLineAllocator(const CacheLineAllocator<U>&) noexcept {}
    T* allocate(std::size_t n) {
        return static_cast<T*>(::operator new(n * sizeof(T), std::align_val_t{kCacheLineBytes}));
    }
    void deallocate(T* p, std::size_t) noexcept { ::operator delete(p, std::align_val_t{kCacheLineBytes}); }
    template <class U>
    bool operator==(const CacheLineAllocator<U>&) const noexcept { return true; }
};

} // namespace starlocus::core
