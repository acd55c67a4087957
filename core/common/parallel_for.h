// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Parallel loop over [0, n) with a fixed chunking: chunk k always covers the same
// indices, so any per-chunk reduction combined in chunk order gives results that do
// not depend on thread timing or on the number of threads.
#include <cstddef>
#include <functional>

namespace starlocus::core {

// Number of worker threads used by the core (hardware concurrency unless
// STARLOCUS_THREADS is set to a positive integer).
unsigned workerThreadCount();

// Calls body(begin, end) for consecutive chunks of at most chunkSize indices.
// Exceptions thrown by body are rethrown (the first one, by chunk order).
void parallelFor(std::size_t n, std::size_t chunkSize,
                 const std::function<void(std::size_t, std::size_t)>& body);

} // namespace starlocus::core
