// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Small hand-made catalogs for tests of per-star rules and of the file layout.
#include "core/catalog/catalog.h"

#include <hdf5.h>
#include <string>
#include <vector>

namespace starlocus::test {

// `n` ordinary stars: a solar-type dwarf with all 13 bands, a good parallax (S/N 20),
// diagonal label covariance and a positive reddening prior.
core::Catalog makeCleanCatalog(std::size_t n);

// A `data` compound written field by field, so a test can leave one out, change its
// shape or its type. Each field: name, HDF5 member type (owned by the caller).
struct CompoundField {
    std::string name;
    hid_t type;
};
void writeCompound(const std::string& path, std::size_t rows, const std::vector<CompoundField>& fields);

// The published field list with float32 arrays; `skip` leaves one out, `replace`
// swaps one field's type.
std::vector<CompoundField> publishedFields(const std::string& skip = {}, const std::string& replace = {},
                                           hid_t replacement = -1);

} // namespace starlocus::test
