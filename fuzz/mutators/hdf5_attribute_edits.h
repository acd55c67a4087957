// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Edits of one attribute of an HDF5 file: its values (non-finite, huge, negative), its
// length, its type (number ↔ text, fixed ↔ variable-length string), its JSON content
// (json_mutator.h), or its removal.
#include "fuzz/mutators/hdf5_inventory.h"

#include <random>

namespace starlocus::fuzz {

// False when nothing could be changed.
bool editAttribute(hid_t file, const Hdf5Attribute& attribute, std::mt19937_64& rng);

// Copies attribute `name` of `from` onto `to` (replacing one of the same name) with its
// type, shape and values: the crossover and the dataset rebuilds use it.
bool copyAttribute(hid_t from, hid_t to, const std::string& name);

} // namespace starlocus::fuzz
