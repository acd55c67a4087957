// SPDX-License-Identifier: GPL-3.0-or-later
// Explorer update latency (issue 6: "each change redraws in under 16 ms"): ~1,000 slider
// changes on the published model with the 10,000 published stars as the CMD's locus,
// offscreen, each timed from the slider's new value through the core predictions, the
// table, both model tracks and the plot's replot, to the painted window.
#include "bench/bench_timing.h"
#include "core/io/green2020_catalog.h"
#include "core/io/model_file.h"
#include "ui/session/session.h"
#include "ui/views/explorer_label_controls.h"
#include "ui/views/explorer_view.h"

#include <QApplication>
#include <QSlider>
#include <chrono>
#include <cstdio>
#include <random>

using namespace starlocus;

int main(int argc, char** argv) {
    bench::preferOffscreenPlatform();
    QApplication app(argc, argv);
    const int changes = argc > 1 ? std::atoi(argv[1]) : 1000;
    const std::string dir = bench::sharedDir() + "/green2020/";
    try {
        ui::Session session;
        session.setModel(std::make_shared<const core::StellarModel>(
            core::loadAnyModel(dir + "green2020_nn_model.h5", dir + "green2020_theta_normalization.json")));
        session.setCatalog(std::make_shared<const core::Catalog>(
            core::readGreen2020Catalog(dir + "green2020_test_data_small.h5")));
        ui::ExplorerView view(&session);
        view.resize(1280, 760);
        view.show();
        QApplication::processEvents();

        std::mt19937 rng(2021);
        std::uniform_int_distribution<int> row(0, 3), position(0, ui::ExplorerLabelControls::kSliderSteps);
        std::vector<double> update, painted;
        for (int i = 0; i < changes + 20; ++i) {
            QSlider* slider = view.controls()->slider(ui::ExplorerLabelControls::Row(row(rng)));
            int next = position(rng);
            if (next == slider->value())
                next = (next + 1) % (ui::ExplorerLabelControls::kSliderSteps + 1);
            const auto t0 = std::chrono::steady_clock::now();
            slider->setValue(next); // predictions, table, tracks, replot
            const auto t1 = std::chrono::steady_clock::now();
            QApplication::processEvents(); // pending events (layout, update requests)
            view.repaint();                // and a full synchronous paint of the view
            const auto t2 = std::chrono::steady_clock::now();
            if (i < 20)
                continue; // warm-up
            update.push_back(std::chrono::duration<double, std::milli>(t1 - t0).count());
            painted.push_back(std::chrono::duration<double, std::milli>(t2 - t0).count());
        }
        const bench::LatencySummary updateMs = bench::summarizeLatency(update);
        const bench::LatencySummary paintedMs = bench::summarizeLatency(painted);
        std::printf("bench_explorer: %d slider changes, offscreen, 1280x760 view, 10,000-star locus\n", changes);
        std::printf("  update (predict + table + tracks + replot)  median %6.2f ms   p99 %6.2f ms\n", updateMs.median,
                    updateMs.p99);
        std::printf("  update + full repaint of the view           median %6.2f ms   p99 %6.2f ms\n", paintedMs.median,
                    paintedMs.p99);
        std::printf("  budget: 16 ms per change\n");
        return 0;
    } catch (const std::exception& e) {
        std::fprintf(stderr, "bench_explorer: %s\n", e.what());
        return 2;
    }
}
