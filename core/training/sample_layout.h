// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Where the trainer keeps each star's sample (StarSample, 256 bytes) in memory. The stars
// stand in one order of the run, their *positions* 0 … n−1: the catalog's own order for the
// free shuffle, a random permutation for the block shuffle (epoch_order.h). A block of
// consecutive positions is then a random set of stars whose samples lie side by side, so an
// epoch that walks the blocks one at a time reads a few MB at a time instead of picking 32
// samples per step out of the whole array (0.5 GB at 2 M training stars: a TLB miss and
// four cache misses per star, docs/PERFORMANCE.md).
//
// Positions are a pure function of (seed, n): the same on every rank and for any number of
// ranks, so the epochs' mini-batches are the same stars whatever N. Each process stores the
// samples of its own catalog stars (rank_group.h) in position order: its share of a block is
// contiguous in its memory too. In one process (and for simulated ranks, which hold every
// star) a star's sample index is its position.
#include "core/training/rank_group.h"

#include <cstdint>
#include <vector>

namespace starlocus::core {

class SampleLayout {
public:
    SampleLayout() = default;
    // Positions = catalog indices (the free shuffle: the layout before block shuffles existed).
    static SampleLayout catalogOrder(std::size_t stars, StarRange local);
    // Positions a random permutation of the stars, from `seed` (its own counter stream).
    static SampleLayout shuffled(std::size_t stars, StarRange local, std::uint64_t seed);

    std::size_t stars() const { return stars_; }
    bool isCatalogOrder() const { return positionOf_.empty(); }
    // The position of catalog star i.
    std::uint32_t position(std::size_t i) const {
        return positionOf_.empty() ? std::uint32_t(i) : positionOf_[i];
    }
    // The catalog star at position p.
    std::uint32_t starAt(std::size_t p) const { return starAt_.empty() ? std::uint32_t(p) : starAt_[p]; }
    // The index in this process's sample array of catalog star i, one of its local stars.
    std::uint32_t slot(std::size_t i) const {
        if (positionOf_.empty())
            return std::uint32_t(i - local_.begin);
        return localSlot_.empty() ? positionOf_[i] : localSlot_[i - local_.begin];
    }
    // Whether a position is a sample index here (this process holds every star).
    bool positionIsSlot() const { return local_.begin == 0 && local_.end == stars_; }

private:
    std::size_t stars_ = 0;
    StarRange local_;
    std::vector<std::uint32_t> positionOf_; // per catalog star; empty: catalog order
    std::vector<std::uint32_t> starAt_;     // per position; empty: catalog order
    std::vector<std::uint32_t> localSlot_;  // per local star (i − local begin); empty: the position
};

} // namespace starlocus::core
