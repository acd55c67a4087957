// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Edits of one dataset of an HDF5 file: values (non-finite, huge, negative — also inside
// compound records), dimensions (rank, extents from 0 to beyond memory, never allocated on
// disk), element type, compound layout (members removed, renamed, retyped, reordered,
// spread apart), or removal. Rebuilt datasets keep their attributes.
#include "fuzz/mutators/hdf5_inventory.h"

#include <random>
#include <string>

namespace starlocus::fuzz {

// False when nothing could be changed.
bool editDataset(hid_t file, const std::string& path, std::mt19937_64& rng);

} // namespace starlocus::fuzz
