// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/core/saves/file_call_recorder.h"

#include <cstdio>
#include <fcntl.h>
#include <mutex>
#include <stdio.h>
#include <sys/syscall.h>
#include <unistd.h>

namespace starlocus::test {
namespace {

std::mutex& recorderMutex() {
    static std::mutex m;
    return m;
}
bool recording = false;
std::vector<FileCall>& calls() {
    static std::vector<FileCall> c;
    return c;
}

std::string pathOfDescriptor(int fd) {
    char link[64];
    std::snprintf(link, sizeof link, "/proc/self/fd/%d", fd);
    char target[4096];
    const ssize_t n = ::readlink(link, target, sizeof target);
    return n > 0 ? std::string(target, std::size_t(n)) : std::string("?");
}

void record(FileCall call) {
    const std::lock_guard<std::mutex> lock(recorderMutex());
    if (recording)
        calls().push_back(std::move(call));
}

} // namespace

void startRecordingFileCalls() {
    const std::lock_guard<std::mutex> lock(recorderMutex());
    calls().clear();
    recording = true;
}

std::vector<FileCall> stopRecordingFileCalls() {
    const std::lock_guard<std::mutex> lock(recorderMutex());
    recording = false;
    return std::move(calls());
}

} // namespace starlocus::test

// The real calls: the system call itself (fsync) and renameat, which glibc's rename does
// not route through this symbol.
extern "C" int fsync(int fd) {
    starlocus::test::record({"fsync", starlocus::test::pathOfDescriptor(fd), ""});
    return int(::syscall(SYS_fsync, fd));
}

extern "C" int rename(const char* from, const char* to) noexcept {
    starlocus::test::record({"rename", from, to});
    return ::renameat(AT_FDCWD, from, AT_FDCWD, to);
}
