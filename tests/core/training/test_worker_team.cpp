// SPDX-License-Identifier: GPL-3.0-or-later
// The training's thread team (core/training/worker_team.h): every task of a call runs exactly
// once and the call returns only when all have run, for both ways of handing tasks out, any
// number of threads and tasks, calls in quick succession (the mini-batches' hand-overs) and
// after the workers have gone to sleep; shares are the contiguous ranges documented, run in
// order by one thread each, the caller's on the calling thread; background calls beside the
// caller's own. Runs under ThreadSanitizer
// in CI (the tsan preset).
#include "core/training/worker_team.h"

#include <QTest>

#include <atomic>
#include <chrono>
#include <stdexcept>
#include <thread>
#include <vector>

using namespace starlocus::core;

namespace {

// Runs `calls` calls of `tasks` tasks; each task adds 1 to its counter and records who ran it.
// Returns false at the first call after which a task had not run exactly once.
bool everyTaskOnce(WorkerTeam& team, bool shares, std::size_t tasks, int calls) {
    std::vector<std::atomic<int>> ran(tasks);
    for (int c = 0; c < calls; ++c) {
        for (auto& r : ran)
            r.store(0, std::memory_order_relaxed);
        const WorkerTeam::Job job = [&](std::size_t t, unsigned worker) {
            if (worker >= team.size())
                ran[t].fetch_add(100, std::memory_order_relaxed); // a worker index out of range
            ran[t].fetch_add(1, std::memory_order_relaxed);
        };
        if (shares)
            team.runShares(tasks, job);
        else
            team.run(tasks, job);
        // The call has returned: every task's effect must be visible here, once.
        for (auto& r : ran)
            if (r.load(std::memory_order_relaxed) != 1)
                return false;
    }
    return true;
}

} // namespace

class TestWorkerTeam : public QObject {
    Q_OBJECT
  private slots:
    void sharesAreContiguousAndCoverEveryTask() {
        // Hand-computed: ⌈i·tasks/n⌉ bounds.
        QCOMPARE(WorkerTeam::shareOf(0, 2, 2).first, std::size_t(0));
        QCOMPARE(WorkerTeam::shareOf(0, 2, 2).end, std::size_t(1));
        QCOMPARE(WorkerTeam::shareOf(1, 2, 2).first, std::size_t(1));
        QCOMPARE(WorkerTeam::shareOf(1, 2, 2).end, std::size_t(2));
        QCOMPARE(WorkerTeam::shareOf(0, 2, 4).end, std::size_t(2)); // the step's four parts: 2 + 2
        QCOMPARE(WorkerTeam::shareOf(0, 4, 2).end, std::size_t(1)); // fewer tasks than threads:
        QCOMPARE(WorkerTeam::shareOf(1, 4, 2).end, std::size_t(1)); // the caller still has one
        for (unsigned n = 1; n <= 5; ++n)
            for (std::size_t tasks = 1; tasks <= 40; ++tasks) {
                std::size_t next = 0;
                for (unsigned i = 0; i < n; ++i) {
                    const WorkerTeam::Share s = WorkerTeam::shareOf(i, n, tasks);
                    QCOMPARE(s.first, next);
                    QVERIFY(s.end >= s.first);
                    QVERIFY(s.end - s.first <= (tasks + n - 1) / n);
                    next = s.end;
                }
                QCOMPARE(next, tasks);
                QVERIFY(WorkerTeam::shareOf(0, n, tasks).end > 0);
            }
    }

    void everyTaskRunsOnceWhenClaimed_data() { threadCounts(); }
    void everyTaskRunsOnceWhenClaimed() {
        QFETCH(unsigned, threads);
        WorkerTeam team(threads);
        for (std::size_t tasks : {1, 2, 3, 4, 7, 64, 1000})
            QVERIFY2(everyTaskOnce(team, false, tasks, 200), qPrintable(QString("%1 tasks").arg(tasks)));
    }

