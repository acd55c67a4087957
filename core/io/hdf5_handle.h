// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// RAII ownership of HDF5 identifiers and the small set of typed reads and writes the
// file formats need. Every failure becomes an InputError naming the file and the object.
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

// Whole-dataset read converted to double; checks the element class is numeric and the
// shape equals `expectedShape` (an entry of 0 accepts any extent).
std::vector<double> readDoubles(hid_t file, const std::string& fileName, const std::string& path,
                                const std::vector<hsize_t>& expectedShape, std::vector<hsize_t>* shape = nullptr);

// Writes a dataset of doubles (stored as the given file type: H5T_IEEE_F64LE or F32LE).
void writeDoubles(hid_t location, const std::string& fileName, const std::string& path,
                  const std::vector<hsize_t>& shape, const double* data, hid_t fileType = H5T_IEEE_F64LE);

// String attributes (fixed or variable length); nullopt when absent.
std::optional<std::string> readStringAttribute(hid_t object, const std::string& name);
void writeStringAttribute(hid_t object, const std::string& fileName, const std::string& name,
                          const std::string& value);
// Numeric array attributes converted to double; nullopt when absent.
std::optional<std::vector<double>> readDoubleAttribute(hid_t object, const std::string& name);
void writeDoubleAttribute(hid_t object, const std::string& fileName, const std::string& name,
                          const std::vector<double>& value);

} // namespace starlocus::core::hdf5
