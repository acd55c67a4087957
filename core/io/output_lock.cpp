// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/io/output_lock.h"

#include "core/common/input_error.h"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

namespace starlocus::core {
namespace {

bool sameInode(int fd, const std::string& path) {
    struct stat opened {};
    struct stat named {};
    return ::fstat(fd, &opened) == 0 && ::stat(path.c_str(), &named) == 0 && opened.st_dev == named.st_dev &&
           opened.st_ino == named.st_ino;
}

std::string ownerOf(int fd) {
    char text[32] = {};
    const ssize_t n = ::pread(fd, text, sizeof text - 1, 0);
    std::string pid;
    for (ssize_t i = 0; i < n && text[i] >= '0' && text[i] <= '9'; ++i)
        pid += text[i];
    return pid.empty() ? "unknown" : pid; // the owner may not have written it yet
}

} // namespace

OutputLock::OutputLock(std::string path) : path_(std::move(path)), lockPath_(lockPathFor(path_)) {
    // A run that ends removes its lock file. One that opened the old file just before
    // that would lock a file no longer in the folder while a third run locks a new one;
    // so the lock only counts when the locked file is still the one at lockPath_.
    for (int attempt = 0; attempt < 16; ++attempt) {
        const int fd = ::open(lockPath_.c_str(), O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0644);
        if (fd < 0)
            throw InputError(path_, "",
                             "cannot create the lock file " + lockPath_ + ": " + std::strerror(errno));
        if (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
            const int error = errno;
            const std::string owner = ownerOf(fd);
            ::close(fd);
            if (error == EWOULDBLOCK)
                throw InputError(path_, "",
                                 "another StarLocus run is writing " + path_ + " (pid " + owner + ")");
            if (error == ENOLCK || error == EOPNOTSUPP || error == ENOSYS) {
                ::unlink(lockPath_.c_str());
                return; // no locks on this file system: held() says so
            }
            throw InputError(path_, "", "cannot lock " + lockPath_ + ": " + std::strerror(error));
        }
        if (sameInode(fd, lockPath_)) {
            fd_ = fd;
            const std::string pid = std::to_string(::getpid()) + "\n";
            if (::ftruncate(fd_, 0) != 0 || ::pwrite(fd_, pid.data(), pid.size(), 0) != ssize_t(pid.size())) {
                // The lock holds without the note; the next run just cannot name us.
            }
            return;
        }
        ::close(fd);
    }
    throw InputError(path_, "", "cannot lock " + lockPath_ + ": it keeps being replaced");
}

OutputLock::~OutputLock() {
    if (fd_ < 0)
        return;
    // Removed while still locked, so nobody can lock this file after we let go of it.
    if (sameInode(fd_, lockPath_))
        ::unlink(lockPath_.c_str());
    ::close(fd_);
}

} // namespace starlocus::core
