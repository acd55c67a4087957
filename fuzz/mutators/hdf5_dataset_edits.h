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

// Copies dataset `path` of `from` over the same path of `to` (whose groups must exist): its
// type, shape, values (up to 8 MiB) and attributes. The crossover's copy: H5Ocopy of a damaged
// file's dataset crashes libhdf5 (a null datatype in H5T_close_real) every few hundred
// crossovers, each time ending the fuzzing job; the copy goes through the calls the dataset
// edits make.
bool copyDataset(hid_t from, hid_t to, const std::string& path);

} // namespace starlocus::fuzz
