// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer's custom mutator and crossover for the HDF5 targets. Part of the time the plain
// byte mutations (truncations, flips, inserted bytes: the metadata parser's own cases),
// otherwise one structure-aware edit (hdf5_mutator.h); a string attribute holding JSON
// (model_config, the checkpoint's config) gets a JSON-aware edit there.
#include "fuzz/mutators/hdf5_mutator.h"

#include <hdf5.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <thread>

extern "C" std::size_t LLVMFuzzerMutate(std::uint8_t* data, std::size_t size, std::size_t maxSize);

namespace {
constexpr unsigned kBytePercent = 30;

// The structure-aware edits parse a damaged file with libhdf5, which loops for ever on some
// (seen: H5HG_read of a variable-length string attribute, a job stuck for 30 minutes).
// libFuzzer's -timeout covers the target, not the mutator, so a watchdog ends the job when
// one edit takes longer than kMutationSeconds; in fork mode (scripts/fuzz.sh) the parent
// keeps the job's corpus and starts the next job. An edit takes milliseconds; the limit is
// the loaders' time-out (scripts/fuzz.sh), so that a hang costs a job no more here than there.
constexpr std::int64_t kMutationSeconds = 3;

class MutationWatchdog {
public:
    static MutationWatchdog& instance() {
        static MutationWatchdog watchdog;
        return watchdog;
    }
    void arm() { deadline_.store(now() + kMutationSeconds); }
    void disarm() { deadline_.store(0); }

private:
    MutationWatchdog() {
        std::thread([this] {
            for (;;) {
                std::this_thread::sleep_for(std::chrono::seconds(1));
                const std::int64_t deadline = deadline_.load();
                if (deadline != 0 && now() > deadline) {
                    std::fprintf(stderr, "starlocus-fuzz: a structure-aware edit hung inside libhdf5 for %llds; "
                                         "ending this job (not a finding: the target never ran)\n",
                                 static_cast<long long>(kMutationSeconds));
                    _exit(0);
                }
            }
        }).detach();
    }
    static std::int64_t now() {
        return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::steady_clock::now().time_since_epoch())
            .count();
    }
    std::atomic<std::int64_t> deadline_{0};
};

// Arms the watchdog for one edit.
struct WatchedEdit {
    WatchedEdit() { MutationWatchdog::instance().arm(); }
    ~WatchedEdit() { MutationWatchdog::instance().disarm(); }
    WatchedEdit(const WatchedEdit&) = delete;
    WatchedEdit& operator=(const WatchedEdit&) = delete;
};
} // namespace

// libhdf5 allocates a 512 KiB cache header (H5C_t, with its 64 Ki-entry hash index) for every
// file it opens: the loaders open each input once or twice, the structure-aware edits once
// more. Above its free list's default limit (64 KiB per list) the library frees that block
// again at once, and under ASan every one of these blocks is a fresh mapping (128 page faults
// and the zeroing of 512 KiB, a third of each execution's time in the profile). Larger free
// list limits let the library reuse its own blocks. The loaders run unchanged; only how libhdf5
// recycles its internal memory differs from the program's defaults.
extern "C" int LLVMFuzzerInitialize(int*, char***) {
    H5set_free_list_limits(8 << 20, 4 << 20, 4 << 20, 256 << 10, 16 << 20, 1 << 20); // regular lists: 1 MiB, 64 KiB
    return 0;
}

extern "C" std::size_t LLVMFuzzerCustomMutator(std::uint8_t* data, std::size_t size, std::size_t maxSize,
                                               unsigned int seed) {
    std::mt19937_64 rng(seed);
    if (rng() % 100 >= kBytePercent) {
        const WatchedEdit watched;
        const auto image = starlocus::fuzz::mutateHdf5(data, size, rng);
        if (image && !image->empty() && image->size() <= maxSize) {
            std::memcpy(data, image->data(), image->size());
            return image->size();
        }
    }
    return LLVMFuzzerMutate(data, size, maxSize);
}

extern "C" std::size_t LLVMFuzzerCustomCrossOver(const std::uint8_t* data1, std::size_t size1,
                                                 const std::uint8_t* data2, std::size_t size2, std::uint8_t* out,
                                                 std::size_t maxOutSize, unsigned int seed) {
    std::mt19937_64 rng(seed);
    std::optional<std::vector<std::uint8_t>> image;
    {
        const WatchedEdit watched;
        image = starlocus::fuzz::crossOverHdf5(data1, size1, data2, size2, rng);
    }
    if (image && image->size() <= maxOutSize) {
        std::memcpy(out, image->data(), image->size());
        return image->size();
    }
    // The head of one file with the tail of the other (the superblock of one, say).
    const std::size_t head = size1 ? std::size_t(rng() % size1) : 0;
    const std::size_t tail = std::min(size2 - std::min(size2, head), maxOutSize - std::min(maxOutSize, head));
    const std::size_t n = std::min(head, maxOutSize);
    std::memcpy(out, data1, n);
    if (tail)
        std::memcpy(out + n, data2 + (size2 - tail), tail);
    return n + tail;
}
