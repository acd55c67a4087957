// SPDX-License-Identifier: GPL-3.0-or-later
// parallelFor: every index visited once, the first exception by chunk order rethrown, and the
// thread count of a ThreadCountScope (a command's --threads) obeyed, restored at its end and
// never seen by another thread or through the environment.
#include "core/common/parallel_for.h"

#include <QTest>

#include <atomic>
#include <chrono>
#include <cstdlib>
#include <mutex>
#include <set>
#include <stdexcept>
#include <thread>
#include <vector>

using namespace starlocus::core;

class TestParallelFor : public QObject {
    Q_OBJECT
private slots:
    void init() { qunsetenv("STARLOCUS_THREADS"); }

    void everyIndexOnce() {
        const ThreadCountScope scope(3);
        std::vector<std::atomic<int>> seen(1001);
        parallelFor(seen.size(), 17, [&](std::size_t begin, std::size_t end) {
            QVERIFY(end - begin <= 17);
            for (std::size_t i = begin; i < end; ++i)
                ++seen[i];
        });
        for (const auto& s : seen)
            QCOMPARE(s.load(), 1);
    }

    void firstExceptionByChunkOrder() {
        const ThreadCountScope scope(2);
        try {
            parallelFor(100, 10, [&](std::size_t begin, std::size_t) {
                if (begin == 70)
                    throw std::runtime_error("chunk 7");
                if (begin == 30)
                    throw std::runtime_error("chunk 3");
            });
            QFAIL("no exception");
        } catch (const std::runtime_error& e) {
            QCOMPARE(QString(e.what()), QString("chunk 3"));
        }
    }

    void scopeSetsAndRestoresTheCount() {
        qputenv("STARLOCUS_THREADS", "5");
        QCOMPARE(workerThreadCount(), 5u);
        {
            const ThreadCountScope outer(3);
            QCOMPARE(workerThreadCount(), 3u);
            {
                const ThreadCountScope none(0); // 0 leaves it as it is
                QCOMPARE(workerThreadCount(), 3u);
                const ThreadCountScope inner(1);
                QCOMPARE(workerThreadCount(), 1u);
            }
            QCOMPARE(workerThreadCount(), 3u);
            QCOMPARE(qgetenv("STARLOCUS_THREADS"), QByteArray("5"));
            // Another thread (e.g. a GUI worker) keeps its own count.
            unsigned elsewhere = 0;
            std::thread other([&] { elsewhere = workerThreadCount(); });
            other.join();
            QCOMPARE(elsewhere, 5u);
        }
        QCOMPARE(workerThreadCount(), 5u);
    }

    // The loop runs on as many threads as the scope says: with 1, everything on the caller's
    // thread; with 3, chunks that wait for each other can only finish if 3 run at once.
    void loopUsesTheScopesThreads() {
        {
            const ThreadCountScope scope(1);
            std::set<std::thread::id> ids;
            std::mutex m;
            parallelFor(64, 1, [&](std::size_t, std::size_t) {
                const std::lock_guard lock(m);
                ids.insert(std::this_thread::get_id());
            });
            QCOMPARE(ids.size(), std::size_t(1));
            QVERIFY(*ids.begin() == std::this_thread::get_id());
        }
        {
            const ThreadCountScope scope(3);
            std::atomic<int> arrived{0};
            std::atomic<bool> allMet{true};
            parallelFor(3, 1, [&](std::size_t, std::size_t) {
                ++arrived;
                const auto until = std::chrono::steady_clock::now() + std::chrono::seconds(20);
                while (arrived.load() < 3)
                    if (std::chrono::steady_clock::now() > until) {
                        allMet = false;
                        return;
                    }
            });
            QVERIFY2(allMet.load(), "the three chunks never ran at the same time");
        }
    }
};

QTEST_APPLESS_MAIN(TestParallelFor)
#include "test_parallel_for.moc"
