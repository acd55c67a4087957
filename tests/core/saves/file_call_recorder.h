// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Records the fsync(2) and rename(2) calls a save makes, in order, by defining both
// functions in the test executable: the core library (linked statically) and libstdc++
// then call these, which record the call and do the real system call. Only the
// executable that links file_call_recorder.cpp is affected.
#include <string>
#include <vector>

namespace starlocus::test {

struct FileCall {
    std::string what;   // "fsync" or "rename"
    std::string path;   // fsync: the file or folder synced (from /proc/self/fd); rename: the source
    std::string target; // rename: the new name
};

void startRecordingFileCalls();
std::vector<FileCall> stopRecordingFileCalls();

} // namespace starlocus::test
