// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Parallel loop over [0, n) with a fixed chunking: chunk k always covers the same
// indices, so any per-chunk reduction combined in chunk order gives results that do
// not depend on thread timing or on the number of threads.
#include <cstddef>
#include <functional>

namespace starlocus::core {

// Number of worker threads used by the core: the innermost ThreadCountScope of the calling
// thread, else STARLOCUS_THREADS when it is a positive integer, else hardware concurrency.
unsigned workerThreadCount();

// Sets the thread count of the core's parallel loops started from this thread while it lives
// (e.g. a command's --threads), without touching the environment: setenv is not safe while
// another thread may read it, and the setting must not leak to other callers in the process
// (tests run commands in-process). 0 leaves the count as it is.
class ThreadCountScope {
public:
    explicit ThreadCountScope(unsigned threads);
    ~ThreadCountScope();
    ThreadCountScope(const ThreadCountScope&) = delete;
    ThreadCountScope& operator=(const ThreadCountScope&) = delete;

private:
    unsigned previous_;
};

// Calls body(begin, end) for consecutive chunks of at most chunkSize indices.
// Exceptions thrown by body are rethrown (the first one, by chunk order).
void parallelFor(std::size_t n, std::size_t chunkSize,
                 const std::function<void(std::size_t, std::size_t)>& body);

} // namespace starlocus::core
