// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// RAII ownership of HDF5 identifiers and the small set of typed reads and writes the
// file formats need. Every failure becomes an InputError naming the file and the object.
#include "core/io/array_checksum.h"

#include <hdf5.h>

#include <mutex>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace starlocus::core::hdf5 {

// Debian's libhdf5 is not built thread-safe: every use of the library holds this lock.
// The readers and writers of the file formats hold it for their whole run (it is
// recursive, so they may nest), which lets one thread load a file while another writes a
// checkpoint. Code that uses the functions below directly takes it first as well.
[[nodiscard]] std::unique_lock<std::recursive_mutex> libraryLock();

class Handle {
public:
    Handle() = default;
    explicit Handle(hid_t id) : id_(id) {}
    Handle(const Handle&) = delete;
    Handle& operator=(const Handle&) = delete;
    Handle(Handle&& other) noexcept : id_(std::exchange(other.id_, H5I_INVALID_HID)) {}
    Handle& operator=(Handle&& other) noexcept {
        if (this != &other) {
            reset();
            id_ = std::exchange(other.id_, H5I_INVALID_HID);
        }
        return *this;
    }
    ~Handle() { reset(); }

    hid_t get() const { return id_; }
    bool valid() const { return id_ >= 0; }
    void reset();

private:
    hid_t id_ = H5I_INVALID_HID;
};

// Silences HDF5's own error printing once: our callers turn failures into messages.
void silenceLibraryErrors();

// Opens an existing file read-only; InputError if missing or not HDF5.
Handle openReadOnly(const std::string& path);
// Creates (truncates) a file with object time stamps off so identical content gives
// byte-identical files.
Handle createFile(const std::string& path);

bool exists(hid_t location, const std::string& path);
Handle openDataset(hid_t file, const std::string& fileName, const std::string& path);
Handle openGroup(hid_t file, const std::string& fileName, const std::string& path);
Handle createGroup(hid_t location, const std::string& fileName, const std::string& path);

// Dimensions of a dataset's dataspace.
std::vector<hsize_t> datasetShape(hid_t dataset);

// The number of elements of `dataset`, checked before anything is allocated for them: the
// product of the dimensions must not overflow, and the elements must fit in the file (an
// unfiltered dataset stores every element; a compressed one at most ~1,000 per byte, the
// limit of deflate). A damaged dimension would otherwise end in std::bad_alloc or a read
// past the data. InputError(fileName, path, …) otherwise.
std::size_t storedElementCount(hid_t dataset, const std::string& fileName, const std::string& path);

// Whole-dataset read converted to double; checks the element class is numeric, the shape
// equals `expectedShape` (an entry of 0 accepts any extent), the size fits the file
// (storedElementCount), and the checksum attribute when there is one.
std::vector<double> readDoubles(hid_t file, const std::string& fileName, const std::string& path,
                                const std::vector<hsize_t>& expectedShape, std::vector<hsize_t>* shape = nullptr,
                                ChecksumState* checksum = nullptr);

// Writes a dataset of doubles (stored as the given file type: H5T_IEEE_F64LE or F32LE).
// With Checksum::Store it also gets the checksum attribute over the values as a reader
// will receive them (after the conversion to `fileType` and back).
enum class Checksum { Omit, Store };
void writeDoubles(hid_t location, const std::string& fileName, const std::string& path,
                  const std::vector<hsize_t>& shape, const double* data, hid_t fileType = H5T_IEEE_F64LE,
                  Checksum checksum = Checksum::Omit);

// String attributes (fixed or variable length, one string); nullopt when absent, not a
// string or not a single string. Bytes are returned as stored (not necessarily UTF-8).
// InputError for a fixed length beyond kMaxStringAttributeBytes (a damaged size).
constexpr std::size_t kMaxStringAttributeBytes = std::size_t(64) << 20;
std::optional<std::string> readStringAttribute(hid_t object, const std::string& name);
void writeStringAttribute(hid_t object, const std::string& fileName, const std::string& name,
                          const std::string& value);
// Numeric array attributes converted to double; nullopt when absent or not numeric.
// InputError beyond kMaxAttributeValues values (no attribute of our formats comes near).
constexpr std::size_t kMaxAttributeValues = std::size_t(1) << 20;
std::optional<std::vector<double>> readDoubleAttribute(hid_t object, const std::string& name);

// The name of the file `object` belongs to (for messages of readers given only an object).
std::string fileNameOf(hid_t object);
void writeDoubleAttribute(hid_t object, const std::string& fileName, const std::string& name,
                          const std::vector<double>& value);

} // namespace starlocus::core::hdf5
