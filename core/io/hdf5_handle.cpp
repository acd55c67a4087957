// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/io/hdf5_handle.h"

#include "core/common/input_error.h"
#include "core/io/array_checksum.h"

#include <charconv>
#include <cstring>
#include <filesystem>
#include <limits>
#include <mutex>
#include <new>
#include <stdexcept>
#include <system_error>

namespace starlocus::core::hdf5 {

std::unique_lock<std::recursive_mutex> libraryLock() {
    static std::recursive_mutex mutex;
    return std::unique_lock<std::recursive_mutex>(mutex);
}

void Handle::reset() {
    if (id_ < 0)
        return;
    const auto lock = libraryLock(); // a handle may outlive the lock of the code that opened it
    switch (H5Iget_type(id_)) {
    case H5I_FILE: H5Fclose(id_); break;
    case H5I_GROUP: H5Gclose(id_); break;
    case H5I_DATASET: H5Dclose(id_); break;
    case H5I_DATATYPE: H5Tclose(id_); break;
    case H5I_DATASPACE: H5Sclose(id_); break;
    case H5I_ATTR: H5Aclose(id_); break;
    case H5I_GENPROP_LST: H5Pclose(id_); break;
    default: break;
    }
    id_ = H5I_INVALID_HID;
}

void silenceLibraryErrors() {
    static std::once_flag once;
    std::call_once(once, [] { H5Eset_auto2(H5E_DEFAULT, nullptr, nullptr); });
}

Handle openReadOnly(const std::string& path) {
    silenceLibraryErrors();
    std::error_code ec;
    if (!std::filesystem::exists(path, ec))
        throw InputError(path, "", "file not found");
    if (std::filesystem::is_directory(path, ec))
        throw InputError(path, "", "is a folder, not a file");
    if (H5Fis_hdf5(path.c_str()) <= 0)
        throw InputError(path, "", "not an HDF5 file");
    Handle file(H5Fopen(path.c_str(), H5F_ACC_RDONLY, H5P_DEFAULT));
    if (!file.valid())
        throw InputError(path, "", "cannot be opened as HDF5 (unreadable or damaged)");
    return file;
}

Handle createFile(const std::string& path) {
    silenceLibraryErrors();
    Handle fcpl(H5Pcreate(H5P_FILE_CREATE));
    H5Pset_obj_track_times(fcpl.get(), false);
    Handle fapl(H5Pcreate(H5P_FILE_ACCESS));
    // Oldest compatible format: no time stamps and a stable on-disk layout.
    H5Pset_libver_bounds(fapl.get(), H5F_LIBVER_EARLIEST, H5F_LIBVER_LATEST);
    Handle file(H5Fcreate(path.c_str(), H5F_ACC_TRUNC, fcpl.get(), fapl.get()));
    if (!file.valid())
        throw InputError(path, "", "cannot create the file (folder missing or not writable?)");
    return file;
}

bool exists(hid_t location, const std::string& path) {
    // Check each component: H5Lexists fails on a missing intermediate group.
    std::string prefix;
    std::size_t start = 0;
    while (start <= path.size()) {
        const std::size_t slash = path.find('/', start);
        prefix = path.substr(0, slash);
        if (!prefix.empty() && H5Lexists(location, prefix.c_str(), H5P_DEFAULT) <= 0)
            return false;
        if (slash == std::string::npos)
            break;
        start = slash + 1;
    }
    return true;
}

Handle openDataset(hid_t file, const std::string& fileName, const std::string& path) {
    if (!exists(file, path))
        throw InputError(fileName, path, "dataset missing");
    Handle ds(H5Dopen2(file, path.c_str(), H5P_DEFAULT));
    if (!ds.valid())
        throw InputError(fileName, path, "is not a dataset");
    return ds;
}

Handle openGroup(hid_t file, const std::string& fileName, const std::string& path) {
    if (!exists(file, path))
        throw InputError(fileName, path, "group missing");
    Handle g(H5Gopen2(file, path.c_str(), H5P_DEFAULT));
    if (!g.valid())
        throw InputError(fileName, path, "is not a group");
    return g;
}

Handle createGroup(hid_t location, const std::string& fileName, const std::string& path) {
    Handle gcpl(H5Pcreate(H5P_GROUP_CREATE));
    H5Pset_obj_track_times(gcpl.get(), false);
    Handle g(H5Gcreate2(location, path.c_str(), H5P_DEFAULT, gcpl.get(), H5P_DEFAULT));
    if (!g.valid())
        throw InputError(fileName, path, "cannot create group");
    return g;
}

std::vector<hsize_t> datasetShape(hid_t dataset) {
    Handle space(H5Dget_space(dataset));
    const int rank = H5Sget_simple_extent_ndims(space.get());
    std::vector<hsize_t> dims(rank > 0 ? rank : 0);
    if (rank > 0)
        H5Sget_simple_extent_dims(space.get(), dims.data(), nullptr);
    return dims;
}

namespace {

std::string shapeText(const std::vector<hsize_t>& shape) {
    std::string s = "(";
    for (std::size_t i = 0; i < shape.size(); ++i)
        s += (i ? ", " : "") + (shape[i] ? std::to_string(shape[i]) : std::string("N"));
    return s + ")";
}

} // namespace

std::string fileNameOf(hid_t object) {
    const ssize_t length = H5Fget_name(object, nullptr, 0);
    if (length <= 0)
        return {};
    std::string name(std::size_t(length) + 1, '\0');
    H5Fget_name(object, name.data(), name.size());
    name.resize(std::size_t(length));
    return name;
}

std::size_t storedElementCount(hid_t dataset, const std::string& fileName, const std::string& path) {
    const std::vector<hsize_t> shape = datasetShape(dataset);
    std::size_t n = 1;
    for (hsize_t d : shape) {
        if (d != 0 && n > std::numeric_limits<std::size_t>::max() / d)
            throw InputError(fileName, path, "shape " + shapeText(shape) + " overflows: damaged dimensions");
        n *= std::size_t(d);
    }
    if (n == 0)
        return 0;
    Handle type(H5Dget_type(dataset));
    const std::size_t elementBytes = type.valid() ? H5Tget_size(type.get()) : 0;
    if (elementBytes == 0)
        throw InputError(fileName, path, "element type unreadable");
    Handle fileId(H5Iget_file_id(dataset));
    hsize_t fileBytes = 0;
    if (!fileId.valid() || H5Fget_filesize(fileId.get(), &fileBytes) < 0)
        throw InputError(fileName, path, "cannot determine the file's size");
    Handle dcpl(H5Dget_create_plist(dataset));
    const int filters = dcpl.valid() ? H5Pget_nfilters(dcpl.get()) : 0;
    // deflate cannot compress better than ~1032:1; no other common HDF5 filter comes close.
    const std::uint64_t ratio = filters > 0 ? 1100 : 1;
    const std::uint64_t capacity = fileBytes > std::numeric_limits<std::uint64_t>::max() / ratio
                                       ? std::numeric_limits<std::uint64_t>::max()
                                       : fileBytes * ratio;
    if (n > capacity / elementBytes)
        throw InputError(fileName, path,
                         "shape " + shapeText(shape) + " declares " + std::to_string(n) + " values of " +
                             std::to_string(elementBytes) + " bytes, more than the file (" +
                             std::to_string(fileBytes) + " bytes) can hold: damaged dimensions");
    return n;
}

namespace {

// Values as a reader receives them after storage as `fileType`: HDF5's own conversion
// there and back, the same code path as H5Dwrite followed by H5Dread.
std::vector<double> roundTrip(const double* data, std::size_t n, hid_t fileType, const std::string& fileName,
                              const std::string& path) {
    std::vector<double> values(data, data + n);
    if (n == 0 || H5Tequal(fileType, H5T_NATIVE_DOUBLE) > 0)
        return values;
    if (H5Tconvert(H5T_NATIVE_DOUBLE, fileType, n, values.data(), nullptr, H5P_DEFAULT) < 0 ||
        H5Tconvert(fileType, H5T_NATIVE_DOUBLE, n, values.data(), nullptr, H5P_DEFAULT) < 0)
        throw InputError(fileName, path, "cannot compute the checksum (HDF5 type conversion failed)");
    return values;
}

std::optional<std::uint64_t> parseChecksum(const std::string& text) {
    constexpr std::string_view prefix = "fnv1a64:";
    if (text.size() != prefix.size() + 16 || text.compare(0, prefix.size(), prefix) != 0)
        return std::nullopt;
    std::uint64_t value = 0;
    const char* first = text.data() + prefix.size();
    const char* last = text.data() + text.size();
    const auto [end, ec] = std::from_chars(first, last, value, 16);
    if (ec != std::errc() || end != last)
        return std::nullopt;
    return value;
}

} // namespace

std::vector<double> readDoubles(hid_t file, const std::string& fileName, const std::string& path,
                                const std::vector<hsize_t>& expectedShape, std::vector<hsize_t>* shapeOut,
                                ChecksumState* checksumOut) {
    Handle ds = openDataset(file, fileName, path);
    Handle type(H5Dget_type(ds.get()));
    const H5T_class_t cls = H5Tget_class(type.get());
    if (cls != H5T_FLOAT && cls != H5T_INTEGER)
        throw InputError(fileName, path, "expected numbers, found another element type");
    const std::vector<hsize_t> shape = datasetShape(ds.get());
    bool ok = shape.size() == expectedShape.size();
    for (std::size_t i = 0; ok && i < shape.size(); ++i)
        ok = expectedShape[i] == 0 || expectedShape[i] == shape[i];
    if (!ok)
        throw InputError(fileName, path, "shape " + shapeText(shape) + ", expected " + shapeText(expectedShape));
    const std::size_t n = storedElementCount(ds.get(), fileName, path);
    std::vector<double> values;
    try {
        values.resize(n);
    } catch (const std::bad_alloc&) {
        throw InputError(fileName, path, std::to_string(n) + " values do not fit in memory");
    } catch (const std::length_error&) {
        throw InputError(fileName, path, std::to_string(n) + " values do not fit in memory");
    }
    if (n > 0 && H5Dread(ds.get(), H5T_NATIVE_DOUBLE, H5S_ALL, H5S_ALL, H5P_DEFAULT, values.data()) < 0)
        throw InputError(fileName, path, "read failed");
    ChecksumState state = ChecksumState::Absent;
    if (H5Aexists(ds.get(), kChecksumAttribute) > 0) {
        const auto text = readStringAttribute(ds.get(), kChecksumAttribute);
        const auto stored = text ? parseChecksum(*text) : std::nullopt;
        if (!stored)
            throw InputError(fileName, path + "/" + kChecksumAttribute, "malformed (expected fnv1a64:<16 hex digits>)");
        if (*stored != arrayChecksum(shape, values.data(), values.size()))
            throw InputError(fileName, path, "checksum mismatch: the stored values are damaged");
        state = ChecksumState::Verified;
    }
    if (shapeOut)
        *shapeOut = shape;
    if (checksumOut)
        *checksumOut = state;
    return values;
}

void writeDoubles(hid_t location, const std::string& fileName, const std::string& path,
                  const std::vector<hsize_t>& shape, const double* data, hid_t fileType, Checksum checksum) {
    Handle space(H5Screate_simple(int(shape.size()), shape.data(), nullptr));
    Handle dcpl(H5Pcreate(H5P_DATASET_CREATE));
    H5Pset_obj_track_times(dcpl.get(), false);
    Handle ds(H5Dcreate2(location, path.c_str(), fileType, space.get(), H5P_DEFAULT, dcpl.get(), H5P_DEFAULT));
    if (!ds.valid() || H5Dwrite(ds.get(), H5T_NATIVE_DOUBLE, H5S_ALL, H5S_ALL, H5P_DEFAULT, data) < 0)
        throw InputError(fileName, path, "cannot write dataset");
    if (checksum == Checksum::Store) {
        std::size_t n = 1;
        for (hsize_t d : shape)
            n *= std::size_t(d);
        const std::vector<double> stored = roundTrip(data, n, fileType, fileName, path);
        writeStringAttribute(ds.get(), fileName, kChecksumAttribute,
                             checksumText(arrayChecksum(shape, stored.data(), stored.size())));
    }
}

std::optional<std::string> readStringAttribute(hid_t object, const std::string& name) {
    if (H5Aexists(object, name.c_str()) <= 0)
        return std::nullopt;
    Handle attr(H5Aopen(object, name.c_str(), H5P_DEFAULT));
    Handle type(H5Aget_type(attr.get()));
    if (!attr.valid() || !type.valid() || H5Tget_class(type.get()) != H5T_STRING)
        return std::nullopt;
    // One string only: H5Aread writes every element, and the buffers below hold one.
    Handle space(H5Aget_space(attr.get()));
    if (H5Sget_simple_extent_npoints(space.get()) != 1)
        return std::nullopt;
    const H5T_cset_t cset = H5Tget_cset(type.get());
    if (H5Tis_variable_str(type.get()) > 0) {
        Handle mem(H5Tcopy(H5T_C_S1));
        H5Tset_size(mem.get(), H5T_VARIABLE);
        if (cset != H5T_CSET_ERROR)
            H5Tset_cset(mem.get(), cset); // same character set: HDF5 converts nothing
        char* text = nullptr;
        if (H5Aread(attr.get(), mem.get(), &text) < 0 || !text)
            return std::nullopt;
        std::string value(text);
        H5free_memory(text);
        return value;
    }
    const std::size_t size = H5Tget_size(type.get());
    if (size == 0)
        return std::nullopt;
    if (size > kMaxStringAttributeBytes)
        throw InputError(fileNameOf(object), name,
                         "string of " + std::to_string(size) + " bytes: damaged size (at most " +
                             std::to_string(kMaxStringAttributeBytes >> 20) + " MiB expected)");
    std::string value(size, '\0');
    Handle mem(H5Tcopy(H5T_C_S1));
    H5Tset_size(mem.get(), size);
    H5Tset_strpad(mem.get(), H5T_STR_NULLPAD);
    if (cset != H5T_CSET_ERROR)
        H5Tset_cset(mem.get(), cset);
    if (H5Aread(attr.get(), mem.get(), value.data()) < 0)
        return std::nullopt;
    value.resize(value.find('\0') == std::string::npos ? value.size() : value.find('\0'));
    return value;
}

void writeStringAttribute(hid_t object, const std::string& fileName, const std::string& name,
                          const std::string& value) {
    Handle type(H5Tcopy(H5T_C_S1));
    H5Tset_size(type.get(), std::max<std::size_t>(1, value.size()));
    H5Tset_strpad(type.get(), H5T_STR_NULLPAD);
    Handle space(H5Screate(H5S_SCALAR));
    Handle attr(H5Acreate2(object, name.c_str(), type.get(), space.get(), H5P_DEFAULT, H5P_DEFAULT));
    std::string padded = value.empty() ? std::string(1, '\0') : value;
    if (!attr.valid() || H5Awrite(attr.get(), type.get(), padded.data()) < 0)
        throw InputError(fileName, name, "cannot write attribute");
}

std::optional<std::vector<double>> readDoubleAttribute(hid_t object, const std::string& name) {
    if (H5Aexists(object, name.c_str()) <= 0)
        return std::nullopt;
    Handle attr(H5Aopen(object, name.c_str(), H5P_DEFAULT));
    Handle type(H5Aget_type(attr.get()));
    if (!attr.valid() || !type.valid())
        return std::nullopt;
    const H5T_class_t cls = H5Tget_class(type.get());
    if (cls != H5T_FLOAT && cls != H5T_INTEGER)
        return std::nullopt;
    Handle space(H5Aget_space(attr.get()));
    const hssize_t n = H5Sget_simple_extent_npoints(space.get());
    if (n > hssize_t(kMaxAttributeValues))
        throw InputError(fileNameOf(object), name,
                         std::to_string(n) + " values: damaged size (at most " + std::to_string(kMaxAttributeValues) +
                             " expected)");
    std::vector<double> values(n > 0 ? std::size_t(n) : 0);
    if (!values.empty() && H5Aread(attr.get(), H5T_NATIVE_DOUBLE, values.data()) < 0)
        return std::nullopt;
    return values;
}

void writeDoubleAttribute(hid_t object, const std::string& fileName, const std::string& name,
                          const std::vector<double>& value) {
    const hsize_t n = value.size();
    Handle space(H5Screate_simple(1, &n, nullptr));
    Handle attr(H5Acreate2(object, name.c_str(), H5T_IEEE_F64LE, space.get(), H5P_DEFAULT, H5P_DEFAULT));
    if (!attr.valid() || H5Awrite(attr.get(), H5T_NATIVE_DOUBLE, value.data()) < 0)
        throw InputError(fileName, name, "cannot write attribute");
}

} // namespace starlocus::core::hdf5
