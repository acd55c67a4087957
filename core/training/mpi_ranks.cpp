// SPDX-License-Identifier: GPL-3.0-or-later
// mpi_ranks.h on MPI: one MPI_Allreduce of 64-bit integers per optimisation step (the exact
// sum of the ranks' gradients, loss and counts), MPI_Allgatherv of the per-star state after
// each iteration's update, MPI_Bcast of the starting weights. Errors are returned, not fatal
// (MPI_ERRORS_RETURN): a failed call becomes an exception with a sentence of ours.
#include "core/training/mpi_ranks.h"

#include <mpi.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <stdexcept>
#include <string>
#include <unistd.h>
#include <vector>

namespace starlocus::core {
namespace {

void check(int code, const char* what) {
    if (code == MPI_SUCCESS)
        return;
    char text[MPI_MAX_ERROR_STRING] = {};
    int length = 0;
    MPI_Error_string(code, text, &length);
    throw std::runtime_error(std::string("MPI failed in ") + what + " (" + std::string(text, std::size_t(length)) +
                             "): another rank of the run has probably ended");
}

// A test hook for the fault tests (tests/app/test_cli_train_mpi.cpp):
// STARLOCUS_TEST_MPI_EXIT=R:K makes rank R end abruptly, as a killed process would, at its
// K-th exact sum (one per optimisation step, one per validation).
struct ExitHook {
    int rank = -1;
    long long atSum = -1;
    long long sums = 0;
    void load(int myRank) {
        const char* spec = std::getenv("STARLOCUS_TEST_MPI_EXIT");
        if (!spec)
            return;
        int r = -1;
        long long k = -1;
        if (std::sscanf(spec, "%d:%lld", &r, &k) == 2 && r == myRank) {
            rank = r;
            atSum = k;
        }
    }
    void tick() {
        if (rank >= 0 && ++sums == atSum)
            _exit(3);
    }
};

class MpiRanks final : public RankGroup {
public:
    MpiRanks() {
        int provided = 0;
        // Worker threads never call MPI: only the thread that runs the trainer does.
        check(MPI_Init_thread(nullptr, nullptr, MPI_THREAD_FUNNELED, &provided), "MPI_Init_thread");
        MPI_Comm_set_errhandler(MPI_COMM_WORLD, MPI_ERRORS_RETURN);
        MPI_Comm_rank(MPI_COMM_WORLD, &rank_);
        MPI_Comm_size(MPI_COMM_WORLD, &size_);
        if (size_ > ExactSumBuffer::kMaxRanks)
            throw std::runtime_error("at most 32768 ranks (the exact sums' limit)");
        hook_.load(rank_);
    }
    ~MpiRanks() override { MPI_Finalize(); }

    int size() const override { return size_; }
    int firstLocalRank() const override { return rank_; }
    int localRankCount() const override { return 1; }

    void sumExact(std::span<const ExactSumBuffer> local, ExactSumBuffer& total) override {
        hook_.tick();
        const auto in = local[0].limbs();
        auto out = total.limbs();
        check(MPI_Allreduce(in.data(), out.data(), int(out.size()), MPI_INT64_T, MPI_SUM, MPI_COMM_WORLD),
              "the gradient sum (MPI_Allreduce)");
    }
    void gatherValues(std::span<const double> local, std::span<double> all) override {
        check(MPI_Allgather(local.data(), int(local.size()), MPI_DOUBLE, all.data(), int(local.size()), MPI_DOUBLE,
                            MPI_COMM_WORLD),
              "MPI_Allgather");
    }
    void gatherStars(std::span<std::uint8_t> perStar) override { gather(perStar.data(), perStar.size(), MPI_UINT8_T); }
    void gatherStars(std::span<double> perStar) override { gather(perStar.data(), perStar.size(), MPI_DOUBLE); }
    void broadcastFromRoot(std::span<float> values) override {
        check(MPI_Bcast(values.data(), int(values.size()), MPI_FLOAT, 0, MPI_COMM_WORLD), "MPI_Bcast");
    }
    bool allAgree(std::uint64_t value) override {
        std::uint64_t lo = 0, hi = 0;
        check(MPI_Allreduce(&value, &lo, 1, MPI_UINT64_T, MPI_MIN, MPI_COMM_WORLD), "MPI_Allreduce");
        check(MPI_Allreduce(&value, &hi, 1, MPI_UINT64_T, MPI_MAX, MPI_COMM_WORLD), "MPI_Allreduce");
        return lo == hi;
    }

private:
    // Every rank's block (starRangeOf) of an array of n stars, in place.
    void gather(void* data, std::size_t n, MPI_Datatype type) {
        const auto ranks = std::size_t(size_);
        std::vector<int> counts(ranks), offsets(ranks);
        for (int r = 0; r < size_; ++r) {
            const StarRange block = starRangeOf(r, size_, n);
            counts[std::size_t(r)] = int(block.size());
            offsets[std::size_t(r)] = int(block.begin);
        }
        check(MPI_Allgatherv(MPI_IN_PLACE, 0, MPI_DATATYPE_NULL, data, counts.data(), offsets.data(), type,
                             MPI_COMM_WORLD),
              "the per-star state (MPI_Allgatherv)");
    }

    int rank_ = 0;
    int size_ = 1;
    ExitHook hook_;
};

} // namespace

bool mpiBuilt() { return true; }

bool launchedByMpi() {
    for (const char* name : {"OMPI_COMM_WORLD_SIZE", "PMI_SIZE", "PMIX_RANK", "MPI_LOCALNRANKS"})
        if (std::getenv(name))
            return true;
    return false;
}

std::unique_ptr<RankGroup> mpiRanksIfLaunched() {
    if (!launchedByMpi())
        return nullptr;
    return std::make_unique<MpiRanks>();
}

void abortAllRanks(int exitCode) {
    int initialised = 0, finalised = 0;
    MPI_Initialized(&initialised);
    MPI_Finalized(&finalised);
    if (initialised && !finalised)
        MPI_Abort(MPI_COMM_WORLD, exitCode);
    std::_Exit(exitCode);
}

} // namespace starlocus::core
