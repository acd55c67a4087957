// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/common/parallel_for.h"

#include <algorithm>
#include <atomic>
#include <cstdlib>
#include <exception>
#include <thread>
#include <vector>

namespace starlocus::core {
namespace {

thread_local unsigned scopedThreadCount = 0; // 0: no ThreadCountScope

} // namespace

ThreadCountScope::ThreadCountScope(unsigned threads) : previous_(scopedThreadCount) {
    if (threads > 0)
        scopedThreadCount = threads;
}

ThreadCountScope::~ThreadCountScope() { scopedThreadCount = previous_; }

unsigned workerThreadCount() {
    if (scopedThreadCount > 0)
        return scopedThreadCount;
    if (const char* env = std::getenv("STARLOCUS_THREADS")) {
        const int n = std::atoi(env);
        if (n > 0)
            return static_cast<unsigned>(n);
    }
    return std::max(1u, std::thread::hardware_concurrency());
}

void parallelFor(std::size_t n, std::size_t chunkSize,
                 const std::function<void(std::size_t, std::size_t)>& body) {
    if (n == 0)
        return;
    chunkSize = std::max<std::size_t>(1, chunkSize);
    const std::size_t chunks = (n + chunkSize - 1) / chunkSize;
    const unsigned threads = static_cast<unsigned>(std::min<std::size_t>(workerThreadCount(), chunks));
    std::vector<std::exception_ptr> errors(chunks);
    std::atomic<std::size_t> next{0};
    auto work = [&] {
        for (std::size_t c = next.fetch_add(1); c < chunks; c = next.fetch_add(1)) {
            const std::size_t begin = c * chunkSize;
            try {
                body(begin, std::min(n, begin + chunkSize));
            } catch (...) {
                errors[c] = std::current_exception();
            }
        }
    };
    std::vector<std::thread> pool;
    for (unsigned t = 1; t < threads; ++t)
        pool.emplace_back(work);
    work();
    for (auto& th : pool)
        th.join();
    for (auto& e : errors)
        if (e)
            std::rethrow_exception(e);
}

} // namespace starlocus::core
