// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The order in which an epoch visits the training stars (its mini-batches are consecutive
// runs of it). Both orders are pure functions of (seed, epoch, the training stars): a retried
// epoch sees the same order, and so do all ranks. Stars are given by their position in the
// run's sample layout (sample_layout.h).
//
// Free shuffle: a uniformly random permutation of all training stars (Fisher–Yates).
//
// Block shuffle: the positions are cut into blocks of `blockStars` consecutive positions,
// starting at a random offset drawn every epoch; the blocks come in a random order and the
// training stars inside each block in a random order. With the positions a random
// permutation of the catalog, a block is a random set of stars, so every mini-batch is a
// random set of training stars, as in a free shuffle; what differs is that the ~blockStars/B
// batches in a row come from the same few thousand stars (without replacement), whose
// samples lie side by side in memory. The offset changes which stars share a block from
// epoch to epoch.
#include <cstdint>
#include <vector>

namespace starlocus::core {

std::vector<std::uint32_t> freeShuffle(const std::vector<std::uint32_t>& train, std::uint64_t seed, int globalEpoch);

// `train` must be in ascending order of position, all below `positions` (the layout's size).
std::vector<std::uint32_t> blockShuffle(const std::vector<std::uint32_t>& train, std::size_t positions,
                                        std::size_t blockStars, std::uint64_t seed, int globalEpoch);

} // namespace starlocus::core
