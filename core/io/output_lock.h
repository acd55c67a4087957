// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// An advisory lock on an output file for the length of a run, so that two runs writing
// the same file notice each other instead of racing (the later save silently winning).
#include <string>

namespace starlocus::core {

// Holds flock(2) on `PATH.lock` beside the output from construction to destruction; the
// lock file holds the owner's process id and is removed again at the end. The kernel drops
// the lock when the process dies (kill -9 included), so a crashed run never blocks the
// next one; a lock file left behind by it is simply locked again.
class OutputLock {
  public:
    // InputError(path, "", "another StarLocus run is writing PATH (pid N)") when another
    // process, or another lock in this process, holds it.
    explicit OutputLock(std::string path);
    ~OutputLock();
    OutputLock(const OutputLock&) = delete;
    OutputLock& operator=(const OutputLock&) = delete;

    // False when the file system does not support locks (the run goes on unprotected).
    bool held() const { return fd_ >= 0; }
    const std::string& lockPath() const { return lockPath_; }
    static std::string lockPathFor(const std::string& path) { return path + ".lock"; }

  private:
    std::string path_;
    std::string lockPath_;
    int fd_ = -1;
};

} // namespace starlocus::core
