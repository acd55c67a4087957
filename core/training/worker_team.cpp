// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/training/worker_team.h"

namespace starlocus::core {
namespace {
// Plain polls of an atomic before a waiting thread starts yielding. A mini-batch hands work
// over every ~15 µs; sched_yield is a system call (and on this VM a hypervisor round trip),
// while a plain load loop costs nothing but the core it already holds. No pause
// instruction: under the hypervisor's pause-loop exiting that made hand-overs much slower.
constexpr int kPollsBeforeYield = 4096;

// joined_: generation << 16 | closed flag | count.
constexpr std::uint64_t kClosed = 1u << 15;
constexpr std::uint64_t kCountMask = kClosed - 1;
std::uint64_t joinWord(std::uint64_t generation) { return generation << 16; }
bool sameGeneration(std::uint64_t word, std::uint64_t generation) { return (word >> 16) == (generation & 0xFFFFFFFFFFFFull); }
} // namespace

WorkerTeam::WorkerTeam(unsigned threads) {
    for (unsigned t = 1; t < std::max(1u, threads); ++t)
        threads_.emplace_back([this, t] { workerLoop(t); });
}

WorkerTeam::~WorkerTeam() {
    quit_.store(true, std::memory_order_release);
    generation_.fetch_add(1, std::memory_order_acq_rel);
    generation_.notify_all();
    for (auto& t : threads_)
        t.join();
}

// The caller takes tasks from the front, the workers from the back: with two threads and
// the same tasks call after call (a mini-batch's two gradient tasks, the step's four parts)
// each thread then mostly gets the same ones, so the parts of the parameters and of Adam's
// moments that a thread updates stay in its core's cache instead of moving between the
// cores every mini-batch.
std::size_t WorkerTeam::claim(unsigned worker) {
    std::uint64_t word = claims_.load(std::memory_order_acquire);
    for (;;) {
        const std::uint64_t front = word & 0xFFFFFFFFu, back = word >> 32;
        if (front >= back)
            return tasks_; // all taken
        const std::uint64_t next = worker == 0 ? word + 1 : word - (std::uint64_t(1) << 32);
        if (claims_.compare_exchange_weak(word, next, std::memory_order_acq_rel, std::memory_order_acquire))
            return std::size_t(worker == 0 ? front : back - 1);
    }
}

void WorkerTeam::work(unsigned worker) {
    for (std::size_t task = claim(worker); task < tasks_; task = claim(worker)) {
        (*job_)(task, worker);
        done_.fetch_add(1, std::memory_order_acq_rel);
    }
}

void WorkerTeam::run(std::size_t tasks, const std::function<void(std::size_t, unsigned)>& fn) {
    if (tasks == 0)
        return;
    if (threads_.empty() || tasks == 1) {
        for (std::size_t t = 0; t < tasks; ++t)
            fn(t, 0);
        return;
    }
    job_ = &fn;
    tasks_ = tasks;
    claims_.store(std::uint64_t(tasks) << 32, std::memory_order_relaxed); // front 0, back = tasks
    done_.store(0, std::memory_order_relaxed);
    finished_.store(0, std::memory_order_relaxed);
    const std::uint64_t generation = generation_.load(std::memory_order_relaxed) + 1;
    joined_.store(joinWord(generation), std::memory_order_release); // publishes job_ and tasks_
    generation_.store(generation, std::memory_order_release);
    generation_.notify_all();
    work(0);
    // Every task is taken: close the call to workers that have not joined yet, and wait for
    // those that have (they touch the counters until they report back; the others never
    // will, so the next call's reset cannot meet them).
    const std::uint64_t joined = joined_.fetch_or(kClosed, std::memory_order_acq_rel) & kCountMask;
    const auto allDone = [&] {
        return done_.load(std::memory_order_acquire) >= tasks &&
               finished_.load(std::memory_order_acquire) == joined;
    };
    for (int spin = 0; spin < kPollsBeforeYield && !allDone(); ++spin)
        continue; // plain polls first (kPollsBeforeYield)
    while (!allDone())
        std::this_thread::yield(); // microseconds on a quiet machine; never hog a shared core
    job_ = nullptr;
}

void WorkerTeam::workerLoop(unsigned worker) {
    std::uint64_t seen = 0;
    for (;;) {
        std::uint64_t gen = generation_.load(std::memory_order_acquire);
        for (int spin = 0; gen == seen && spin < kPollsBeforeYield; ++spin)
            gen = generation_.load(std::memory_order_acquire);
        for (int spin = 0; gen == seen && spin < 20000; ++spin) {
            std::this_thread::yield();
            gen = generation_.load(std::memory_order_acquire);
        }
        if (gen == seen) {
            generation_.wait(seen, std::memory_order_acquire);
            continue;
        }
        seen = gen;
        if (quit_.load(std::memory_order_acquire))
            return;
        // Join this call unless the caller already took every task (or a later call began).
        std::uint64_t word = joined_.load(std::memory_order_acquire);
        bool join = false;
        while (!join && sameGeneration(word, gen) && !(word & kClosed))
            join = joined_.compare_exchange_weak(word, word + 1, std::memory_order_acq_rel, std::memory_order_acquire);
        if (!join)
            continue;
        work(worker);
        finished_.fetch_add(1, std::memory_order_acq_rel);
    }
}

} // namespace starlocus::core
