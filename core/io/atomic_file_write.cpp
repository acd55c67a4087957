// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/io/atomic_file_write.h"

#include "core/common/input_error.h"
#include "core/io/output_path.h"
#include "core/io/save_temporary.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <unistd.h>

namespace starlocus::core::hdf5 {

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
    committed_ = true; // the temporary is replaceWithTemporary's now: moved into place or removed
    replaceWithTemporary(temporary_, path_);
}

} // namespace starlocus::core::hdf5
