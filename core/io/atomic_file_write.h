// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Saving an HDF5 file so that a failed or interrupted save never damages what was there.
#include "core/io/hdf5_handle.h"

#include <string>

namespace starlocus::core::hdf5 {

// Writes to `path` through a temporary file in the same folder and a rename, so a
// failed or interrupted save never leaves a truncated file behind.
class AtomicFileWrite {
public:
    explicit AtomicFileWrite(std::string path);
    ~AtomicFileWrite(); // removes the temporary file unless commit() succeeded
    AtomicFileWrite(const AtomicFileWrite&) = delete;
    AtomicFileWrite& operator=(const AtomicFileWrite&) = delete;

    hid_t file() const { return file_.get(); }
    const std::string& path() const { return path_; }
    // Closes the HDF5 file and renames it into place; InputError on failure.
    void commit();

private:
    std::string path_;
    std::string temporary_;
    Handle file_;
    bool committed_ = false;
};

} // namespace starlocus::core::hdf5
