// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/io/atomic_file_write.h"

#include "core/common/input_error.h"
#include "core/io/output_path.h"
#include "core/io/save_temporary.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <unistd.h>

namespace starlocus::core::hdf5 {
namespace {

std::string folderOf(const std::string& path) {
    const std::filesystem::path parent = std::filesystem::path(path).parent_path();
    return parent.empty() ? std::string(".") : parent.string();
}

// fsync of a file or folder by name: 0 or the errno. The file is reopened because HDF5
// has closed its own descriptor by then (closing may still write: the library truncates
// the file to its end of allocation), and on Linux fsync of any descriptor of the inode
// writes its data and reports write-back errors not yet seen by anyone.
int syncToDisk(const std::string& path, int extraFlags) {
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | extraFlags);
    if (fd < 0)
        return errno;
    const int result = ::fsync(fd) == 0 ? 0 : errno;
    ::close(fd);
    return result;
}

} // namespace

AtomicFileWrite::AtomicFileWrite(std::string path) : path_(std::move(path)) {
    checkReplaceableTarget(path_); // before writing anything: a device or a link is never ours to replace
    removeStaleTemporaries(path_);
    for (int attempt = 0;; ++attempt) {
        temporary_ = temporaryPathFor(path_);
        // O_EXCL + O_NOFOLLOW: a new file of our own, never an existing name (or a link
        // planted under it) that the truncating create below would follow.
        const int fd = ::open(temporary_.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0666);
        if (fd >= 0) {
            ::close(fd);
            break;
        }
        const int error = errno;
        if (error == EEXIST && attempt < 8)
            continue;
        temporary_.clear();
        throw InputError(path_, "",
                         error == ENOENT ? std::string("cannot create the file: its folder does not exist")
                                         : std::string("cannot create the file: ") + std::strerror(error));
    }
    try {
        file_ = createFile(temporary_);
    } catch (const InputError& e) {
        ::unlink(temporary_.c_str());
        throw InputError(path_, "", e.reason()); // name the file the user asked for
    }
}

AtomicFileWrite::~AtomicFileWrite() {
    if (!committed_ && !temporary_.empty()) {
        file_.reset();
        ::unlink(temporary_.c_str());
    }
}

void AtomicFileWrite::commit() {
    if (H5Fflush(file_.get(), H5F_SCOPE_GLOBAL) < 0)
        throw InputError(path_, "", "cannot flush the file");
    file_.reset();
    if (const int error = syncToDisk(temporary_, O_NOFOLLOW))
        throw InputError(path_, "", std::string("cannot write the file to disk: ") + std::strerror(error));
    checkReplaceableTarget(path_); // again: something may have appeared there while we wrote
    if (::rename(temporary_.c_str(), path_.c_str()) != 0)
        throw InputError(path_, "",
                         std::string("cannot move the finished file into place: ") + std::strerror(errno));
    committed_ = true;
    // The rename is a change of the folder: until the folder is on disk a crash may bring
    // back the old file (or none). File systems that cannot fsync a folder say EINVAL.
    const int error = syncToDisk(folderOf(path_), O_DIRECTORY);
    if (error != 0 && error != EINVAL && error != EROFS)
        throw InputError(path_, "",
                         std::string("saved, but its folder could not be written to disk: ") +
                             std::strerror(error));
}

} // namespace starlocus::core::hdf5
