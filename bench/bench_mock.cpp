// SPDX-License-Identifier: GPL-3.0-or-later
// The synthetic sky at scale: 1,000,000 stars generated (default config: exact Eq. B19
// extinction) and written with their truth, as `starlocus-cli mock` does. Target (issue 4):
// under 10 s on 2 cores. Usage: bench_mock [stars] [repeats]; STARLOCUS_THREADS sets the
// thread count.
#include "bench/bench_timing.h"
#include "core/common/parallel_for.h"
#include "core/mock/mock_sky.h"
#include "core/mock/mock_sky_file.h"

#include <chrono>
#include <ctime>
#include <cstdio>
#include <cstdlib>
#include <filesystem>

using namespace starlocus;

int main(int argc, char** argv) {
    const std::size_t stars = argc > 1 ? std::size_t(std::atoll(argv[1])) : 1000000;
    const int repeats = argc > 2 ? std::atoi(argv[2]) : 3;
    const std::string path = (std::filesystem::temp_directory_path() / "starlocus_bench_mock.h5").string();
    try {
        core::MockSkyConfig config;
        config.starCount = stars;
        // Wall clock and process CPU time per phase: on a shared machine the CPU seconds say
        // what the work costs even when other jobs take the cores.
        std::vector<double> generate, write, generateCpu, writeCpu;
        const std::vector<double> total = bench::timeRepeated(repeats, [&] {
            const auto t0 = std::chrono::steady_clock::now();
            const std::clock_t c0 = std::clock();
            const core::MockSky sky(config, 1);
            const auto t1 = std::chrono::steady_clock::now();
            const std::clock_t c1 = std::clock();
            core::writeMockSky(path, sky);
            const auto t2 = std::chrono::steady_clock::now();
            const std::clock_t c2 = std::clock();
            generate.push_back(std::chrono::duration<double>(t1 - t0).count());
            write.push_back(std::chrono::duration<double>(t2 - t1).count());
            generateCpu.push_back(double(c1 - c0) / CLOCKS_PER_SEC);
            writeCpu.push_back(double(c2 - c1) / CLOCKS_PER_SEC);
        });
        const auto bytes = std::filesystem::file_size(path);
        std::filesystem::remove(path);
        std::printf("bench_mock: %zu stars, %s extinction, %u threads, %d repeats (medians)\n", stars,
                    std::string(core::extinctionModeName(config.extinction)).c_str(), core::workerThreadCount(), repeats);
        std::printf("  generate            %8.3f s wall  %8.3f s cpu\n", bench::median(generate), bench::median(generateCpu));
        std::printf("  write (HDF5)        %8.3f s wall  %8.3f s cpu  (%.0f MB)\n", bench::median(write),
                    bench::median(writeCpu), double(bytes) / 1e6);
        std::printf("  total               %8.3f s wall\n", bench::median(total));
        return 0;
    } catch (const std::exception& e) {
        std::fprintf(stderr, "bench_mock: %s\n", e.what());
        std::filesystem::remove(path);
        return 2;
    }
}
