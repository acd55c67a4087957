// SPDX-License-Identifier: GPL-3.0-or-later
// Science views (issue 7): redraw time of a 1,000,000-star density view (target < 100 ms)
// and the time of each view switch, offscreen. The million stars are the 10,000 published
// test stars repeated 100 times with their labels jittered within their errors' scale
// (so the density image is filled as a large survey would fill it). Prints medians.
#include "bench/bench_timing.h"
#include "core/io/green2020_catalog.h"
#include "core/io/model_file.h"
#include "ui/science/cmd_view.h"
#include "ui/science/science_data.h"
#include "ui/science/science_tab.h"
#include "ui/science/science_view.h"

#include <QApplication>
#include <cstdio>
#include <random>

using namespace starlocus;

namespace {

core::Catalog replicate(const core::Catalog& base, std::size_t copies) {
    std::vector<std::size_t> rows;
    rows.reserve(base.size() * copies);
    for (std::size_t c = 0; c < copies; ++c)
        for (std::size_t i = 0; i < base.size(); ++i)
            rows.push_back(i);
    core::Catalog big = core::subsetCatalog(base, rows);
    std::mt19937_64 rng(7);
    std::normal_distribution<double> n01;
    for (std::size_t k = base.size(); k < big.size(); ++k) {
        big.theta[k][0] += 30.0 * n01(rng);
        big.theta[k][1] += 0.03 * n01(rng);
        big.theta[k][2] += 0.03 * n01(rng);
        for (double& m : big.mag[k])
            m += 0.01 * n01(rng);
    }
    return big;
}

double ms(double seconds) { return 1e3 * seconds; }

} // namespace

int main(int argc, char** argv) {
    bench::preferOffscreenPlatform();
    QApplication app(argc, argv);
    const std::size_t copies = argc > 1 ? std::size_t(std::atoi(argv[1])) : 100;
    const std::string dir = bench::sharedDir() + "/green2020/";
    try {
        auto model = std::make_shared<const core::StellarModel>(
            core::loadAnyModel(dir + "green2020_nn_model.h5", dir + "green2020_theta_normalization.json"));
        const core::Catalog published = core::readGreen2020Catalog(dir + "green2020_test_data_small.h5");
        const core::Catalog big = replicate(published, copies);

        const auto tData = std::chrono::steady_clock::now();
        const auto bigData = ui::makeScienceData(model, big);
        const double prepare = std::chrono::duration<double>(std::chrono::steady_clock::now() - tData).count();
        std::printf("stars: %zu; shared products (prediction, ΔR/R, slopes, reddening refit): %.2f s\n", big.size(),
                    prepare);

        ui::CmdView cmd;
        cmd.resize(1100, 520);
        cmd.show();
        cmd.setData(bigData);
        QApplication::processEvents();
        // Replot only (zoom, pan, selection highlight): the density image is already binned.
        const double replot = bench::median(bench::timeRepeated(30, [&] {
            cmd.redraw();
            cmd.repaint();
        }));
        // Full redraw after a setting change: bin 2 × 10⁶ stars into the two images, replot.
        const double rebuild = bench::median(bench::timeRepeated(15, [&] {
            cmd.rebuild();
            cmd.repaint();
        }));
        std::printf("Fig. 6 (two 150x150 density panels, %zu stars): replot %.1f ms, re-bin + replot %.1f ms (target < 100 ms)\n",
                    big.size(), ms(replot), ms(rebuild));

        // View switches on the published 10,000 stars and on the million: the first visit
        // draws the view (its own diagnostics included), later visits only show it.
        for (const auto& [label, data] :
             {std::pair{"10,000 published stars", ui::makeScienceData(model, published)}, std::pair{"1,000,000 stars", bigData}}) {
            ui::ScienceTab tab;
            tab.resize(1200, 760);
            tab.show();
            tab.setData(data);
            QApplication::processEvents();
            std::printf("view switch, %s (first visit / median of later visits):\n", label);
            for (ui::ScienceView* view : tab.views()) {
                const QString name = view->viewName();
                const auto t0 = std::chrono::steady_clock::now();
                tab.showView(name);
                tab.repaint();
                const double first = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
                std::vector<double> later;
                for (int r = 0; r < 5; ++r) {
                    tab.showView(QStringLiteral("reddening_slopes") == name ? QStringLiteral("cmd") : QStringLiteral("reddening_slopes"));
                    tab.repaint();
                    const auto t1 = std::chrono::steady_clock::now();
                    tab.showView(name);
                    tab.repaint();
                    later.push_back(std::chrono::duration<double>(std::chrono::steady_clock::now() - t1).count());
                }
                std::printf("  %-22s %8.1f ms  %6.1f ms\n", qPrintable(name), ms(first), ms(bench::median(later)));
            }
        }
    } catch (const std::exception& e) {
        std::fprintf(stderr, "bench_science_views: %s\n", e.what());
        return 1;
    }
    return 0;
}
