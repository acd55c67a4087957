// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The ranks one training run is spread over (data-parallel, docs/SCALING.md). The trainer
// talks to this interface only; it never sees MPI.
//   - Stars are sharded in contiguous blocks of the catalog (starRangeOf): each rank whitens,
//     updates and holds the samples of its own block only; the per-star state (split, E′,
//     σ_E′², χ²/dof, in-use flags: ~30 bytes a star) is gathered to every rank after each
//     update, so every rank draws the same global mini-batches.
//   - A mini-batch is the same set of stars whatever the number of ranks: each rank computes
//     the gradient of its own stars in it, and the ranks' gradients are summed exactly, in
//     64-bit fixed point (sumExact): the sum does not depend on the order of the reduction,
//     so `mpirun -np N` and `--simulate-ranks N` give the same bits. Only the rounding of each
//     rank's own float sum depends on N.
// Three implementations: one process (no reduction at all: the trainer's original
// arithmetic), N ranks simulated in one process (same sharding, same reduction), and MPI
// (mpi_rank_group.h, built with STARLOCUS_MPI).
#include <cstddef>
#include <cstdint>
#include <memory>
#include <span>
#include <vector>

namespace starlocus::core {

// Stars [begin, end) of the catalog.
struct StarRange {
    std::size_t begin = 0;
    std::size_t end = 0;
    std::size_t size() const { return end - begin; }
    bool contains(std::size_t i) const { return i >= begin && i < end; }
};

// Rank r's block of n stars among N ranks: [⌊n·r/N⌋, ⌊n·(r+1)/N⌋).
StarRange starRangeOf(int rank, int ranks, std::size_t stars);

// Values summed exactly across ranks. Each value v is the integer V = round(v·2⁴⁰) held as
// two 64-bit limbs, V = hi·2³² + lo with 0 ≤ lo < 2³²: limb-wise integer sums of up to 2¹⁵
// ranks cannot overflow, and the total is exact whatever the order of the additions.
// Resolution 2⁻⁴⁰ ≈ 1e-12 (a gradient entry's float resolution near 1 is 6e-8; Adam's
// ε = 1e-7 sits in the denominator); |v| < 2⁴⁰ ≈ 1.1e12.
class ExactSumBuffer {
public:
    static constexpr double kScale = 1099511627776.0; // 2⁴⁰
    static constexpr double kLimit = kScale;          // |v| below this
    static constexpr int kMaxRanks = 1 << 15;

    explicit ExactSumBuffer(std::size_t values = 0) : limbs_(2 * values, 0) {}
    std::size_t size() const { return limbs_.size() / 2; }
    // false (and 0 stored) when v is not finite or |v| ≥ kLimit.
    bool set(std::size_t k, double v);
    double get(std::size_t k) const;
    std::span<std::int64_t> limbs() { return limbs_; }
    std::span<const std::int64_t> limbs() const { return limbs_; }

private:
    std::vector<std::int64_t> limbs_;
};

class RankGroup {
public:
    virtual ~RankGroup() = default;

    // N, the ranks of the run.
    virtual int size() const = 0;
    // The ranks whose share this process computes: all N when simulated, its own under MPI.
    virtual int firstLocalRank() const = 0;
    virtual int localRankCount() const = 0;
    // Rank 0 writes the checkpoints, the model file and the logs, and starts the weights.
    bool isRoot() const { return firstLocalRank() == 0; }
    // Whether the run uses the data-parallel arithmetic (N > 1, real or simulated).
    bool isParallel() const { return size() > 1; }

    // `local` holds one buffer per local rank, in rank order, all of total's size; `total`
    // receives their sum over all N ranks (limb by limb: exact).
    virtual void sumExact(std::span<const ExactSumBuffer> local, ExactSumBuffer& total) = 0;
    // `local` holds localRankCount() × k values; `all` (N × k) receives every rank's, in rank
    // order, on every rank.
    virtual void gatherValues(std::span<const double> local, std::span<double> all) = 0;
    // Per-star arrays of the whole catalog whose local ranks' blocks are up to date: every
    // rank's block is copied into every other rank's array.
    virtual void gatherStars(std::span<std::uint8_t> perStar) = 0;
    virtual void gatherStars(std::span<double> perStar) = 0;
    // Rank 0's values on every rank.
    virtual void broadcastFromRoot(std::span<float> values) = 0;
    // Whether every rank holds the same value (a catalog hash, the settings, the CPU path).
    virtual bool allAgree(std::uint64_t value) = 0;

    // The catalog stars this process holds samples for: the local ranks' blocks together.
    StarRange localStars(std::size_t stars) const;
};

// One process, no data-parallel arithmetic (the default).
std::unique_ptr<RankGroup> singleProcessRanks();
// N ranks computed one after the other in this process: the sharding and the exact sums of
// an N-rank MPI run (N ≥ 1; N = 1 is the single process).
std::unique_ptr<RankGroup> simulatedRanks(int ranks);

} // namespace starlocus::core
