// SPDX-License-Identifier: GPL-3.0-or-later
#include "fuzz/mutators/hdf5_inventory.h"

#include "core/io/hdf5_handle.h"

namespace starlocus::fuzz {
namespace {

constexpr std::size_t kMaxObjects = 256; // the loaders' files have a few dozen

herr_t collectAttribute(hid_t, const char* name, const H5A_info_t*, void* out) {
    static_cast<std::vector<std::string>*>(out)->push_back(name);
    return 0;
}

herr_t collectLink(hid_t, const char* name, const H5L_info_t* info, void* out) {
    auto& objects = *static_cast<std::vector<std::string>*>(out);
    if (info->type == H5L_TYPE_HARD)
        objects.push_back(std::string("/") + name);
    return objects.size() < kMaxObjects ? 0 : 1;
}

void collectMembers(hid_t type, std::vector<std::string>& out) {
    if (H5Tget_class(type) != H5T_COMPOUND)
        return;
    const int n = H5Tget_nmembers(type);
    for (int k = 0; k < n && k < 64; ++k) {
        char* name = H5Tget_member_name(type, unsigned(k));
        if (name) {
            out.push_back(name);
            H5free_memory(name);
        }
    }
}

} // namespace

bool membersInsideRecord(hid_t type) {
    switch (H5Tget_class(type)) {
    case H5T_ARRAY: {
        const core::hdf5::Handle base(H5Tget_super(type));
        return base.valid() && membersInsideRecord(base.get());
    }
    case H5T_COMPOUND: {
        const std::size_t record = H5Tget_size(type);
        const int n = H5Tget_nmembers(type);
        if (record == 0 || n < 0)
            return false;
        for (int k = 0; k < n; ++k) {
            const core::hdf5::Handle member(H5Tget_member_type(type, unsigned(k)));
            const std::size_t offset = H5Tget_member_offset(type, unsigned(k));
            const std::size_t size = member.valid() ? H5Tget_size(member.get()) : 0;
            if (size == 0 || offset > record || size > record - offset || !membersInsideRecord(member.get()))
                return false;
        }
        return true;
    }
    default: return true;
    }
}

std::vector<std::string> attributeNames(hid_t object) {
    std::vector<std::string> names;
    hsize_t index = 0;
    H5Aiterate2(object, H5_INDEX_NAME, H5_ITER_NATIVE, &index, collectAttribute, &names);
    return names;
}

Hdf5Inventory takeInventory(hid_t file) {
    Hdf5Inventory inv;
    inv.objects.push_back("/");
    H5Lvisit(file, H5_INDEX_NAME, H5_ITER_NATIVE, collectLink, &inv.objects);
    for (const auto& path : inv.objects) {
        core::hdf5::Handle object(H5Oopen(file, path.c_str(), H5P_DEFAULT));
        if (!object.valid())
            continue;
        for (auto& name : attributeNames(object.get()))
            inv.attributes.push_back({path, std::move(name)});
        if (H5Iget_type(object.get()) == H5I_DATASET) {
            inv.datasets.push_back(path);
            core::hdf5::Handle type(H5Dget_type(object.get()));
            collectMembers(type.get(), inv.compoundMembers);
        }
    }
    return inv;
}

} // namespace starlocus::fuzz
