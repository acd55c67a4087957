// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/core/io/catalog_fixtures.h"

#include <vector>

namespace starlocus::test {

core::Catalog makeCleanCatalog(std::size_t n) {
    core::Catalog cat;
    cat.resize(n);
    const std::array<double, 13> sun{4.67, 5.0, 4.2, 5.1, 4.6, 4.5, 4.5, 4.45, 3.6, 3.3, 3.25, 3.2, 3.2};
    for (std::size_t i = 0; i < n; ++i) {
        cat.theta[i] = {5780.0, 4.44, 0.0};
        cat.thetaCov[i] = {100.0 * 100.0, 0, 0, 0, 0.1 * 0.1, 0, 0, 0, 0.05 * 0.05};
        for (std::size_t b = 0; b < 13; ++b) {
            cat.mag[i][b] = sun[b] + 10.0; // μ = 10 → ϖ = 1 mas
            cat.magErr[i][b] = 0.03;
        }
        cat.parallaxMas[i] = 1.0;
        cat.parallaxErrMas[i] = 0.05;
        cat.reddening[i] = 0.1;
        cat.reddeningErr[i] = 0.05;
        cat.atmSource[i] = "lamost";
        cat.rSource[i] = "b19";
    }
    return cat;
}

void writeCompound(const std::string& path, std::size_t rows, const std::vector<CompoundField>& fields) {
    std::size_t size = 0;
    for (const auto& f : fields)
        size += H5Tget_size(f.type);
    hid_t type = H5Tcreate(H5T_COMPOUND, size);
    std::size_t offset = 0;
    for (const auto& f : fields) {
        H5Tinsert(type, f.name.c_str(), offset, f.type);
        offset += H5Tget_size(f.type);
    }
    std::vector<char> buffer(size * rows, 0);
    hsize_t dims[1] = {rows};
    hid_t space = H5Screate_simple(1, dims, nullptr);
    hid_t file = H5Fcreate(path.c_str(), H5F_ACC_TRUNC, H5P_DEFAULT, H5P_DEFAULT);
    hid_t ds = H5Dcreate2(file, "data", type, space, H5P_DEFAULT, H5P_DEFAULT, H5P_DEFAULT);
    H5Dwrite(ds, type, H5S_ALL, H5S_ALL, H5P_DEFAULT, buffer.data());
    H5Dclose(ds);
    H5Fclose(file);
    H5Sclose(space);
    H5Tclose(type);
}

std::vector<CompoundField> publishedFields(const std::string& skip, const std::string& replace, hid_t replacement) {
    static const hsize_t d3[1] = {3}, d33[2] = {3, 3}, d13[1] = {13};
    static const hid_t a3 = H5Tarray_create2(H5T_IEEE_F32LE, 1, d3);
    static const hid_t a33 = H5Tarray_create2(H5T_IEEE_F32LE, 2, d33);
    static const hid_t a13 = H5Tarray_create2(H5T_IEEE_F32LE, 1, d13);
    static const hid_t s8 = [] {
        hid_t t = H5Tcopy(H5T_C_S1);
        H5Tset_size(t, 8);
        return t;
    }();
    std::vector<CompoundField> all{{"atm_param", a3},     {"atm_param_cov", a33},  {"atm_param_p", a3},
                                   {"atm_param_cov_p", a33}, {"r", H5T_IEEE_F32LE}, {"r_err", H5T_IEEE_F32LE},
                                   {"mag", a13},           {"mag_err", a13},      {"parallax", H5T_IEEE_F32LE},
                                   {"parallax_err", H5T_IEEE_F32LE}, {"atm_source", s8}, {"r_source", s8}};
    std::vector<CompoundField> out;
    for (auto f : all) {
        if (f.name == skip)
            continue;
        if (f.name == replace)
            f.type = replacement;
        out.push_back(f);
    }
    return out;
}

} // namespace starlocus::test
