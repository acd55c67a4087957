// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// What an HDF5 file contains, as the mutators need it: every object path, which of them are
// datasets, every attribute, and the member names of compound types (their offsets are
// patched in the raw image).
#include <hdf5.h>

#include <string>
#include <vector>

namespace starlocus::fuzz {

struct Hdf5Attribute {
    std::string object; // path of the object carrying it ("/" for the root group)
    std::string name;
};

struct Hdf5Inventory {
    std::vector<std::string> objects; // "/" first, then groups and datasets
    std::vector<std::string> datasets;
    std::vector<Hdf5Attribute> attributes;
    std::vector<std::string> compoundMembers;
};

Hdf5Inventory takeInventory(hid_t file);

// The attributes of one object (names only).
std::vector<std::string> attributeNames(hid_t object);

// False for a compound type (also inside arrays and nested compounds) with a member that does
// not lie inside its record, as the raw offset edits (hdf5_mutator.cpp) leave them. libhdf5
// converting such a type reads and writes past its buffers: the structure-aware edits leave
// such datasets to the byte mutations (the loaders still get them) instead of ending the
// fuzzing job inside the mutator.
bool membersInsideRecord(hid_t type);

} // namespace starlocus::fuzz
