// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/training/worker_team.h"

#include <algorithm>
#include <exception>
#include <stdexcept>

namespace starlocus::core {
namespace {
// Plain polls of an atomic before a waiting thread starts yielding. A mini-batch hands work
// over every ~10 µs; sched_yield is a system call (and on this VM a hypervisor round trip),
// while a plain load loop costs nothing but the core it already holds. No pause
// instruction: under the hypervisor's pause-loop exiting that made hand-overs much slower.
constexpr int kPollsBeforeYield = 4096;
// Then yields, before an idle worker sleeps on its mailbox (between epochs, during updates).
constexpr int kYieldsBeforeSleep = 20000;

// Polls `done` until it holds: plain loads first, then yields (microseconds on a quiet
// machine; never hog a shared core). For the caller waiting on threads that have joined.
template <typename Done>
void spinThenYieldUntil(const Done& done) {
    for (int spin = 0; spin < kPollsBeforeYield && !done(); ++spin)
        continue;
    while (!done())
        std::this_thread::yield();
}

// A mailbox word: the call's number and the state.
std::uint64_t mailWord(std::uint64_t call, std::uint64_t state) {
    return call << 2 | state;
}
std::uint64_t stateOf(std::uint64_t word) {
    return word & 3u;
}
} // namespace

WorkerTeam::WorkerTeam(unsigned threads) {
    const unsigned workers = std::max(1u, threads) - 1;
    mail_ = std::make_unique<Mailbox[]>(workers);
    for (unsigned w = 1; w <= workers; ++w)
        threads_.emplace_back([this, w] { workerLoop(w); });
}

WorkerTeam::~WorkerTeam() {
    try {
        finishBackground(); // the workers may still hold it
    } catch (...) {
        // a task's exception has nobody left to go to
    }
    quit_.store(true, std::memory_order_release);
    ++calls_;
    for (std::size_t w = 0; w < threads_.size(); ++w) {
        mail_[w].word.store(mailWord(calls_, kPosted), std::memory_order_release);
        mail_[w].word.notify_one();
    }
    for (auto& t : threads_)
        t.join();
}

WorkerTeam::Share WorkerTeam::shareOf(unsigned thread, unsigned threads, std::size_t tasks) {
    // ⌈i·tasks/n⌉: the caller's share is the first and, with any task at all, not empty.
    const auto bound = [&](std::size_t i) { return (i * tasks + threads - 1) / threads; };
    return {bound(thread), bound(std::size_t(thread) + 1)};
}

void WorkerTeam::run(std::size_t tasks, const Job& fn, const std::function<void()>& callerFirst) {
    call(tasks, fn, Mode::Claims, callerFirst);
}

void WorkerTeam::runShares(std::size_t tasks, const Job& fn) {
    call(tasks, fn, Mode::Shares);
}

void WorkerTeam::call(std::size_t tasks, const Job& fn, Mode mode, const std::function<void()>& callerFirst) {
    // The workers hold references to this call until it ends: an exception of the caller's
    // own work is kept until the call's tasks are done, then rethrown.
    std::exception_ptr callerFailure;
    const auto runCallerFirst = [&] {
        if (!callerFirst)
            return;
        try {
            callerFirst();
        } catch (...) {
            callerFailure = std::current_exception();
        }
    };
    if (tasks == 0 || threads_.empty() || tasks == 1) {
        runCallerFirst();
        for (std::size_t t = 0; t < tasks; ++t)
            fn(t, 0);
        if (callerFailure)
            std::rethrow_exception(callerFailure);
        return;
    }
    const unsigned n = size();
    const auto hasPart = [&](unsigned worker) {
        const Share s = shareOf(worker, n, tasks);
        return mode == Mode::Claims || s.first < s.end;
    };
    job_ = &fn;
    tasks_ = tasks;
    mode_ = mode;
    if (mode == Mode::Claims)
        claims_.store(std::uint64_t(tasks) << 32, std::memory_order_relaxed); // front 0, back = tasks
    const std::uint64_t call = ++calls_;
    // The release store publishes job_, tasks_, mode_ and claims_ to the worker that reads it.
    for (unsigned w = 1; w < n; ++w) {
        if (!hasPart(w))
            continue;
        mail_[w - 1].word.store(mailWord(call, kPosted), std::memory_order_release);
        mail_[w - 1].word.notify_one(); // no system call unless some worker sleeps
    }
    runCallerFirst();
    if (mode == Mode::Claims)
        workClaims(0);
    else
        workShare(0, 0);
    // Every worker that has not joined yet is left out, and its share done here; then the
    // others are waited for (they touch the call's state until they report back).
    const std::uint64_t leftOut = mailWord(call, kLeftOut);
    for (unsigned w = 1; w < n; ++w) {
        if (!hasPart(w))
            continue;
        std::uint64_t posted = mailWord(call, kPosted);
        const bool left = mail_[w - 1].word.compare_exchange_strong(
            posted, leftOut, std::memory_order_acq_rel, std::memory_order_acquire);
        if (left && mode == Mode::Shares)
            workShare(w, 0); // with the caller's workspace: its own share is done
    }
    // A left-out word stays so (a worker only joins a posted call); any other has joined.
    const std::uint64_t done = mailWord(call, kDone);
    for (unsigned w = 1; w < n; ++w) {
        const std::atomic<std::uint64_t>& word = mail_[w - 1].word;
        if (!hasPart(w) || word.load(std::memory_order_acquire) == leftOut)
            continue;
        spinThenYieldUntil([&] { return word.load(std::memory_order_acquire) == done; });
    }
    job_ = nullptr;
    if (callerFailure)
        std::rethrow_exception(callerFailure);
}

void WorkerTeam::startBackground(std::size_t tasks, Job fn) {
    if (background_)
        throw std::logic_error("WorkerTeam: a background call is still running");
    auto call = std::make_shared<Background>();
    call->job = std::move(fn);
    call->tasks = tasks;
    {
        std::lock_guard lock(backgroundMutex_);
        background_ = std::move(call);
    }
    if (threads_.empty())
        return;
    backgroundCalls_.fetch_add(1, std::memory_order_release);
    // Wake a sleeping worker: a call that is left out from the start (no call is in flight
    // between the caller's calls, so no worker holds its mailbox).
    const std::uint64_t wake = mailWord(++calls_, kLeftOut);
    for (std::size_t w = 0; w < threads_.size(); ++w) {
        mail_[w].word.store(wake, std::memory_order_release);
        mail_[w].word.notify_one();
    }
}

bool WorkerTeam::backgroundDone() const {
    // Only the caller writes background_; the workers copy it under the mutex.
    return !background_ || background_->finished.load(std::memory_order_acquire) == background_->tasks;
}

void WorkerTeam::finishBackground() {
    std::shared_ptr<Background> call;
    {
        std::lock_guard lock(backgroundMutex_);
        call = std::move(background_); // a worker that looks from now on finds none
    }
    if (!call)
        return;
    call->work(0);
    spinThenYieldUntil([&] { return call->finished.load(std::memory_order_acquire) == call->tasks; });
    if (call->failure)
        std::rethrow_exception(call->failure);
}

void WorkerTeam::Background::work(unsigned worker) {
    for (std::size_t t = claimed.fetch_add(1, std::memory_order_relaxed); t < tasks;
         t = claimed.fetch_add(1, std::memory_order_relaxed)) {
        try {
            job(t, worker);
        } catch (...) {
            std::lock_guard lock(failureMutex);
            if (!failure)
                failure = std::current_exception();
        }
        finished.fetch_add(1, std::memory_order_release);
    }
}

std::shared_ptr<WorkerTeam::Background> WorkerTeam::takeBackground(std::uint64_t& seen) {
    const std::uint64_t posted = backgroundCalls_.load(std::memory_order_acquire);
    if (posted == seen)
        return nullptr;
    seen = posted;
    std::lock_guard lock(backgroundMutex_);
    return background_;
}

// The caller takes tasks from the front, the workers from the back: each thread then mostly
// gets the same ones call after call.
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

void WorkerTeam::workClaims(unsigned worker) {
    for (std::size_t task = claim(worker); task < tasks_; task = claim(worker))
        (*job_)(task, worker);
}

// Thread `worker`'s share, run by the thread that passes `runAs` as the task's worker.
void WorkerTeam::workShare(unsigned worker, unsigned runAs) {
    const Share s = shareOf(worker, size(), tasks_);
    for (std::size_t task = s.first; task < s.end; ++task)
        (*job_)(task, runAs);
}

void WorkerTeam::workerLoop(unsigned worker) {
    std::atomic<std::uint64_t>& word = mail_[worker - 1].word;
    // The mailbox's first word, call 0, is no call. (Not the word found when this thread
    // starts: a late start may find a call, even the destructor's, and must not skip it.)
    std::uint64_t seen = 0;
    std::uint64_t seenBackground = 0;
    const auto idle = [&](std::uint64_t now) {
        return now == seen && backgroundCalls_.load(std::memory_order_relaxed) == seenBackground;
    };
    for (;;) {
        if (const auto background = takeBackground(seenBackground)) {
            background->work(worker); // the caller's calls leave this worker out meanwhile
            continue;
        }
        std::uint64_t now = word.load(std::memory_order_acquire);
        for (int spin = 0; idle(now) && spin < kPollsBeforeYield; ++spin)
            now = word.load(std::memory_order_acquire);
        for (int spin = 0; idle(now) && spin < kYieldsBeforeSleep; ++spin) {
            std::this_thread::yield();
            now = word.load(std::memory_order_acquire);
        }
        if (now == seen) {
            if (idle(now)) // a background call's post changes the mailbox too
                word.wait(seen, std::memory_order_acquire);
            continue;
        }
        seen = now;
        if (quit_.load(std::memory_order_acquire))
            return;
        // Join unless the caller has left this worker out already; if that happens between
        // the load and the exchange, the next look sees it (or a later call).
        std::uint64_t expected = now;
        if (stateOf(now) != kPosted ||
            !word.compare_exchange_strong(expected, now | kJoined, std::memory_order_acq_rel,
                                          std::memory_order_acquire))
            continue;
        if (mode_ == Mode::Claims)
            workClaims(worker);
        else
            workShare(worker, worker);
        seen = (now & ~std::uint64_t(3)) | kDone;
        word.store(seen, std::memory_order_release);
    }
}

} // namespace starlocus::core
