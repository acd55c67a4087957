// SPDX-License-Identifier: GPL-3.0-or-later
#include "fuzz/mutators/hdf5_attribute_edits.h"

#include "fuzz/mutators/json_mutator.h"
#include "fuzz/mutators/special_values.h"

#include "core/io/hdf5_handle.h"

#include <optional>

namespace starlocus::fuzz {
namespace {

using core::hdf5::Handle;

constexpr hssize_t kMaxElements = 1 << 20;

std::optional<std::string> readText(hid_t attr, hid_t type) {
    if (H5Tis_variable_str(type) > 0) {
        Handle mem(H5Tcopy(H5T_C_S1));
        H5Tset_size(mem.get(), H5T_VARIABLE);
        char* text = nullptr;
        if (H5Aread(attr, mem.get(), &text) < 0 || !text)
            return std::nullopt;
        std::string value(text);
        H5free_memory(text);
        return value;
    }
    const std::size_t size = H5Tget_size(type);
    if (size == 0 || size > (1u << 24))
        return std::nullopt;
    std::string value(size, '\0');
    Handle mem(H5Tcopy(H5T_C_S1));
    H5Tset_size(mem.get(), size);
    H5Tset_strpad(mem.get(), H5T_STR_NULLPAD);
    if (H5Aread(attr, mem.get(), value.data()) < 0)
        return std::nullopt;
    value.resize(value.find('\0') == std::string::npos ? value.size() : value.find('\0'));
    return value;
}

bool writeText(hid_t object, const std::string& name, const std::string& text, bool variableLength) {
    Handle type(H5Tcopy(H5T_C_S1));
    H5Tset_size(type.get(), variableLength ? H5T_VARIABLE : std::max<std::size_t>(1, text.size()));
    H5Tset_strpad(type.get(), H5T_STR_NULLPAD);
    Handle space(H5Screate(H5S_SCALAR));
    Handle attr(H5Acreate2(object, name.c_str(), type.get(), space.get(), H5P_DEFAULT, H5P_DEFAULT));
    if (!attr.valid())
        return false;
    if (variableLength) {
        const char* p = text.c_str();
        return H5Awrite(attr.get(), type.get(), &p) >= 0;
    }
    std::string padded = text.empty() ? std::string(1, '\0') : text;
    return H5Awrite(attr.get(), type.get(), padded.data()) >= 0;
}

bool writeNumbers(hid_t object, const std::string& name, hid_t fileType, const std::vector<double>& values) {
    const hsize_t n = values.size();
    Handle space(H5Screate_simple(1, &n, nullptr));
    Handle attr(H5Acreate2(object, name.c_str(), fileType, space.get(), H5P_DEFAULT, H5P_DEFAULT));
    return attr.valid() && (values.empty() || H5Awrite(attr.get(), H5T_NATIVE_DOUBLE, values.data()) >= 0);
}

std::string editText(std::string text, std::mt19937_64& rng) {
    switch (rng() % 7) {
    case 0: return "";
    case 1: return text.substr(0, text.empty() ? 0 : rng() % text.size());
    case 2: text.insert(text.empty() ? 0 : rng() % text.size(), "\xff\xfe\xc3"); return text;
    case 3: return "13";
    case 4: return std::string(1000 + rng() % 100000, 'z');
    case 5:
        if (!text.empty())
            text[rng() % text.size()] = char(rng());
        return text;
    default: return text + text;
    }
}

hid_t numericType(std::mt19937_64& rng) {
    static const hid_t* const types[] = {&H5T_IEEE_F64LE_g, &H5T_IEEE_F32LE_g, &H5T_STD_I32LE_g,
                                         &H5T_STD_U8LE_g,   &H5T_STD_I64BE_g,  &H5T_IEEE_F64BE_g};
    return *types[rng() % (sizeof types / sizeof types[0])];
}

} // namespace

bool copyAttribute(hid_t from, hid_t to, const std::string& name) {
    Handle src(H5Aopen(from, name.c_str(), H5P_DEFAULT));
    if (!src.valid())
        return false;
    Handle type(H5Aget_type(src.get()));
    Handle space(H5Aget_space(src.get()));
    const hssize_t n = H5Sget_simple_extent_npoints(space.get());
    const std::size_t elementSize = H5Tget_size(type.get());
    if (n < 0 || n > kMaxElements || elementSize == 0 || elementSize > (1u << 24))
        return false;
    std::vector<unsigned char> buffer(std::size_t(std::max<hssize_t>(n, 1)) * elementSize);
    if (H5Aread(src.get(), type.get(), buffer.data()) < 0)
        return false;
    if (H5Aexists(to, name.c_str()) > 0)
        H5Adelete(to, name.c_str());
    Handle dst(H5Acreate2(to, name.c_str(), type.get(), space.get(), H5P_DEFAULT, H5P_DEFAULT));
    const bool ok = dst.valid() && H5Awrite(dst.get(), type.get(), buffer.data()) >= 0;
    if (H5Tdetect_class(type.get(), H5T_VLEN) > 0 || H5Tis_variable_str(type.get()) > 0)
        H5Dvlen_reclaim(type.get(), space.get(), H5P_DEFAULT, buffer.data());
    return ok;
}

bool editAttribute(hid_t file, const Hdf5Attribute& a, std::mt19937_64& rng) {
    Handle object(H5Oopen(file, a.object.c_str(), H5P_DEFAULT));
    if (!object.valid())
        return false;
    const char* name = a.name.c_str();
    Handle attr(H5Aopen(object.get(), name, H5P_DEFAULT));
    if (!attr.valid())
        return false;
    Handle type(H5Aget_type(attr.get()));
    Handle space(H5Aget_space(attr.get()));
    const H5T_class_t cls = H5Tget_class(type.get());
    const hssize_t n = H5Sget_simple_extent_npoints(space.get());
    if (rng() % 10 == 0 || n < 0 || n > kMaxElements) {
        attr.reset();
        return H5Adelete(object.get(), name) >= 0;
    }
    if (cls == H5T_STRING) {
        // One string only: H5Aread writes every element, and readText's buffer holds one.
        const auto text = n == 1 ? readText(attr.get(), type.get()) : std::nullopt;
        const bool variable = H5Tis_variable_str(type.get()) > 0;
        attr.reset();
        if (!text)
            return H5Adelete(object.get(), name) >= 0;
        std::optional<std::string> edited;
        if (rng() % 4 != 0)
            edited = mutateJson(*text, rng);
        if (!edited)
            edited = editText(*text, rng);
        H5Adelete(object.get(), name);
        // Sometimes the other string kind: both must be read the same way.
        return writeText(object.get(), name, *edited, rng() % 4 == 0 ? !variable : variable);
    }
    if (cls == H5T_INTEGER || cls == H5T_FLOAT) {
        std::vector<double> values(std::size_t(std::max<hssize_t>(n, 1)));
        if (H5Aread(attr.get(), H5T_NATIVE_DOUBLE, values.data()) < 0)
            return false;
        values.resize(std::size_t(n));
        Handle fileType(H5Tcopy(type.get()));
        attr.reset();
        H5Adelete(object.get(), name);
        switch (rng() % 4) {
        case 0: { // another length
            const std::size_t sizes[] = {0, 1, 2, 3, 12, 13, 14, values.size() + 1, values.size() * 2};
            values.resize(sizes[rng() % (sizeof sizes / sizeof sizes[0])], values.empty() ? 1.0 : values.back());
            return writeNumbers(object.get(), name, fileType.get(), values);
        }
        case 1: // the same number as text
            return writeText(object.get(), name, values.empty() ? "" : std::to_string(values[0]), rng() % 2);
        case 2: // another numeric type
            return writeNumbers(object.get(), name, numericType(rng), values);
        default:
            if (values.empty())
                values.push_back(0.0);
            for (int k = 0, edits = 1 + int(rng() % 3); k < edits; ++k) {
                double& v = values[rng() % values.size()];
                v = specialValue(rng, v);
            }
            return writeNumbers(object.get(), name, fileType.get(), values);
        }
    }
    attr.reset();
    return H5Adelete(object.get(), name) >= 0;
}

} // namespace starlocus::fuzz
