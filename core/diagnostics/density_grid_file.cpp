// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/diagnostics/density_grid_file.h"

#include "core/bands/band_registry.h"
#include "core/common/input_error.h"
#include "core/io/atomic_file_write.h"
#include "core/io/hdf5_handle.h"

#include <algorithm>
#include <cmath>
#include <new>
#include <optional>

namespace starlocus::core {
namespace {

constexpr const char* kDataset = "rho_stars";
constexpr const char* kAxisNames[3] = {"teff", "logg", "feh"};

// A 1-D string array attribute (variable or fixed length); nullopt when absent.
std::optional<std::vector<std::string>> readStringArrayAttribute(hid_t object, const std::string& path,
                                                                 const std::string& name) {
    if (H5Aexists(object, name.c_str()) <= 0)
        return std::nullopt;
    hdf5::Handle attr(H5Aopen(object, name.c_str(), H5P_DEFAULT));
    hdf5::Handle type(H5Aget_type(attr.get()));
    if (H5Tget_class(type.get()) != H5T_STRING)
        throw InputError(path, std::string(kDataset) + "/" + name, "expected strings");
    hdf5::Handle space(H5Aget_space(attr.get()));
    const hssize_t n = H5Sget_simple_extent_npoints(space.get());
    std::vector<std::string> out;
    if (n <= 0)
        return out;
    // 13 band names or 4 axis names; more than a few hundred is a damaged size.
    constexpr hssize_t kMaxNames = 1024;
    if (n > kMaxNames)
        throw InputError(path, std::string(kDataset) + "/" + name,
                         std::to_string(n) + " strings: damaged size (expected 13 or 4)");
    if (H5Tis_variable_str(type.get()) > 0) {
        hdf5::Handle mem(H5Tcopy(H5T_C_S1));
        H5Tset_size(mem.get(), H5T_VARIABLE);
        H5Tset_cset(mem.get(), H5Tget_cset(type.get())); // h5py writes UTF-8: no ASCII conversion
        std::vector<char*> text(std::size_t(n), nullptr);
        if (H5Aread(attr.get(), mem.get(), text.data()) < 0)
            throw InputError(path, std::string(kDataset) + "/" + name, "read failed");
        for (char* t : text) {
            out.emplace_back(t ? t : "");
            H5free_memory(t);
        }
    } else {
        const std::size_t size = H5Tget_size(type.get());
        constexpr std::size_t kMaxNameBytes = 4096;
        if (size == 0 || size > kMaxNameBytes)
            throw InputError(path, std::string(kDataset) + "/" + name,
                             "strings of " + std::to_string(size) + " bytes: damaged size");
        hdf5::Handle mem(H5Tcopy(H5T_C_S1));
        H5Tset_size(mem.get(), size);
        H5Tset_strpad(mem.get(), H5T_STR_NULLPAD);
        H5Tset_cset(mem.get(), H5Tget_cset(type.get()));
        std::vector<char> buffer(size * std::size_t(n), '\0');
        if (H5Aread(attr.get(), mem.get(), buffer.data()) < 0)
            throw InputError(path, std::string(kDataset) + "/" + name, "read failed");
        for (hssize_t k = 0; k < n; ++k) {
            std::string s(buffer.data() + std::size_t(k) * size, size);
            s.resize(std::min(s.find('\0'), s.size()));
            out.push_back(s);
        }
    }
    return out;
}

void checkBands(const std::vector<std::string>& names, const std::string& path) {
    const std::string field = std::string(kDataset) + "/bands";
    if (names.size() != kDensityChannelCount)
        throw InputError(path, field, "expected 13 names, got " + std::to_string(names.size()));
    if (names[0] != "parallax")
        throw InputError(path, field, "entry 0 must be 'parallax', got '" + names[0] + "'");
    for (std::size_t b = 1; b < names.size(); ++b)
        if (bandIndex(names[b]) != b)
            throw InputError(path, field, "entry " + std::to_string(b) + " is '" + names[b] + "', expected '" +
                                              std::string(bands()[b].name) + "'");
}

void writeStringArrayAttribute(hid_t object, const std::string& path, const std::string& name,
                               const std::vector<std::string>& values) {
    hdf5::Handle type(H5Tcopy(H5T_C_S1));
    H5Tset_size(type.get(), H5T_VARIABLE);
    const hsize_t n = values.size();
    hdf5::Handle space(H5Screate_simple(1, &n, nullptr));
    hdf5::Handle attr(H5Acreate2(object, name.c_str(), type.get(), space.get(), H5P_DEFAULT, H5P_DEFAULT));
    std::vector<const char*> text;
    for (const std::string& v : values)
        text.push_back(v.c_str());
    if (!attr.valid() || H5Awrite(attr.get(), type.get(), text.data()) < 0)
        throw InputError(path, name, "cannot write attribute");
}

} // namespace

DensityGrid readDensityGrid(const std::string& path) {
    const auto lock = hdf5::libraryLock();
    hdf5::Handle file = hdf5::openReadOnly(path);
    hdf5::Handle ds = hdf5::openDataset(file.get(), path, kDataset);
    hdf5::Handle type(H5Dget_type(ds.get()));
    const H5T_class_t cls = H5Tget_class(type.get());
    if (cls != H5T_FLOAT && cls != H5T_INTEGER)
        throw InputError(path, kDataset, "expected numbers, found another element type");
    const std::vector<hsize_t> shape = hdf5::datasetShape(ds.get());
    if (shape.size() != 4 || shape[0] != kDensityChannelCount || shape[1] < 2 || shape[2] < 2 || shape[3] < 2) {
        std::string text = "(";
        for (std::size_t k = 0; k < shape.size(); ++k)
            text += (k ? ", " : "") + std::to_string(shape[k]);
        throw InputError(path, kDataset, "shape " + text + "), expected (13, n_teff, n_logg, n_feh) with n ≥ 2");
    }

    // Before any allocation: the dimensions must fit the file (a damaged one would end in
    // std::bad_alloc), and the node counts read below must match them.
    const std::size_t count = hdf5::storedElementCount(ds.get(), path, kDataset);

    DensityGrid grid;
    grid.source = path;
    for (std::size_t a = 0; a < 3; ++a) {
        const std::string field = std::string(kDataset) + "/" + kAxisNames[a];
        std::optional<std::vector<double>> nodes = hdf5::readDoubleAttribute(ds.get(), kAxisNames[a]);
        if (!nodes)
            throw InputError(path, field, "attribute missing (the grid nodes)");
        if (nodes->size() != shape[a + 1])
            throw InputError(path, field, "has " + std::to_string(nodes->size()) + " nodes, the dataset " +
                                              std::to_string(shape[a + 1]));
        if (!std::all_of(nodes->begin(), nodes->end(), [](double v) { return std::isfinite(v); }) ||
            std::adjacent_find(nodes->begin(), nodes->end(), std::greater_equal<double>()) != nodes->end())
            throw InputError(path, field, "nodes must be finite and strictly increasing");
        grid.axes[a] = std::move(*nodes);
    }
    if (auto names = readStringArrayAttribute(ds.get(), path, "bands"))
        checkBands(*names, path);
    if (auto order = readStringArrayAttribute(ds.get(), path, "axis_order"))
        if (*order != std::vector<std::string>{"band", "teff", "logg", "feh"})
            throw InputError(path, std::string(kDataset) + "/axis_order", "expected band, teff, logg, feh");

    try {
        grid.values.resize(count);
    } catch (const std::bad_alloc&) {
        throw InputError(path, kDataset, std::to_string(count) + " values do not fit in memory");
    }
    if (H5Dread(ds.get(), H5T_NATIVE_FLOAT, H5S_ALL, H5S_ALL, H5P_DEFAULT, grid.values.data()) < 0)
        throw InputError(path, kDataset, "read failed");
    if (!std::all_of(grid.values.begin(), grid.values.end(), [](float v) { return std::isfinite(v); }))
        throw InputError(path, kDataset, "holds NaN or infinite values");
    return grid;
}

void writeDensityGrid(const std::string& path, const DensityGrid& grid) {
    const auto lock = hdf5::libraryLock();
    const std::vector<hsize_t> shape{kDensityChannelCount, grid.nodes(0), grid.nodes(1), grid.nodes(2)};
    if (grid.values.size() != shape[0] * shape[1] * shape[2] * shape[3])
        throw InputError(path, kDataset, "the grid's values do not match its axes");
    hdf5::AtomicFileWrite out(path);
    hdf5::Handle space(H5Screate_simple(4, shape.data(), nullptr));
    hdf5::Handle dcpl(H5Pcreate(H5P_DATASET_CREATE));
    H5Pset_obj_track_times(dcpl.get(), false);
    hdf5::Handle ds(H5Dcreate2(out.file(), kDataset, H5T_IEEE_F32LE, space.get(), H5P_DEFAULT, dcpl.get(),
                               H5P_DEFAULT));
    if (!ds.valid() || H5Dwrite(ds.get(), H5T_NATIVE_FLOAT, H5S_ALL, H5S_ALL, H5P_DEFAULT, grid.values.data()) < 0)
        throw InputError(path, kDataset, "cannot write the dataset");
    for (std::size_t a = 0; a < 3; ++a)
        hdf5::writeDoubleAttribute(ds.get(), path, kAxisNames[a], grid.axes[a]);
    std::vector<std::string> names{"parallax"};
    for (std::size_t b = 1; b < kDensityChannelCount; ++b)
        names.emplace_back(bands()[b].name);
    writeStringArrayAttribute(ds.get(), path, "bands", names);
    writeStringArrayAttribute(ds.get(), path, "axis_order", {"band", "teff", "logg", "feh"});
    ds.reset();
    out.commit();
}

} // namespace starlocus::core
