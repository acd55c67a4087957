// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/mock/mock_sky_file.h"

#include "core/io/green2020_catalog.h"
#include "core/io/hdf5_handle.h"

namespace starlocus::core {
namespace {

template <std::size_t K> std::vector<double> flatten(const std::vector<std::array<double, K>>& rows) {
    std::vector<double> flat;
    flat.reserve(rows.size() * K);
    for (const auto& row : rows)
        flat.insert(flat.end(), row.begin(), row.end());
    return flat;
}

void writeTruth(hid_t file, const std::string& path, const MockSky& sky) {
    const MockTruth& t = sky.truth();
    const hsize_t n = t.size(), bands = kBandCount;
    hdf5::Handle group = hdf5::createGroup(file, path, "truth");
    const hid_t g = group.get();
    hdf5::writeDoubles(g, path, "theta", {n, 3}, flatten(t.theta).data());
    hdf5::writeDoubles(g, path, "E", {n}, t.reddening.data());
    hdf5::writeDoubles(g, path, "mu", {n}, t.distanceModulus.data());
    // The 13-band vectors as float32 (≤ 1e-6 mag, far below any noise; the catalog itself
    // is float32): they are 90 % of the truth's bytes, and writing is bound by bytes.
    hdf5::writeDoubles(g, path, "M", {n, bands}, flatten(t.absMag).data(), H5T_IEEE_F32LE);
    hdf5::writeDoubles(g, path, "R", {n, bands}, flatten(t.reddeningVector).data(), H5T_IEEE_F32LE);
    hdf5::writeDoubles(g, path, "A", {n, bands}, flatten(t.extinction).data(), H5T_IEEE_F32LE);
    std::vector<double> outlier(t.outlier.size()), branch(t.branch.size());
    for (std::size_t i = 0; i < outlier.size(); ++i) {
        outlier[i] = double(t.outlier[i]);
        branch[i] = double(t.branch[i]);
    }
    hdf5::writeDoubles(g, path, "outlier", {n}, outlier.data(), H5T_STD_U8LE);
    hdf5::writeDoubles(g, path, "branch", {n}, branch.data(), H5T_STD_U8LE);
    hdf5::writeStringAttribute(g, path, "config", sky.config().toJson());
    hdf5::writeStringAttribute(g, path, "seed", std::to_string(sky.seed()));
    hdf5::writeStringAttribute(g, path, "extinction", std::string(extinctionModeName(sky.config().extinction)));
}

} // namespace

void writeMockSky(const std::string& path, const MockSky& sky) {
    const auto lock = hdf5::libraryLock();
    writeGreen2020Catalog(path, sky.catalog(), sky.normalization(),
                          [&](hid_t file) { writeTruth(file, path, sky); });
}

} // namespace starlocus::core
