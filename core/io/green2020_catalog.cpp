// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/io/green2020_catalog.h"

#include "core/common/input_error.h"
#include "core/io/atomic_file_write.h"
#include "core/io/hdf5_handle.h"

#include <Eigen/Core>
#include <cstddef>
#include <cstring>
#include <new>
#include <stdexcept>

namespace starlocus::core {
namespace {

using hdf5::Handle;

constexpr const char* kData = "data";
// A sane maximum: Gaia DR3 has 1.8·10⁹ sources in all, with spectroscopic labels for a few
// 10⁷; a table beyond 10⁹ stars (≥ 248 GB as published) is a damaged dimension.
constexpr std::size_t kMaxStars = 1'000'000'000;

// The whole table as stored (memory type = file type, so HDF5 converts nothing). Fields
// of little-endian IEEE floats are then decoded straight from these bytes: a compound
// subset read converts element by element and is ~50× slower.
struct RawRecords {
    std::vector<unsigned char> bytes;
    std::size_t recordSize = 0;
};

RawRecords readRawRecords(hid_t dataset, hid_t fileType, const std::string& fileName, std::size_t n) {
    RawRecords raw;
    raw.recordSize = H5Tget_size(fileType);
    if (raw.recordSize == 0)
        throw InputError(fileName, kData, "record type of size 0");
    // n · recordSize ≤ the file's size (or ~1000× for a compressed table): storedElementCount.
    try {
        raw.bytes.resize(n * raw.recordSize);
    } catch (const std::bad_alloc&) {
        throw InputError(fileName, kData, std::to_string(n) + " stars do not fit in memory");
    }
    if (n > 0 && H5Dread(dataset, fileType, H5S_ALL, H5S_ALL, H5P_DEFAULT, raw.bytes.data()) < 0)
        throw InputError(fileName, kData, "read failed");
    return raw;
}

// Where member `index` lies in the record; InputError unless wholly inside it. The offsets
// and sizes come from the file's datatype message: a damaged one would make the raw decoding
// below read past the records.
struct MemberExtent {
    std::size_t offset = 0;
    std::size_t size = 0;
};
MemberExtent memberExtent(hid_t fileType, unsigned index, hid_t memberType, std::size_t recordSize,
                          const std::string& fileName, const std::string& field) {
    const MemberExtent e{H5Tget_member_offset(fileType, index), H5Tget_size(memberType)};
    if (e.size == 0 || e.offset > recordSize || e.size > recordSize - e.offset)
        throw InputError(fileName, field,
                         "lies outside the record (" + std::to_string(e.size) + " bytes at offset " +
                             std::to_string(e.offset) + " of a record of " + std::to_string(recordSize) +
                             " bytes): damaged table layout");
    return e;
}

// Decodes `perStar` floats of `element` type at `offset` of each record; false when the
// element is not a little-endian IEEE float of 4 or 8 bytes (the caller then lets HDF5
// convert). The caller has checked offset + perStar · element size ≤ the record size.
bool decodeFloats(const RawRecords& raw, std::size_t offset, hid_t element, std::size_t perStar, std::size_t n,
                  std::vector<double>& out) {
    const bool f32 = H5Tequal(element, H5T_IEEE_F32LE) > 0, f64 = H5Tequal(element, H5T_IEEE_F64LE) > 0;
    if (!f32 && !f64)
        return false;
    if (offset + perStar * (f32 ? 4 : 8) > raw.recordSize)
        throw std::logic_error("decodeFloats: member extent not checked"); // memberExtent prevents this
    out.resize(n * perStar);
    for (std::size_t i = 0; i < n; ++i) {
        const unsigned char* p = raw.bytes.data() + i * raw.recordSize + offset;
        for (std::size_t k = 0; k < perStar; ++k) {
            if (f32) {
                float v;
                std::memcpy(&v, p + 4 * k, 4);
                out[i * perStar + k] = v;
            } else {
                std::memcpy(&out[i * perStar + k], p + 8 * k, 8);
            }
        }
    }
    return true;
}

// Reads one numeric member of the compound `data` (scalar or array of `dims`) as doubles.
std::vector<double> readMember(hid_t dataset, hid_t fileType, const RawRecords& raw, const std::string& fileName,
                               const char* member, const std::vector<hsize_t>& dims, std::size_t n) {
    const std::string field = std::string(kData) + "/" + member;
    const int index = H5Tget_member_index(fileType, member);
    if (index < 0)
        throw InputError(fileName, field, "field missing from the compound dataset");
    Handle memberType(H5Tget_member_type(fileType, unsigned(index)));
    const MemberExtent extent = memberExtent(fileType, unsigned(index), memberType.get(), raw.recordSize, fileName, field);
    const H5T_class_t cls = H5Tget_class(memberType.get());
    std::size_t perStar = 1;
    if (dims.empty()) {
        if (cls != H5T_FLOAT && cls != H5T_INTEGER)
            throw InputError(fileName, field, "expected a number");
    } else {
        if (cls != H5T_ARRAY)
            throw InputError(fileName, field, "expected an array of " + std::to_string(dims.size()) + " dimension(s)");
        const int rank = H5Tget_array_ndims(memberType.get());
        std::vector<hsize_t> got(rank > 0 ? rank : 0);
        if (rank > 0)
            H5Tget_array_dims2(memberType.get(), got.data());
        if (got != dims) {
            std::string want, have;
            for (auto d : dims)
                want += (want.empty() ? "" : "×") + std::to_string(d);
            for (auto d : got)
                have += (have.empty() ? "" : "×") + std::to_string(d);
            throw InputError(fileName, field, "array shape " + (have.empty() ? "()" : have) + ", expected " + want);
        }
        Handle base(H5Tget_super(memberType.get()));
        const H5T_class_t bc = H5Tget_class(base.get());
        if (bc != H5T_FLOAT && bc != H5T_INTEGER)
            throw InputError(fileName, field, "expected numbers in the array");
        for (auto d : dims)
            perStar *= d;
        if (extent.size != perStar * H5Tget_size(base.get()))
            throw InputError(fileName, field, "array of " + std::to_string(extent.size) + " bytes for " +
                                                  std::to_string(perStar) + " elements: damaged member type");
    }
    {
        std::vector<double> fast;
        Handle base(dims.empty() ? H5Tcopy(memberType.get()) : H5Tget_super(memberType.get()));
        if (decodeFloats(raw, extent.offset, base.get(), perStar, n, fast))
            return fast;
    }
    Handle element(dims.empty() ? H5Tcopy(H5T_NATIVE_DOUBLE)
                                : H5Tarray_create2(H5T_NATIVE_DOUBLE, unsigned(dims.size()), dims.data()));
    Handle memType(H5Tcreate(H5T_COMPOUND, perStar * sizeof(double)));
    H5Tinsert(memType.get(), member, 0, element.get());
    std::vector<double> values(n * perStar);
    if (n > 0 && H5Dread(dataset, memType.get(), H5S_ALL, H5S_ALL, H5P_DEFAULT, values.data()) < 0)
        throw InputError(fileName, field, "read failed");
    return values;
}

std::vector<std::string> readStringMember(hid_t dataset, hid_t fileType, const RawRecords& raw,
                                          const std::string& fileName, const char* member, std::size_t n) {
    const std::string field = std::string(kData) + "/" + member;
    const int index = H5Tget_member_index(fileType, member);
    if (index < 0)
        throw InputError(fileName, field, "field missing from the compound dataset");
    Handle memberType(H5Tget_member_type(fileType, unsigned(index)));
    if (H5Tget_class(memberType.get()) != H5T_STRING)
        throw InputError(fileName, field, "expected a string");
    const MemberExtent extent = memberExtent(fileType, unsigned(index), memberType.get(), raw.recordSize, fileName, field);
    std::vector<std::string> out(n);
    if (n == 0)
        return out;
    if (H5Tis_variable_str(memberType.get()) > 0) {
        Handle str(H5Tcopy(H5T_C_S1));
        H5Tset_size(str.get(), H5T_VARIABLE);
        Handle memType(H5Tcreate(H5T_COMPOUND, sizeof(char*)));
        H5Tinsert(memType.get(), member, 0, str.get());
        std::vector<char*> ptrs(n, nullptr);
        if (H5Dread(dataset, memType.get(), H5S_ALL, H5S_ALL, H5P_DEFAULT, ptrs.data()) < 0)
            throw InputError(fileName, field, "read failed");
        for (std::size_t i = 0; i < n; ++i) {
            out[i] = ptrs[i] ? ptrs[i] : "";
            H5free_memory(ptrs[i]);
        }
        return out;
    }
    // Fixed-length strings: straight from the raw records.
    const std::size_t width = extent.size, offset = extent.offset;
    for (std::size_t i = 0; i < n; ++i) {
        const char* s = reinterpret_cast<const char*>(raw.bytes.data() + i * raw.recordSize + offset);
        out[i].assign(s, strnlen(s, width));
        while (!out[i].empty() && out[i].back() == ' ') // space-padded (Fortran-style) strings
            out[i].pop_back();
    }
    return out;
}

template <std::size_t K>
void scatter(const std::vector<double>& flat, std::vector<std::array<double, K>>& out) {
    for (std::size_t i = 0; i < out.size(); ++i)
        std::memcpy(out[i].data(), flat.data() + i * K, K * sizeof(double));
}

std::optional<std::array<double, 3>> triple(const std::optional<std::vector<double>>& v) {
    if (!v || v->size() != 3)
        return std::nullopt;
    return std::array<double, 3>{(*v)[0], (*v)[1], (*v)[2]};
}

} // namespace

Catalog readGreen2020Catalog(const std::string& path) {
    const auto lock = hdf5::libraryLock();
    Handle file = hdf5::openReadOnly(path);
    Handle ds = hdf5::openDataset(file.get(), path, kData);
    Handle type(H5Dget_type(ds.get()));
    if (H5Tget_class(type.get()) != H5T_COMPOUND)
        throw InputError(path, kData, "expected a compound dataset (one record per star)");
    const std::vector<hsize_t> shape = hdf5::datasetShape(ds.get());
    if (shape.size() != 1)
        throw InputError(path, kData, "expected a one-dimensional table of stars");
    const std::size_t n = hdf5::storedElementCount(ds.get(), path, kData);
    if (n > kMaxStars)
        throw InputError(path, kData, std::to_string(n) + " stars: more than the " + std::to_string(kMaxStars) +
                                          " a catalog can hold (damaged dimensions?)");

    Catalog cat;
    cat.sourceFile = path;
    try {
        cat.resize(n);
    } catch (const std::bad_alloc&) {
        throw InputError(path, kData, std::to_string(n) + " stars do not fit in memory");
    }
    const hid_t d = ds.get(), t = type.get();
    const RawRecords raw = readRawRecords(d, t, path, n);
    scatter(readMember(d, t, raw, path, "atm_param", {3}, n), cat.theta);
    scatter(readMember(d, t, raw, path, "atm_param_cov", {3, 3}, n), cat.thetaCov);
    scatter(readMember(d, t, raw, path, "mag", {kBandCount}, n), cat.mag);
    scatter(readMember(d, t, raw, path, "mag_err", {kBandCount}, n), cat.magErr);
    cat.reddening = readMember(d, t, raw, path, "r", {}, n);
    cat.reddeningErr = readMember(d, t, raw, path, "r_err", {}, n);
    cat.parallaxMas = readMember(d, t, raw, path, "parallax", {}, n);
    cat.parallaxErrMas = readMember(d, t, raw, path, "parallax_err", {}, n);
    cat.atmSource = readStringMember(d, t, raw, path, "atm_source", n);
    cat.rSource = readStringMember(d, t, raw, path, "r_source", n);
    cat.labelMedian = triple(hdf5::readDoubleAttribute(d, "atm_param_med"));
    cat.labelStd = triple(hdf5::readDoubleAttribute(d, "atm_param_std"));
    // The attributes only describe the atm_param_p columns (nothing computes with them: a
    // run normalises with its own catalog's labels), so an implausible pair is dropped
    // rather than refusing the stars.
    if (cat.labelMedian && cat.labelStd) {
        try {
            validateLabelNormalization({*cat.labelMedian, *cat.labelStd}, path, "data/atm_param_med",
                                       "data/atm_param_std");
        } catch (const InputError&) {
            cat.labelMedian.reset();
            cat.labelStd.reset();
        }
    } else {
        cat.labelMedian.reset();
        cat.labelStd.reset();
    }

    // Optional sky position (not in the authors' layout): both members or neither.
    const bool hasL = H5Tget_member_index(t, "l") >= 0, hasB = H5Tget_member_index(t, "b") >= 0;
    if (hasL != hasB)
        throw InputError(path, std::string(kData) + "/" + (hasL ? "b" : "l"),
                         std::string("missing: the table has Galactic ") + (hasL ? "l" : "b") +
                             " but not " + (hasL ? "b" : "l") + " (give both or neither)");
    if (hasL) {
        cat.galacticL = readMember(d, t, raw, path, "l", {}, n);
        cat.galacticB = readMember(d, t, raw, path, "b", {}, n);
    }

    for (const char* name : {"r_fit", "r_var"}) {
        if (!hdf5::exists(file.get(), name))
            continue;
        auto values = hdf5::readDoubles(file.get(), path, name, {hsize_t(n)});
        (std::string(name) == "r_fit" ? cat.reddeningFit : cat.reddeningFitVar) = std::move(values);
    }
    return cat;
}

namespace {

// The on-disk record, float32 as published.
struct Record {
    float atmParam[3];
    float atmParamCov[3][3];
    float atmParamP[3];
    float atmParamCovP[3][3];
    float r;
    float rErr;
    float mag[kBandCount];
    float magErr[kBandCount];
    float parallax;
    float parallaxErr;
    char atmSource[16];
    char rSource[16];
};

// A record with the optional Galactic position after the published members. l and b are
// float64: float32 would round them to ~0.1 arcsec, and the round trip should be exact.
struct RecordWithPosition {
    Record star;
    double l;
    double b;
};

// The published members at `base` bytes into a record of `size` bytes.
Handle recordType(std::size_t size = sizeof(Record), std::size_t base = 0) {
    Handle t(H5Tcreate(H5T_COMPOUND, size));
    const hsize_t d3[1] = {3}, d33[2] = {3, 3}, d13[1] = {kBandCount};
    Handle a3(H5Tarray_create2(H5T_IEEE_F32LE, 1, d3));
    Handle a33(H5Tarray_create2(H5T_IEEE_F32LE, 2, d33));
    Handle a13(H5Tarray_create2(H5T_IEEE_F32LE, 1, d13));
    Handle s16(H5Tcopy(H5T_C_S1));
    H5Tset_size(s16.get(), 16);
    H5Tset_strpad(s16.get(), H5T_STR_NULLPAD);
    H5Tinsert(t.get(), "atm_param", base + HOFFSET(Record, atmParam), a3.get());
    H5Tinsert(t.get(), "atm_param_cov", base + HOFFSET(Record, atmParamCov), a33.get());
    H5Tinsert(t.get(), "atm_param_p", base + HOFFSET(Record, atmParamP), a3.get());
    H5Tinsert(t.get(), "atm_param_cov_p", base + HOFFSET(Record, atmParamCovP), a33.get());
    H5Tinsert(t.get(), "r", base + HOFFSET(Record, r), H5T_IEEE_F32LE);
    H5Tinsert(t.get(), "r_err", base + HOFFSET(Record, rErr), H5T_IEEE_F32LE);
    H5Tinsert(t.get(), "mag", base + HOFFSET(Record, mag), a13.get());
    H5Tinsert(t.get(), "mag_err", base + HOFFSET(Record, magErr), a13.get());
    H5Tinsert(t.get(), "parallax", base + HOFFSET(Record, parallax), H5T_IEEE_F32LE);
    H5Tinsert(t.get(), "parallax_err", base + HOFFSET(Record, parallaxErr), H5T_IEEE_F32LE);
    H5Tinsert(t.get(), "atm_source", base + HOFFSET(Record, atmSource), s16.get());
    H5Tinsert(t.get(), "r_source", base + HOFFSET(Record, rSource), s16.get());
    return t;
}

Handle recordTypeWithPosition() {
    Handle t = recordType(sizeof(RecordWithPosition), offsetof(RecordWithPosition, star));
    H5Tinsert(t.get(), "l", HOFFSET(RecordWithPosition, l), H5T_IEEE_F64LE);
    H5Tinsert(t.get(), "b", HOFFSET(RecordWithPosition, b), H5T_IEEE_F64LE);
    return t;
}

void copyTag(char (&dst)[16], const std::string& src) {
    std::memset(dst, 0, sizeof dst);
    std::memcpy(dst, src.data(), std::min(src.size(), sizeof dst));
}

} // namespace

void writeGreen2020Catalog(const std::string& path, const Catalog& cat, const LabelNormalization& norm,
                           const std::function<void(hid_t)>& extra) {
    const auto lock = hdf5::libraryLock();
    const std::size_t n = cat.size();
    const auto fill = [&](std::size_t i, Record& rec) {
        std::memset(&rec, 0, sizeof rec);
        const Eigen::Vector3d th(cat.theta[i][0], cat.theta[i][1], cat.theta[i][2]);
        const Eigen::Matrix3d cov = Eigen::Map<const Eigen::Matrix<double, 3, 3, Eigen::RowMajor>>(cat.thetaCov[i].data());
        const Eigen::Vector3d x = norm.normalize(th);
        const Eigen::Matrix3d covX = norm.normalizeCovariance(cov);
        for (int a = 0; a < 3; ++a) {
            rec.atmParam[a] = float(th[a]);
            rec.atmParamP[a] = float(x[a]);
            for (int b = 0; b < 3; ++b) {
                rec.atmParamCov[a][b] = float(cov(a, b));
                rec.atmParamCovP[a][b] = float(covX(a, b));
            }
        }
        rec.r = float(cat.reddening[i]);
        rec.rErr = float(cat.reddeningErr[i]);
        for (std::size_t b = 0; b < kBandCount; ++b) {
            rec.mag[b] = float(cat.mag[i][b]);
            rec.magErr[b] = float(cat.magErr[i][b]);
        }
        rec.parallax = float(cat.parallaxMas[i]);
        rec.parallaxErr = float(cat.parallaxErrMas[i]);
        copyTag(rec.atmSource, cat.atmSource[i]);
        copyTag(rec.rSource, cat.rSource[i]);
    };

    // With a sky position (both l and b, one per star) the records gain the two members.
    const bool withPosition = cat.galacticL && cat.galacticB;
    if (withPosition && (cat.galacticL->size() != n || cat.galacticB->size() != n))
        throw std::logic_error("writeGreen2020Catalog: galacticL/galacticB do not have one value per star");

    hdf5::AtomicFileWrite out(path);
    Handle type = withPosition ? recordTypeWithPosition() : recordType();
    const hsize_t dims[1] = {hsize_t(n)};
    Handle space(H5Screate_simple(1, dims, nullptr));
    Handle dcpl(H5Pcreate(H5P_DATASET_CREATE));
    H5Pset_obj_track_times(dcpl.get(), false);
    Handle ds(H5Dcreate2(out.file(), kData, type.get(), space.get(), H5P_DEFAULT, dcpl.get(), H5P_DEFAULT));
    if (!ds.valid())
        throw InputError(path, kData, "cannot write the star table");
    // In blocks: a catalog of millions of stars is never held a second time as records (an
    // import of the paper's 2.9 M stars must stay within twice the file's size).
    constexpr std::size_t kBlock = 65536;
    std::vector<Record> records(withPosition ? 0 : std::min(n, kBlock));
    std::vector<RecordWithPosition> positioned(withPosition ? std::min(n, kBlock) : 0);
    for (std::size_t start = 0; start < n; start += kBlock) {
        const std::size_t m = std::min(kBlock, n - start);
        for (std::size_t k = 0; k < m; ++k) {
            if (withPosition) {
                RecordWithPosition& rec = positioned[k];
                std::memset(&rec, 0, sizeof rec); // padding too: the same stars give the same bytes
                fill(start + k, rec.star);
                rec.l = (*cat.galacticL)[start + k];
                rec.b = (*cat.galacticB)[start + k];
            } else {
                fill(start + k, records[k]);
            }
        }
        const hsize_t offset[1] = {hsize_t(start)}, count[1] = {hsize_t(m)};
        Handle fileSpace(H5Dget_space(ds.get()));
        Handle memorySpace(H5Screate_simple(1, count, nullptr));
        const void* data = withPosition ? static_cast<const void*>(positioned.data()) : records.data();
        if (H5Sselect_hyperslab(fileSpace.get(), H5S_SELECT_SET, offset, nullptr, count, nullptr) < 0 ||
            H5Dwrite(ds.get(), type.get(), memorySpace.get(), fileSpace.get(), H5P_DEFAULT, data) < 0)
            throw InputError(path, kData, "cannot write the star table");
    }
    hdf5::writeDoubleAttribute(ds.get(), path, "atm_param_med", {norm.median.begin(), norm.median.end()});
    hdf5::writeDoubleAttribute(ds.get(), path, "atm_param_std", {norm.stddev.begin(), norm.stddev.end()});
    if (cat.reddeningFit)
        hdf5::writeDoubles(out.file(), path, "r_fit", {hsize_t(n)}, cat.reddeningFit->data(), H5T_IEEE_F32LE);
    if (cat.reddeningFitVar)
        hdf5::writeDoubles(out.file(), path, "r_var", {hsize_t(n)}, cat.reddeningFitVar->data(), H5T_IEEE_F32LE);
    if (extra)
        extra(out.file());
    ds.reset();
    out.commit();
}

} // namespace starlocus::core