    void everyTaskRunsOnceInShares_data() { threadCounts(); }
    void everyTaskRunsOnceInShares() {
        QFETCH(unsigned, threads);
        WorkerTeam team(threads);
        // 20,000 quick calls of 2 and of 4 tasks: the mini-batch's pattern, where a worker
        // often joins late or not at all.
        for (int round = 0; round < 10; ++round) {
            QVERIFY(everyTaskOnce(team, true, 2, 1000));
            QVERIFY(everyTaskOnce(team, true, 4, 1000));
        }
        for (std::size_t tasks : {1, 3, 5, 17, 300})
            QVERIFY2(everyTaskOnce(team, true, tasks, 100), qPrintable(QString("%1 tasks").arg(tasks)));
    }

    void bothKindsOfCallsInterleave() {
        WorkerTeam team(3);
        for (int c = 0; c < 2000; ++c) {
            QVERIFY(everyTaskOnce(team, c % 3 != 0, std::size_t(1 + c % 9), 1));
        }
    }

    void eachShareRunsInOrderOnOneThread() {
        const unsigned threads = 3;
        WorkerTeam team(threads);
        const std::size_t tasks = 12;
        const std::thread::id caller = std::this_thread::get_id();
        for (int c = 0; c < 500; ++c) {
            std::vector<std::thread::id> who(tasks);
            std::vector<int> order(tasks, -1);
            std::vector<std::atomic<int>> counters(threads);
            for (auto& k : counters)
                k.store(0);
            team.runShares(tasks, [&](std::size_t t, unsigned) {
                who[t] = std::this_thread::get_id();
                for (unsigned i = 0; i < threads; ++i) {
                    const WorkerTeam::Share s = WorkerTeam::shareOf(i, threads, tasks);
                    if (t >= s.first && t < s.end)
                        order[t] = counters[i].fetch_add(1);
                }
            });
            for (unsigned i = 0; i < threads; ++i) {
                const WorkerTeam::Share s = WorkerTeam::shareOf(i, threads, tasks);
                for (std::size_t t = s.first; t < s.end; ++t) {
                    QVERIFY(who[t] == who[s.first]);      // one thread a share
                    QCOMPARE(order[t], int(t - s.first)); // in order
                }
            }
            const WorkerTeam::Share own = WorkerTeam::shareOf(0, threads, tasks);
            for (std::size_t t = own.first; t < own.end; ++t)
                QVERIFY(who[t] == caller); // the caller's share on the calling thread
        }
    }

    void sleepingWorkersWakeForTheNextCall() {
        WorkerTeam team(2);
        QVERIFY(everyTaskOnce(team, true, 2, 10));
        // Long enough for the worker to pass its polls and yields and sleep on its mailbox.
        std::this_thread::sleep_for(std::chrono::milliseconds(300));
        // A worker sleeping or joining late: the call still completes and, over many calls,
        // the worker does join again (some task ran on another thread than the caller's).
        std::atomic<bool> workerRan{false};
        const std::thread::id caller = std::this_thread::get_id();
        for (int c = 0; c < 20000 && !workerRan.load(); ++c)
            team.runShares(2, [&](std::size_t, unsigned) {
                if (std::this_thread::get_id() != caller)
                    workerRan.store(true);
                std::this_thread::sleep_for(std::chrono::microseconds(20));
            });
        QVERIFY(workerRan.load());
    }

