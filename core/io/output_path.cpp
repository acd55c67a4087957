// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/io/output_path.h"

#include "core/common/input_error.h"

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <sys/stat.h>
#include <system_error>
#include <unistd.h>

namespace starlocus::core {
namespace {

namespace fs = std::filesystem;

std::string folderOf(const std::string& path) {
    const fs::path parent = fs::path(path).parent_path();
    return parent.empty() ? std::string(".") : parent.string();
}

} // namespace

void checkReplaceableTarget(const std::string& path) {
    struct stat st {};
    if (::lstat(path.c_str(), &st) != 0) {
        if (errno == ENOENT)
            return; // nothing there yet
        throw InputError(path, "", std::string("cannot inspect the file: ") + std::strerror(errno));
    }
    if (S_ISREG(st.st_mode))
        return;
    if (S_ISLNK(st.st_mode))
        throw InputError(path, "", "is a symbolic link; refusing to replace it (name the file it points to)");
    if (S_ISCHR(st.st_mode) || S_ISBLK(st.st_mode))
        throw InputError(path, "", "is a device; refusing to replace it");
    if (S_ISDIR(st.st_mode))
        throw InputError(path, "", "is a folder; refusing to replace it (name a file inside it)");
    if (S_ISFIFO(st.st_mode))
        throw InputError(path, "", "is a FIFO; refusing to replace it");
    if (S_ISSOCK(st.st_mode))
        throw InputError(path, "", "is a socket; refusing to replace it");
    throw InputError(path, "", "is not a regular file; refusing to replace it");
}

void checkOutputPath(const std::string& path) {
    if (path.empty())
        throw InputError(path, "", "no file name given");
    if (path.back() == '/' || fs::path(path).filename() == "." || fs::path(path).filename() == "..")
        throw InputError(path, "", "names a folder, not a file");
    const std::string folder = folderOf(path);
    struct stat st {};
    if (::stat(folder.c_str(), &st) != 0)
        throw InputError(path, "", "the folder '" + folder + "' does not exist");
    if (!S_ISDIR(st.st_mode))
        throw InputError(path, "", "'" + folder + "' is not a folder");
    // A save creates a temporary file in the folder and renames it: both need write and
    // search permission there (EROFS too: access() reports a read-only mount even to root).
    if (::access(folder.c_str(), W_OK | X_OK) != 0)
        throw InputError(path, "",
                         "cannot create files in the folder '" + folder + "': " + std::strerror(errno));
    checkReplaceableTarget(path);
}

bool FileIdentity::sameFileAs(const FileIdentity& other) const {
    if (exists && other.exists)
        return device == other.device && inode == other.inode;
    if (exists != other.exists)
        return false;
    return canonicalPath == other.canonicalPath;
}

FileIdentity fileIdentity(const std::string& path) {
    FileIdentity id;
    struct stat st {};
    if (::stat(path.c_str(), &st) == 0) { // follows symlinks: an input reached through a link is its file
        id.exists = true;
        id.device = st.st_dev;
        id.inode = st.st_ino;
    }
    std::error_code ec;
    const fs::path canonical = fs::weakly_canonical(fs::absolute(path, ec), ec);
    id.canonicalPath = ec ? path : canonical.string();
    return id;
}

} // namespace starlocus::core
