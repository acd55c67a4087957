// SPDX-License-Identifier: GPL-3.0-or-later
// The GUI's longest event-loop stall during a training run (issue 6: target < 50 ms).
// The main window runs offscreen with its training monitor and live CMD shown; a
// synthetic sky is trained with the real TrainingController. A precise 2 ms timer
// records the gap between its consecutive ticks: a gap is how long the event loop could
// not answer (drawing the charts, the live CMD, status updates). Prints the median,
// 99th percentile and maximum gap over the whole run.
//   bench_gui_stall [stars=100000] [iterations=3] [epochs=5]
#include "bench/bench_timing.h"
#include "core/mock/mock_sky.h"
#include "ui/main_window.h"
#include "ui/session/session.h"
#include "ui/training/live_cmd_view.h"
#include "ui/training/training_controller.h"
#include "ui/training/training_view.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QTimer>
#include <cstdio>
#include <cstdlib>

using namespace starlocus;

int main(int argc, char** argv) {
    bench::preferOffscreenPlatform();
    QApplication app(argc, argv);
    const std::size_t stars = argc > 1 ? std::size_t(std::atol(argv[1])) : 100000;
    core::TrainingConfig config;
    config.iterations = argc > 2 ? std::atoi(argv[2]) : 3;
    config.epochsPerIteration = argc > 3 ? std::atoi(argv[3]) : 5;

    core::MockSkyConfig skyConfig;
    skyConfig.starCount = stars;
    const core::MockSky sky(skyConfig, 1);
    auto catalog = std::make_shared<core::Catalog>(sky.catalog());
    catalog->sourceFile = "mock:bench";

    ui::MainWindow window;
    window.setWarningPresenter([](const QString& title, const QString& text) {
        std::fprintf(stderr, "bench_gui_stall: %s: %s\n", qPrintable(title), qPrintable(text));
        std::exit(1);
    });
    window.resize(1280, 800);
    window.show();
    window.showView(QStringLiteral("training"));
    window.session()->setCatalog(catalog);
    window.training()->setConfig(config);
    window.training()->setCheckpointPath({}); // no disk writes in the measurement

    std::vector<double> gapsMs;
    std::vector<int> gapEpochs; // epochs drawn when each gap ended: where the long ones happen
    QElapsedTimer clock;
    int epochs = 0;
    QTimer probe;
    probe.setTimerType(Qt::PreciseTimer);
    probe.setInterval(2);
    QObject::connect(&probe, &QTimer::timeout, [&] {
        if (clock.isValid()) {
            gapsMs.push_back(double(clock.nsecsElapsed()) * 1e-6);
            gapEpochs.push_back(epochs);
        }
        clock.start();
    });
    QObject::connect(window.training()->controller(), &ui::TrainingController::epochFinished, [&] { ++epochs; });
    QObject::connect(window.training()->controller(), &ui::TrainingController::finished, [&] {
        probe.stop();
        app.quit();
    });
    QObject::connect(window.training()->controller(), &ui::TrainingController::failed, [&](const QString& m) {
        std::fprintf(stderr, "bench_gui_stall: training failed: %s\n", qPrintable(m));
        app.exit(1);
    });
    QTimer::singleShot(200, [&] {
        probe.start();
        window.training()->startTraining();
    });
    const QElapsedTimer wall = [] { QElapsedTimer t; t.start(); return t; }();
    if (app.exec() != 0)
        return 1;
    if (gapsMs.empty())
        return 1;
    std::printf("bench_gui_stall: %zu stars, %d iterations x %d epochs (%d epochs drawn, %d live CMD redraws), "
                "%.1f s\n",
                stars, config.iterations, config.epochsPerIteration, epochs, window.training()->liveCmd()->refreshCount(),
                double(wall.elapsed()) / 1000.0);
    const bench::LatencySummary gap = bench::summarizeLatency(gapsMs);
    std::printf("event-loop gap (2 ms probe timer), %zu samples: median %.2f ms, p99 %.2f ms, max %.2f ms\n",
                gapsMs.size(), gap.median, gap.p99, gap.max);
    std::vector<std::size_t> order(gapsMs.size());
    for (std::size_t i = 0; i < order.size(); ++i)
        order[i] = i;
    std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return gapsMs[a] > gapsMs[b]; });
    std::printf("longest gaps:");
    for (std::size_t k = 0; k < std::min<std::size_t>(5, order.size()); ++k)
        std::printf(" %.1f ms (after epoch %d)", gapsMs[order[k]], gapEpochs[order[k]]);
    std::printf("\n");
    return 0;
}