    // run()'s work for the caller (the next epoch's order during the validation pass): once
    // per call, on the calling thread, before any task the caller claims; the workers may
    // take tasks meanwhile, and every task still runs once. With no task or no worker too.
    void callerFirstRunsOnceBeforeTheCallersTasks_data() { threadCounts(); }
    void callerFirstRunsOnceBeforeTheCallersTasks() {
        QFETCH(unsigned, threads);
        WorkerTeam team(threads);
        const std::thread::id caller = std::this_thread::get_id();
        bool workersTookTasksMeanwhile = false;
        for (std::size_t tasks : {std::size_t(0), std::size_t(1), std::size_t(7), std::size_t(64)}) {
            for (int c = 0; c < 50; ++c) {
                std::vector<std::atomic<int>> ran(tasks);
                std::atomic<int> sideRuns{0}, tasksBeforeSide{0}, callerTasksBeforeSide{0};
                std::atomic<bool> sideOnCaller{true};
                team.run(
                    tasks,
                    [&](std::size_t t, unsigned) {
                        if (sideRuns.load() == 0) {
                            tasksBeforeSide.fetch_add(1);
                            if (std::this_thread::get_id() == caller)
                                callerTasksBeforeSide.fetch_add(1);
                        }
                        ran[t].fetch_add(1);
                    },
                    [&] {
                        sideOnCaller.store(std::this_thread::get_id() == caller);
                        // Long enough for a running worker to claim some tasks.
                        std::this_thread::sleep_for(std::chrono::microseconds(200));
                        sideRuns.fetch_add(1);
                    });
                QCOMPARE(sideRuns.load(), 1);
                QVERIFY(sideOnCaller.load());
                QCOMPARE(callerTasksBeforeSide.load(), 0);
                for (auto& r : ran)
                    QCOMPARE(r.load(), 1);
                workersTookTasksMeanwhile = workersTookTasksMeanwhile || tasksBeforeSide.load() > 0;
            }
        }
        // On more than one thread the workers start while the caller is busy (50 calls of
        // 64 tasks, 200 µs each: a worker the host runs at all joins in some of them).
        if (threads > 1)
            QVERIFY(workersTookTasksMeanwhile);
    }

    // A throwing callerFirst (the next order's allocation failing): the call still runs every
    // task and ends before the exception leaves it (the workers hold references to the
    // call), and the team works on afterwards.
    void callerFirstThrowingEndsTheCallFirst_data() { threadCounts(); }
    void callerFirstThrowingEndsTheCallFirst() {
        QFETCH(unsigned, threads);
        WorkerTeam team(threads);
        for (int c = 0; c < 20; ++c) {
            std::vector<std::atomic<int>> ran(64);
            bool thrown = false;
            try {
                team.run(
                    ran.size(), [&](std::size_t t, unsigned) { ran[t].fetch_add(1); },
                    [] { throw std::runtime_error("no memory for the next order"); });
            } catch (const std::runtime_error&) {
                thrown = true;
            }
            QVERIFY(thrown);
            for (auto& r : ran)
                QCOMPARE(r.load(), 1);
            QVERIFY(everyTaskOnce(team, c % 2 == 0, 9, 3));
        }
    }

    // A background call (the validation pass beside the next epoch): every task runs once,
    // on the workers while the caller's own calls go on (and do a busy worker's share
    // themselves, every task of theirs still once), the rest on the caller at the finish;
    // with no worker all of it there. After the finish every task's effect is visible.
    void backgroundRunsBesideTheCallersCalls_data() { threadCounts(); }
    void backgroundRunsBesideTheCallersCalls() {
        QFETCH(unsigned, threads);
        WorkerTeam team(threads);
        const std::thread::id caller = std::this_thread::get_id();
        bool workersTookBackground = false;
        for (std::size_t tasks : {std::size_t(0), std::size_t(1), std::size_t(5), std::size_t(300)}) {
            for (int c = 0; c < 20; ++c) {
                std::vector<int> ran(tasks, 0); // plain ints: finishBackground must order them
                std::atomic<int> onWorkers{0};
                team.startBackground(tasks, [&](std::size_t t, unsigned worker) {
                    if (worker >= team.size())
                        ran[t] += 100;
                    ran[t] += 1;
                    if (std::this_thread::get_id() != caller)
                        onWorkers.fetch_add(1, std::memory_order_relaxed);
                    std::this_thread::sleep_for(std::chrono::microseconds(20));
                });
                QVERIFY(everyTaskOnce(team, c % 2 == 0, 6, 30)); // the caller's calls meanwhile
                if (threads > 1 && c % 4 == 0) // sometimes wait until the workers are done with it
                    for (int spin = 0; spin < 2000 && !team.backgroundDone(); ++spin)
                        std::this_thread::sleep_for(std::chrono::milliseconds(1));
                team.finishBackground();
                QVERIFY(team.backgroundDone());
                for (std::size_t t = 0; t < tasks; ++t)
                    QCOMPARE(ran[t], 1);
                if (threads == 1)
                    QCOMPARE(onWorkers.load(), 0);
                workersTookBackground = workersTookBackground || onWorkers.load() > 0;
            }
        }
        if (threads > 1)
            QVERIFY(workersTookBackground);
    }

