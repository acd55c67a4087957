// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// A fixed team of threads for the training hot loop. run(tasks, fn) calls fn(task,
// worker) for task = 0 … tasks−1 on the team and returns when all are done. Tasks are
// claimed dynamically (the caller from the front, workers from the back), but each task
// writes only its own output slot, so results do not depend on which thread ran what.
// Workers spin briefly between calls (a mini-batch of 32 stars takes microseconds), then
// sleep on an atomic wait.
//
// A worker joins a call only while its tasks are not all taken: the calling thread then
// waits for the workers that joined, never for one the system has not run yet. On a host
// whose cores are shared with other programs a worker is often not running when a call
// starts; the caller then does the tasks itself instead of waiting a time slice of the
// scheduler for every mini-batch (docs/PERFORMANCE.md).
#include <atomic>
#include <cstdint>
#include <functional>
#include <thread>
#include <vector>

namespace starlocus::core {

class WorkerTeam {
public:
    explicit WorkerTeam(unsigned threads);
    ~WorkerTeam();
    WorkerTeam(const WorkerTeam&) = delete;
    WorkerTeam& operator=(const WorkerTeam&) = delete;

    unsigned size() const { return unsigned(threads_.size()) + 1; }
    void run(std::size_t tasks, const std::function<void(std::size_t task, unsigned worker)>& fn);

private:
    void workerLoop(unsigned worker);
    void work(unsigned worker);
    std::size_t claim(unsigned worker); // a task not taken yet, or tasks_ when none is left

    std::vector<std::thread> threads_;
    const std::function<void(std::size_t, unsigned)>* job_ = nullptr;
    std::size_t tasks_ = 0;
    // Tasks not taken yet: [front, back), front in the low 32 bits (claim()).
    std::atomic<std::uint64_t> claims_{0};
    std::atomic<std::size_t> done_{0};
    std::atomic<unsigned> finished_{0}; // workers that joined this generation and are done with it
    std::atomic<std::uint64_t> generation_{0};
    // Who joined the current call: its generation (high bits), a closed flag (bit 15: the
    // caller took the last task, nobody joins any more) and the count of workers that
    // joined (bits 0–14).
    std::atomic<std::uint64_t> joined_{0};
    std::atomic<bool> quit_{false};
};

} // namespace starlocus::core
