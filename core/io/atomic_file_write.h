// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Saving an HDF5 file so that a failed or interrupted save never damages what was there,
// and a finished save survives a power cut.
#include "core/io/hdf5_handle.h"

#include <string>

namespace starlocus::core::hdf5 {

// Writes to `path` through a temporary file in the same folder and a rename, so a
// failed or interrupted save never leaves a truncated file behind:
//   construction: refuse a target that is not a regular file (output_path.h), remove
//                 stale temporaries of earlier killed saves to `path` (save_temporary.h),
//                 create TARGET.tmp-WRITER-PID-RANDOM;
//   commit():     close the HDF5 file, fsync it, check the target again, rename it over
//                 the target, fsync the folder (so the new name is on disk too):
//                 replaceWithTemporary (save_temporary.h), which files written otherwise use too.
// Without the two fsyncs a crash of the machine shortly after a save could leave the
// new name pointing at a file whose data never reached the disk (an empty or partial
// file where a good one was). Every failure is an InputError naming `path`.
class AtomicFileWrite {
  public:
    explicit AtomicFileWrite(std::string path);
    ~AtomicFileWrite(); // removes the temporary file unless commit() succeeded
    AtomicFileWrite(const AtomicFileWrite&) = delete;
    AtomicFileWrite& operator=(const AtomicFileWrite&) = delete;

    hid_t file() const { return file_.get(); }
    const std::string& path() const { return path_; }
    const std::string& temporaryPath() const { return temporary_; }
    // Closes the HDF5 file, makes it durable and renames it into place; InputError on failure.
    void commit();

  private:
    std::string path_;
    std::string temporary_;
    Handle file_;
    bool committed_ = false;
};

} // namespace starlocus::core::hdf5
