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

} // namespace starlocus::fuzz
