// SPDX-License-Identifier: GPL-3.0-or-later
#include "fuzz/mutators/hdf5_mutator.h"

#include "fuzz/mutators/hdf5_attribute_edits.h"
#include "fuzz/mutators/hdf5_dataset_edits.h"
#include "fuzz/mutators/hdf5_image.h"
#include "fuzz/mutators/hdf5_inventory.h"

#include <algorithm>
#include <cstring>

namespace starlocus::fuzz {
namespace {

using core::hdf5::Handle;

// A compound member in a version 1/2 datatype message is its name, NUL-padded to a multiple
// of 8 bytes, then a 4-byte little-endian byte offset: find a member's name in the raw image
// and move its offset (past the record, to the record size, by one).
bool moveMemberOffset(std::vector<std::uint8_t>& image, const std::string& name, std::mt19937_64& rng) {
    const std::size_t padded = (name.size() + 1 + 7) / 8 * 8;
    std::vector<std::size_t> hits;
    for (auto it = image.begin();
         (it = std::search(it, image.end(), name.begin(), name.end())) != image.end(); ++it) {
        const std::size_t at = std::size_t(it - image.begin());
        if (at + padded + 4 <= image.size() && image[at + name.size()] == 0)
            hits.push_back(at + padded);
    }
    if (hits.empty())
        return false;
    std::uint8_t* field = image.data() + hits[rng() % hits.size()];
    std::uint32_t offset;
    std::memcpy(&offset, field, 4);
    static const std::uint32_t targets[] = {0xfffffff0u, 0x7fffffffu, 1u << 16, 200, 4096};
    switch (rng() % 4) {
    case 0: offset += 1 + std::uint32_t(rng() % 64); break;
    case 1: offset = offset > 4 ? offset - 4 : 0; break;
    default: offset = targets[rng() % (sizeof targets / sizeof targets[0])]; break;
    }
    std::memcpy(field, &offset, 4);
    return true;
}

} // namespace

std::optional<std::vector<std::uint8_t>> mutateHdf5(const std::uint8_t* data, std::size_t size, std::mt19937_64& rng) {
    std::vector<std::string> members;
    std::vector<std::uint8_t> image;
    {
        auto file = Hdf5Image::open(data, size);
        if (!file)
            return std::nullopt;
        const Hdf5Inventory inv = takeInventory(file->file());
        members = inv.compoundMembers;
        const unsigned kind = unsigned(rng() % 8);
        bool edited = false;
        if (kind < 4 && !inv.attributes.empty())
            edited = editAttribute(file->file(), inv.attributes[rng() % inv.attributes.size()], rng);
        else if (kind < 7 && !inv.datasets.empty())
            edited = editDataset(file->file(), inv.datasets[rng() % inv.datasets.size()], rng);
        if (edited)
            image = file->bytes();
    }
    if (image.empty()) {
        if (members.empty())
            return std::nullopt;
        image.assign(data, data + size);
    }
    if (!members.empty() && rng() % 4 == 0)
        moveMemberOffset(image, members[rng() % members.size()], rng);
    return image;
}

std::optional<std::vector<std::uint8_t>> crossOverHdf5(const std::uint8_t* into, std::size_t intoSize,
                                                       const std::uint8_t* from, std::size_t fromSize,
                                                       std::mt19937_64& rng) {
    auto a = Hdf5Image::open(into, intoSize);
    if (!a)
        return std::nullopt;
    auto b = Hdf5Image::open(from, fromSize);
    if (!b)
        return std::nullopt;
    const Hdf5Inventory donor = takeInventory(b->file());
    bool copied = false;
    if (rng() % 2 && !donor.attributes.empty()) {
        const auto& attr = donor.attributes[rng() % donor.attributes.size()];
        Handle source(H5Oopen(b->file(), attr.object.c_str(), H5P_DEFAULT));
        Handle target(H5Oopen(a->file(), attr.object.c_str(), H5P_DEFAULT));
        copied = source.valid() && target.valid() && copyAttribute(source.get(), target.get(), attr.name);
    } else if (!donor.datasets.empty()) {
        copied = copyDataset(b->file(), a->file(), donor.datasets[rng() % donor.datasets.size()]);
    }
    if (!copied)
        return std::nullopt;
    auto image = a->bytes();
    if (image.empty())
        return std::nullopt;
    return image;
}

} // namespace starlocus::fuzz
