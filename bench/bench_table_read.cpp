// SPDX-License-Identifier: GPL-3.0-or-later
// bench_table_read FILE... [--repeats N] [--chunk ROWS]: reads each table whole with the import's
// readers (core/table), in chunks, and prints the median wall time, rows/s, MB/s of the file
// and the peak resident memory. bench/table_read_peer.py writes the test tables with Astropy
// and times Astropy's own reading of the same files, for the same-run comparison that
// docs/PERFORMANCE.md records (issue 15).
#include "bench/bench_timing.h"
#include "core/common/input_error.h"
#include "core/table/table_reader.h"

#include <sys/resource.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

namespace table = starlocus::core::table;

namespace {

double peakResidentMb() {
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return double(usage.ru_maxrss) / 1024.0;
}

// Rows read, and a checksum of the values so the reading cannot be optimised away.
std::size_t readWhole(const std::string& path, std::size_t chunkRows, double& checksum) {
    const auto reader = table::openTable(path);
    table::TableChunk chunk;
    std::size_t rows = 0;
    while (reader->next(chunk, chunkRows)) {
        rows += chunk.rows;
        for (const table::ColumnValues& v : chunk.columns) {
            if (!v.real.empty())
                checksum += v.real.front();
            if (!v.integer.empty())
                checksum += double(v.integer.back() % 7);
        }
    }
    return rows;
}

} // namespace

int main(int argc, char** argv) {
    int repeats = 3;
    std::size_t chunkRows = 65536;
    std::vector<std::string> files;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        if (a == "--repeats" && i + 1 < argc)
            repeats = std::max(1, std::atoi(argv[++i]));
        else if (a == "--chunk" && i + 1 < argc)
            chunkRows = std::size_t(std::max(1, std::atoi(argv[++i])));
        else
            files.push_back(a);
    }
    if (files.empty()) {
        std::fprintf(stderr, "usage: bench_table_read FILE... [--repeats N] [--chunk ROWS]\n");
        return 2;
    }
    try {
        for (const std::string& path : files) {
            double checksum = 0.0;
            std::size_t rows = 0;
            const auto seconds = starlocus::bench::timeRepeated(repeats, [&] { rows = readWhole(path, chunkRows, checksum); });
            const double median = starlocus::bench::median(seconds);
            const double mb = double(std::filesystem::file_size(path)) / 1e6;
            const auto reader = table::openTable(path);
            std::printf("%s (%s, %zu columns, %.0f MB): %zu rows, median %.2f s of %d, %.2f M rows/s, %.0f MB/s; "
                        "peak RSS %.0f MB (checksum %g)\n",
                        std::filesystem::path(path).filename().c_str(),
                        std::string(table::tableFormatName(reader->format())).c_str(), reader->columns().size(), mb,
                        rows, median, repeats, double(rows) / median / 1e6, mb / median, peakResidentMb(), checksum);
        }
    } catch (const starlocus::core::InputError& e) {
        std::fprintf(stderr, "bench_table_read: %s\n", e.what());
        return 2;
    }
    return 0;
}
