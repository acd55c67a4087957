// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// What a path we are about to write may be: checked before any work is done (a run that
// would fail at its final save should fail at once) and again right before a save
// replaces it. Every refusal is an InputError naming the path.
#include <string>
#include <sys/types.h>

namespace starlocus::core {

// Refuses an existing `path` that is not a regular file: a symbolic link, a device, a FIFO,
// a socket or a folder. A save renames its temporary file over the target, and a rename
// replaces whatever the name pointed to: the link itself rather than the file it points
// to, or a device node with a plain file (as root). A symlink is refused, not written
// through: following it would put the file, and its temporary, somewhere the user did
// not name, and replacing it would silently break the link; naming the real file is
// a one-word change for the user. A missing `path` is fine.
void checkReplaceableTarget(const std::string& path);

// Everything a save to `path` needs before it starts: a file name, an existing folder
// that this process may create files in, and a replaceable target (above).
void checkOutputPath(const std::string& path);

// The identity of a file, for "is this output one of the inputs?". An existing file is
// its device and inode (so a hard link or another spelling of the same file compares
// equal); a file yet to be written is the canonical path it will have.
struct FileIdentity {
    bool exists = false;
    dev_t device = 0;
    ino_t inode = 0;
    std::string canonicalPath;

    bool sameFileAs(const FileIdentity& other) const;
};
FileIdentity fileIdentity(const std::string& path);

} // namespace starlocus::core
