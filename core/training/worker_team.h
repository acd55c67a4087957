// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// A fixed team of threads for the training hot loop. A call hands tasks 0 … tasks−1 to the
// team and returns when all are done; each task writes only its own output slot, so results
// do not depend on which thread ran what. Two ways to hand them out:
// - run(): tasks claimed one at a time (the caller from the front, workers from the back):
//   thousands of equal tasks (the validation pass), where a worker the host is not running
//   leaves its tasks to the others.
// - runShares(): each thread its fixed contiguous share (the caller the first): a mini-batch's
//   two gradient tasks and four step parts, every ~10 µs. Claiming them one by one moved a
//   shared counter between the cores for every task, ≈ 1 µs a call on this VM
//   (docs/PERFORMANCE.md); a share costs one hand-over each way. Each thread also keeps the
//   same parameters and moments call after call, in its own core's cache.
// Either way a worker announces that it joins a call on its own mailbox (one cache line); a
// worker that has not joined when the caller is done with its own part is left out and its
// part done by the caller: the caller never waits for a thread the system is not running,
// only for those that joined. Workers spin briefly between calls, then sleep on their
// mailbox. A background call (startBackground) is claimed by the workers alone while the
// caller goes on with calls of its own, which leave those workers out: the validation pass of
// one epoch beside the next epoch's mini-batches.
#include <atomic>
#include <cstdint>
#include <exception>
#include <functional>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

namespace starlocus::core {

class WorkerTeam {
  public:
    using Job = std::function<void(std::size_t task, unsigned worker)>;

    explicit WorkerTeam(unsigned threads);
    ~WorkerTeam();
    WorkerTeam(const WorkerTeam&) = delete;
    WorkerTeam& operator=(const WorkerTeam&) = delete;

    unsigned size() const { return unsigned(threads_.size()) + 1; }
    // fn(task, worker) for every task, claimed one at a time. `callerFirst`, if given, runs on
    // the calling thread after the call is posted and before it claims: the workers start on
    // the tasks meanwhile (work of its own that would otherwise leave them idle). If it
    // throws, every task still runs and the exception leaves run() when the call is over.
    void run(std::size_t tasks, const Job& fn, const std::function<void()>& callerFirst = {});
    // fn(task, worker) for every task; thread i (0: the caller) runs shareOf(i).
    void runShares(std::size_t tasks, const Job& fn);

    // Background work: fn(task, worker) for every task, claimed one at a time by the workers
    // only, while the caller goes on with its own calls (which leave a busy worker out and do
    // its share themselves: results do not change). A worker takes it up when it next looks
    // at its mailbox. finishBackground() runs the tasks no worker has started on the caller
    // (as worker 0) and waits for the started ones, so the caller never waits for a thread
    // the system is not running; it rethrows the first exception of a task. One background
    // call at a time; finish it before the next, before the team ends, and before what fn
    // refers to goes away.
    void startBackground(std::size_t tasks, Job fn);
    // True when every task of the background call has finished (or there is none).
    bool backgroundDone() const;
    void finishBackground();

    // The tasks [first, end) of thread `thread`'s share in runShares: contiguous, in order,
    // the caller's first and never empty when there are tasks.
    struct Share {
        std::size_t first, end;
    };
    static Share shareOf(unsigned thread, unsigned threads, std::size_t tasks);

  private:
    // A worker's mailbox: (call number << 2) | state, alone on its cache line.
    struct alignas(64) Mailbox {
        std::atomic<std::uint64_t> word{0};
    };
    enum State : std::uint64_t { kPosted = 0, kJoined = 1, kLeftOut = 2, kDone = 3 };
    enum class Mode { Claims, Shares };

    void call(std::size_t tasks, const Job& fn, Mode mode, const std::function<void()>& callerFirst = {});
    void workerLoop(unsigned worker);
    void workClaims(unsigned worker);
    void workShare(unsigned worker, unsigned runAs);
    std::size_t claim(unsigned worker); // a task not taken yet, or tasks_ when none is left

    // A background call, shared by the caller and the workers that took it up (a worker that
    // looks late holds a finished one and finds no task left in it).
    struct Background {
        Job job;
        std::size_t tasks = 0;
        alignas(64) std::atomic<std::size_t> claimed{0};
        alignas(64) std::atomic<std::size_t> finished{0};
        std::mutex failureMutex;
        std::exception_ptr failure;
        void work(unsigned worker); // claims and runs tasks until none is left
    };
    std::shared_ptr<Background> takeBackground(std::uint64_t& seen); // a posted one not seen yet, or null

    std::vector<std::thread> threads_;
    std::unique_ptr<Mailbox[]> mail_; // mail_[w − 1] is worker w's
    // The current call, written by the caller before it posts the call to the mailboxes.
    const Job* job_ = nullptr;
    std::size_t tasks_ = 0;
    Mode mode_ = Mode::Claims;
    std::uint64_t calls_ = 0; // the caller's count of calls posted
    // run(): tasks not taken yet, [front, back), front in the low 32 bits.
    alignas(64) std::atomic<std::uint64_t> claims_{0};
    std::atomic<bool> quit_{false};
    // The current background call: posted by bumping backgroundCalls_ (release) after setting
    // background_ under backgroundMutex_.
    std::mutex backgroundMutex_;
    std::shared_ptr<Background> background_;
    alignas(64) std::atomic<std::uint64_t> backgroundCalls_{0};
};

} // namespace starlocus::core