    // Background work reaches a worker asleep on its mailbox (the call posts it there too),
    // and a throwing task: every other task still runs, the first exception leaves
    // finishBackground, the team works on, and a team destroyed with a background call
    // still running finishes it first.
    void backgroundWakesSleepersAndReportsFailure() {
        WorkerTeam team(2);
        QVERIFY(everyTaskOnce(team, true, 2, 3));
        std::this_thread::sleep_for(std::chrono::milliseconds(300)); // the worker sleeps
        const std::thread::id caller = std::this_thread::get_id();
        std::atomic<bool> workerRan{false};
        team.startBackground(1, [&](std::size_t, unsigned) { workerRan.store(std::this_thread::get_id() != caller); });
        for (int spin = 0; spin < 5000 && !team.backgroundDone(); ++spin)
            std::this_thread::sleep_for(std::chrono::milliseconds(1));
        QVERIFY(team.backgroundDone());
        team.finishBackground();
        QVERIFY(workerRan.load());

        std::vector<std::atomic<int>> ran(40);
        team.startBackground(ran.size(), [&](std::size_t t, unsigned) {
            ran[t].fetch_add(1);
            if (t == 7)
                throw std::runtime_error("task 7 failed");
        });
        QVERIFY_THROWS_EXCEPTION(std::runtime_error, team.finishBackground());
        for (auto& r : ran)
            QCOMPARE(r.load(), 1);
        QVERIFY(everyTaskOnce(team, false, 9, 3));
        team.finishBackground(); // none running: nothing to do
        QVERIFY_THROWS_EXCEPTION(std::logic_error, [&] {
            team.startBackground(1, [](std::size_t, unsigned) {});
            team.startBackground(1, [](std::size_t, unsigned) {}); // the first is still there
        }());
        team.finishBackground();

        std::atomic<int> late{0};
        {
            WorkerTeam ending(3);
            ending.startBackground(50, [&](std::size_t, unsigned) {
                std::this_thread::sleep_for(std::chrono::microseconds(100));
                late.fetch_add(1);
            });
        } // the destructor finishes it before its workers go
        QCOMPARE(late.load(), 50);
    }

    void destroyedWhileWorkersSleepOrSpin() {
        for (int k = 0; k < 20; ++k) {
            WorkerTeam team(4);
            QVERIFY(everyTaskOnce(team, k % 2 == 0, 8, 5));
            if (k % 5 == 0)
                std::this_thread::sleep_for(std::chrono::milliseconds(150));
        } // each destructor must join its workers, spinning or asleep
    }

  private:
    void threadCounts() {
        QTest::addColumn<unsigned>("threads");
        QTest::newRow("1 thread") << 1u;
        QTest::newRow("2 threads") << 2u;
        QTest::newRow("3 threads") << 3u;
        QTest::newRow("5 threads") << 5u;
    }
};

QTEST_GUILESS_MAIN(TestWorkerTeam)
#include "test_worker_team.moc"
