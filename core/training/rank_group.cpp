// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/training/rank_group.h"

#include <cmath>
#include <stdexcept>

namespace starlocus::core {
namespace {

constexpr double kTwo32 = 4294967296.0;

// One process computing ranks [0, N) one after the other: the local ranks are all ranks, so
// the sums and gathers have nothing to exchange.
class LocalRanks final : public RankGroup {
public:
    explicit LocalRanks(int ranks) : ranks_(ranks) {
        if (ranks < 1 || ranks > ExactSumBuffer::kMaxRanks)
            throw std::invalid_argument("simulated ranks must be between 1 and 32768");
    }
    int size() const override { return ranks_; }
    int firstLocalRank() const override { return 0; }
    int localRankCount() const override { return ranks_; }

    void sumExact(std::span<const ExactSumBuffer> local, ExactSumBuffer& total) override {
        auto out = total.limbs();
        std::fill(out.begin(), out.end(), 0);
        for (const ExactSumBuffer& b : local) {
            const auto in = b.limbs();
            for (std::size_t k = 0; k < out.size(); ++k)
                out[k] += in[k];
        }
    }
    void gatherValues(std::span<const double> local, std::span<double> all) override {
        std::copy(local.begin(), local.end(), all.begin());
    }
    void gatherStars(std::span<std::uint8_t>) override {}
    void gatherStars(std::span<double>) override {}
    void broadcastFromRoot(std::span<float>) override {}
    bool allAgree(std::uint64_t) override { return true; }

private:
    int ranks_;
};

} // namespace

StarRange starRangeOf(int rank, int ranks, std::size_t stars) {
    const auto at = [&](int r) {
        // ⌊n·r/N⌋ without overflow: n = q·N + m, so n·r/N = q·r + ⌊m·r/N⌋ (m·r < N² ≤ 2³⁰).
        const std::size_t n = stars, N = std::size_t(ranks), q = n / N, m = n % N;
        return q * std::size_t(r) + m * std::size_t(r) / N;
    };
    return {at(rank), at(rank + 1)};
}

StarRange RankGroup::localStars(std::size_t stars) const {
    return {starRangeOf(firstLocalRank(), size(), stars).begin,
            starRangeOf(firstLocalRank() + localRankCount() - 1, size(), stars).end};
}

bool ExactSumBuffer::set(std::size_t k, double v) {
    if (!(std::fabs(v) < kLimit)) { // NaN fails too
        limbs_[2 * k] = limbs_[2 * k + 1] = 0;
        return false;
    }
    const double scaled = std::nearbyint(v * kScale); // |scaled| < 2⁸⁰: hi below 2⁴⁸
    const double hi = std::floor(scaled / kTwo32);     // both exact: powers of two
    limbs_[2 * k] = std::int64_t(hi);
    limbs_[2 * k + 1] = std::int64_t(scaled - hi * kTwo32); // in [0, 2³²), exact
    return true;
}

double ExactSumBuffer::get(std::size_t k) const {
    // The one rounding of the exact integer sum: the same bits wherever it was summed.
    return (double(limbs_[2 * k]) * kTwo32 + double(limbs_[2 * k + 1])) / kScale;
}

std::unique_ptr<RankGroup> singleProcessRanks() { return std::make_unique<LocalRanks>(1); }
std::unique_ptr<RankGroup> simulatedRanks(int ranks) { return std::make_unique<LocalRanks>(ranks); }

} // namespace starlocus::core
