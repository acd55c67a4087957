// SPDX-License-Identifier: GPL-3.0-or-later
#include "fuzz/mutators/hdf5_dataset_edits.h"

#include "fuzz/mutators/hdf5_attribute_edits.h"
#include "fuzz/mutators/special_values.h"

#include "core/io/hdf5_handle.h"

#include <algorithm>
#include <cstring>
#include <vector>

namespace starlocus::fuzz {
namespace {

using core::hdf5::Handle;

constexpr hsize_t kMaxBytes = 8u << 20; // larger rebuilt datasets are left unwritten

struct Layout {
    Handle type;
    std::vector<hsize_t> dims;
    hsize_t elements = 1;
};

Layout layoutOf(hid_t dataset) {
    Layout l;
    l.type = Handle(H5Dget_type(dataset));
    Handle space(H5Dget_space(dataset));
    const int rank = H5Sget_simple_extent_ndims(space.get());
    if (rank > 0 && rank <= 32) {
        l.dims.resize(std::size_t(rank));
        H5Sget_simple_extent_dims(space.get(), l.dims.data(), nullptr);
    }
    for (hsize_t d : l.dims)
        l.elements *= d;
    return l;
}

bool isNumeric(hid_t type) {
    const H5T_class_t c = H5Tget_class(type);
    return c == H5T_INTEGER || c == H5T_FLOAT;
}

// Writes `value` into a float or integer field of `size` bytes (little-endian native).
void putNumber(unsigned char* at, H5T_class_t cls, std::size_t size, double value) {
    if (cls == H5T_FLOAT && size == 4) {
        const float f = float(value);
        std::memcpy(at, &f, 4);
    } else if (cls == H5T_FLOAT && size == 8) {
        std::memcpy(at, &value, 8);
    } else if (cls == H5T_INTEGER && size <= 8) {
        const std::int64_t i = std::isfinite(value) && std::abs(value) < 9e18 ? std::int64_t(value) : INT64_MIN;
        std::memcpy(at, &i, size);
    }
}

bool editValues(hid_t dataset, const Layout& l, std::mt19937_64& rng) {
    const std::size_t elementSize = H5Tget_size(l.type.get());
    if (l.elements == 0 || l.elements * elementSize > kMaxBytes || !membersInsideRecord(l.type.get()))
        return false;
    if (isNumeric(l.type.get())) {
        std::vector<double> values(l.elements);
        if (H5Dread(dataset, H5T_NATIVE_DOUBLE, H5S_ALL, H5S_ALL, H5P_DEFAULT, values.data()) < 0)
            return false;
        for (int k = 0, edits = 1 + int(rng() % 4); k < edits; ++k) {
            double& v = values[rng() % values.size()];
            v = specialValue(rng, v);
        }
        return H5Dwrite(dataset, H5T_NATIVE_DOUBLE, H5S_ALL, H5S_ALL, H5P_DEFAULT, values.data()) >= 0;
    }
    if (H5Tget_class(l.type.get()) != H5T_COMPOUND || H5Tdetect_class(l.type.get(), H5T_VLEN) > 0 ||
        H5Tis_variable_str(l.type.get()) > 0)
        return false;
    // A compound record in its native layout: change one field of one record.
    Handle native(H5Tget_native_type(l.type.get(), H5T_DIR_DEFAULT));
    const std::size_t recordSize = H5Tget_size(native.get());
    std::vector<unsigned char> records(l.elements * recordSize);
    if (H5Dread(dataset, native.get(), H5S_ALL, H5S_ALL, H5P_DEFAULT, records.data()) < 0)
        return false;
    const int members = H5Tget_nmembers(native.get());
    for (int k = 0, edits = 1 + int(rng() % 4); k < edits && members > 0; ++k) {
        const unsigned m = unsigned(rng() % unsigned(members));
        Handle member(H5Tget_member_type(native.get(), m));
        std::size_t offset = H5Tget_member_offset(native.get(), m);
        std::size_t size = H5Tget_size(member.get());
        Handle base(H5Tget_class(member.get()) == H5T_ARRAY ? H5Tget_super(member.get()) : H5Tcopy(member.get()));
        const H5T_class_t cls = H5Tget_class(base.get());
        const std::size_t baseSize = H5Tget_size(base.get());
        if (baseSize == 0 || baseSize > size)
            continue;
        offset += (rng() % (size / baseSize)) * baseSize;
        unsigned char* at = records.data() + (rng() % l.elements) * recordSize + offset;
        if (cls == H5T_STRING) {
            at[rng() % baseSize] = static_cast<unsigned char>(rng()); // e.g. a non-UTF-8 byte in a source tag
        } else {
            double current = 0.0;
            if (cls == H5T_FLOAT && baseSize == 4) {
                float f;
                std::memcpy(&f, at, 4);
                current = f;
            }
            putNumber(at, cls, baseSize, specialValue(rng, current));
        }
    }
    return H5Dwrite(dataset, native.get(), H5S_ALL, H5S_ALL, H5P_DEFAULT, records.data()) >= 0;
}

std::vector<hsize_t> otherDims(std::vector<hsize_t> dims, std::mt19937_64& rng) {
    static const hsize_t extents[] = {0, 1, 2, 3, 9, 12, 13, 14, hsize_t(1) << 31, hsize_t(1) << 40, hsize_t(1) << 62};
    switch (rng() % 4) {
    case 0:
        if (!dims.empty())
            dims.pop_back();
        break;
    case 1: dims.push_back(rng() % 2 ? 1 : 3); break;
    case 2:
        if (!dims.empty()) {
            hsize_t& d = dims[rng() % dims.size()];
            d = rng() % 2 ? d + 1 : (d > 0 ? d - 1 : 0);
        }
        break;
    default:
        if (dims.empty())
            dims.push_back(1);
        dims[rng() % dims.size()] = extents[rng() % (sizeof extents / sizeof extents[0])];
    }
    return dims;
}

// A compound like `type` with one change; H5Tinsert keeps the members inside the record,
// the raw-image edit (hdf5_mutator.cpp) moves offsets past it.
Handle otherCompound(hid_t type, std::mt19937_64& rng) {
    const int n = H5Tget_nmembers(type);
    if (n <= 0)
        return Handle(H5Tcopy(type));
    const int changed = int(rng() % unsigned(n));
    const unsigned how = unsigned(rng() % 5);
    std::vector<std::pair<std::string, Handle>> members;
    for (int k = 0; k < n; ++k) {
        char* name = H5Tget_member_name(type, unsigned(k));
        std::string memberName = name ? name : "";
        H5free_memory(name);
        Handle memberType(H5Tget_member_type(type, unsigned(k)));
        if (k == changed) {
            if (how == 0)
                continue; // removed
            if (how == 1)
                memberName += rng() % 2 ? "_" : "";
            if (how == 2) {
                const bool isArray = H5Tget_class(memberType.get()) == H5T_ARRAY;
                Handle base(isArray ? H5Tget_super(memberType.get()) : H5Tcopy(memberType.get()));
                hsize_t dims[H5S_MAX_RANK]{};
                int rank = isArray ? H5Tget_array_ndims(memberType.get()) : 0;
                if (isArray)
                    H5Tget_array_dims2(memberType.get(), dims);
                if (rank > 0 && rng() % 2)
                    dims[0] = dims[0] + (rng() % 2 ? 1 : hsize_t(-1));
                else if (rank > 1)
                    rank = 1, dims[0] = dims[0] * dims[1];
                else
                    rank = 1, dims[0] = 3;
                if (rng() % 3 == 0)
                    base = Handle(H5Tcopy(H5Tget_size(base.get()) == 4 ? H5T_IEEE_F64LE : H5T_IEEE_F32LE));
                memberType = dims[0] == 0 || dims[0] > 4096 ? std::move(base)
                                                            : Handle(H5Tarray_create2(base.get(), unsigned(rank), dims));
            }
        }
        members.emplace_back(std::move(memberName), std::move(memberType));
    }
    if (how == 3)
        std::reverse(members.begin(), members.end());
    std::size_t size = 0;
    std::vector<std::size_t> offsets;
    for (const auto& m : members) {
        size += how == 4 ? rng() % 16 : 0; // gaps between members
        offsets.push_back(size);
        size += H5Tget_size(m.second.get());
    }
    Handle out(H5Tcreate(H5T_COMPOUND, std::max<std::size_t>(size, 1)));
    for (std::size_t k = 0; k < members.size(); ++k)
        H5Tinsert(out.get(), members[k].first.c_str(), offsets[k], members[k].second.get());
    return out;
}

Handle otherType(hid_t type, std::mt19937_64& rng) {
    if (H5Tget_class(type) == H5T_COMPOUND && rng() % 4 != 0)
        return otherCompound(type, rng);
    static const hid_t* const types[] = {&H5T_IEEE_F64LE_g, &H5T_IEEE_F32LE_g, &H5T_STD_I32LE_g,
                                         &H5T_STD_U8LE_g,   &H5T_IEEE_F32BE_g, &H5T_STD_I64LE_g};
    if (rng() % 6 == 0) {
        Handle s(H5Tcopy(H5T_C_S1));
        H5Tset_size(s.get(), 8);
        return s;
    }
    return Handle(H5Tcopy(*types[rng() % (sizeof types / sizeof types[0])]));
}

// Replaces the dataset by one of another shape and/or type, with as much of the old data as
// converts, and the old attributes.
bool rebuild(hid_t file, const std::string& path, hid_t dataset, const Layout& l, const std::vector<hsize_t>& dims,
             hid_t type) {
    Handle space(dims.empty() ? H5Screate(H5S_SCALAR) : H5Screate_simple(int(dims.size()), dims.data(), nullptr));
    const std::string temporary = path + "~";
    Handle copy(H5Dcreate2(file, temporary.c_str(), type, space.get(), H5P_DEFAULT, H5P_DEFAULT, H5P_DEFAULT));
    if (!copy.valid())
        return false;
    hsize_t elements = 1;
    for (hsize_t d : dims)
        elements = d != 0 && elements > kMaxBytes / d ? kMaxBytes + 1 : elements * d;
    const std::size_t newSize = H5Tget_size(type), oldSize = H5Tget_size(l.type.get());
    if (elements <= kMaxBytes / std::max<std::size_t>(newSize, 8) && l.elements * std::max({oldSize, newSize, std::size_t(8)}) <= kMaxBytes &&
        H5Tdetect_class(type, H5T_VLEN) <= 0 && membersInsideRecord(l.type.get()) && membersInsideRecord(type)) {
        const bool numeric = isNumeric(type) && isNumeric(l.type.get());
        const hid_t memType = numeric ? H5T_NATIVE_DOUBLE : type;
        const std::size_t memSize = numeric ? sizeof(double) : newSize;
        std::vector<unsigned char> buffer(std::max(elements, l.elements) * memSize + 1, 0);
        if (H5Dread(dataset, memType, H5S_ALL, H5S_ALL, H5P_DEFAULT, buffer.data()) < 0)
            std::fill(buffer.begin(), buffer.end(), 0); // nothing converts: zeros
        if (elements > 0)
            H5Dwrite(copy.get(), memType, H5S_ALL, H5S_ALL, H5P_DEFAULT, buffer.data());
    }
    for (const auto& name : attributeNames(dataset))
        copyAttribute(dataset, copy.get(), name);
    copy.reset();
    return H5Ldelete(file, path.c_str(), H5P_DEFAULT) >= 0 &&
           H5Lmove(file, temporary.c_str(), file, path.c_str(), H5P_DEFAULT, H5P_DEFAULT) >= 0;
}

} // namespace

bool copyDataset(hid_t from, hid_t to, const std::string& path) {
    Handle source(H5Dopen2(from, path.c_str(), H5P_DEFAULT));
    if (!source.valid())
        return false;
    const Layout l = layoutOf(source.get());
    if (!l.type.valid() || !membersInsideRecord(l.type.get()))
        return false;
    if (H5Lexists(to, path.c_str(), H5P_DEFAULT) > 0)
        H5Ldelete(to, path.c_str(), H5P_DEFAULT);
    Handle space(l.dims.empty() ? H5Screate(H5S_SCALAR) : H5Screate_simple(int(l.dims.size()), l.dims.data(), nullptr));
    Handle copy(H5Dcreate2(to, path.c_str(), l.type.get(), space.get(), H5P_DEFAULT, H5P_DEFAULT, H5P_DEFAULT));
    if (!copy.valid())
        return false;
    const std::size_t size = H5Tget_size(l.type.get());
    if (l.elements > 0 && size > 0 && l.elements <= kMaxBytes / size && H5Tdetect_class(l.type.get(), H5T_VLEN) <= 0 &&
        H5Tis_variable_str(l.type.get()) <= 0) {
        std::vector<unsigned char> buffer(l.elements * size);
        if (H5Dread(source.get(), l.type.get(), H5S_ALL, H5S_ALL, H5P_DEFAULT, buffer.data()) >= 0)
            H5Dwrite(copy.get(), l.type.get(), H5S_ALL, H5S_ALL, H5P_DEFAULT, buffer.data());
    }
    for (const auto& name : attributeNames(source.get()))
        copyAttribute(source.get(), copy.get(), name);
    return true;
}

bool editDataset(hid_t file, const std::string& path, std::mt19937_64& rng) {
    Handle dataset(H5Dopen2(file, path.c_str(), H5P_DEFAULT));
    if (!dataset.valid())
        return false;
    const Layout l = layoutOf(dataset.get());
    switch (rng() % 8) {
    case 0:
    case 1:
    case 2: return editValues(dataset.get(), l, rng);
    case 3:
    case 4: return rebuild(file, path, dataset.get(), l, otherDims(l.dims, rng), l.type.get());
    case 5:
    case 6: {
        Handle type = otherType(l.type.get(), rng);
        return type.valid() && rebuild(file, path, dataset.get(), l, l.dims, type.get());
    }
    default: dataset.reset(); return H5Ldelete(file, path.c_str(), H5P_DEFAULT) >= 0;
    }
}

} // namespace starlocus::fuzz
