// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Minimal timing support for the benchmarks: medians of repeated wall-clock runs,
// percentiles of latency samples, the shared data folder, and the offscreen display the
// GUI benchmarks draw on. No Qt here: the core benchmarks include it too.
#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <string>
#include <vector>
#include <ctime>

namespace starlocus::bench {

template <typename F> std::vector<double> timeRepeated(int repeats, F&& body) {
    std::vector<double> seconds;
    for (int r = 0; r < repeats; ++r) {
        const auto t0 = std::chrono::steady_clock::now();
        body();
        seconds.push_back(std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count());
    }
    return seconds;
}

// Process CPU seconds (all threads): the work a step does, less disturbed than wall time
// when other programs share the cores.
inline double processCpuSeconds() {
    timespec t{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
    return double(t.tv_sec) + 1e-9 * double(t.tv_nsec);
}

template <typename F> std::vector<double> cpuTimeRepeated(int repeats, F&& body) {
    std::vector<double> seconds;
    for (int r = 0; r < repeats; ++r) {
        const double t0 = processCpuSeconds();
        body();
        seconds.push_back(processCpuSeconds() - t0);
    }
    return seconds;
}

inline double median(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    const std::size_t n = v.size();
    return n % 2 ? v[n / 2] : 0.5 * (v[n / 2 - 1] + v[n / 2]);
}

// The q-quantile (0…1) by nearest rank: q = 0.99 the 99th percentile, q = 1 the maximum.
inline double percentile(std::vector<double> v, double q) {
    std::sort(v.begin(), v.end());
    return v[std::min(v.size() - 1, std::size_t(q * double(v.size() - 1) + 0.5))];
}

// What a latency benchmark reports of its samples.
struct LatencySummary {
    double median, p99, max;
};

inline LatencySummary summarizeLatency(const std::vector<double>& samples) {
    return {median(samples), percentile(samples, 0.99), percentile(samples, 1.0)};
}

// The GUI benchmarks draw offscreen (no display needed) unless a platform is chosen, e.g.
// QT_QPA_PLATFORM=xcb to watch them. Call before the QApplication is made.
inline void preferOffscreenPlatform() {
    const char* platform = std::getenv("QT_QPA_PLATFORM");
    if (!platform || !*platform)
        setenv("QT_QPA_PLATFORM", "offscreen", 1);
}

inline std::string sharedDir() {
    const char* env = std::getenv("STARLOCUS_SHARED_DIR");
    return env && *env ? env : STARLOCUS_DEFAULT_SHARED_DIR;
}

} // namespace starlocus::bench
