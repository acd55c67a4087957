// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/io/save_temporary.h"

#include "core/common/input_error.h"
#include "core/io/output_path.h"

#include <cerrno>
#include <charconv>
#include <csignal>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <fcntl.h>
#include <filesystem>
#include <fstream>
#include <random>
#include <sys/stat.h>
#include <system_error>
#include <unistd.h>

namespace starlocus::core {
namespace {

namespace fs = std::filesystem;

constexpr std::time_t kLegacyStaleSeconds = 3600;

// Where this process's PIDs mean something (save_temporary.h): boot id + PID namespace.
const std::string& writerTag() {
    static const std::string tag = [] {
        std::string where;
        std::ifstream boot("/proc/sys/kernel/random/boot_id");
        std::getline(boot, where);
        char ns[256];
        const ssize_t n = ::readlink("/proc/self/ns/pid", ns, sizeof ns);
        if (n > 0)
            where.append(ns, std::size_t(n));
        std::uint64_t h = 0xcbf29ce484222325ull; // FNV-1a
        for (unsigned char c : where)
            h = (h ^ c) * 0x100000001b3ull;
        char text[9];
        std::snprintf(text, sizeof text, "%08x", unsigned(h ^ (h >> 32)));
        return std::string(text);
    }();
    return tag;
}

bool allOf(std::string_view text, bool (*accept)(char)) {
    if (text.empty())
        return false;
    for (char c : text)
        if (!accept(c))
            return false;
    return true;
}
bool isDigit(char c) {
    return c >= '0' && c <= '9';
}
bool isHexDigit(char c) {
    return isDigit(c) || (c >= 'a' && c <= 'f');
}

// After "TARGET.tmp-": is this ours and its writer gone?
bool isStale(std::string_view rest, const struct stat& st) {
    if (rest.size() <= 6 && allOf(rest, isDigit)) // the naming before PIDs were in it
        return std::time(nullptr) - st.st_mtime > kLegacyStaleSeconds;
    const std::size_t dash1 = rest.find('-');
    const std::size_t dash2 = rest.rfind('-');
    if (dash1 != 8 || dash2 == dash1 || rest.size() - dash2 - 1 != 6)
        return false;
    const std::string_view tag = rest.substr(0, 8), pidText = rest.substr(9, dash2 - 9),
                           random = rest.substr(dash2 + 1);
    if (!allOf(tag, isHexDigit) || !allOf(pidText, isDigit) || !allOf(random, isDigit) || pidText.size() > 9)
        return false;
    if (tag != writerTag())
        return false; // another machine or PID namespace: its writer may well be alive
    pid_t pid = 0;
    std::from_chars(pidText.data(), pidText.data() + pidText.size(), pid);
    if (pid <= 0 || pid == ::getpid())
        return false; // we are alive (another thread of ours may be saving)
    return ::kill(pid, 0) != 0 && errno == ESRCH;
}

// fsync of a file or folder by name: 0 or the errno. A save's writer may have closed its
// own descriptor (HDF5 does, and closing may still write: the library truncates the file
// to its end of allocation); on Linux fsync of any descriptor of the inode writes its data
// and reports write-back errors not yet seen by anyone.
int syncToDisk(const std::string& path, int extraFlags) {
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | extraFlags);
    if (fd < 0)
        return errno;
    const int result = ::fsync(fd) == 0 ? 0 : errno;
    ::close(fd);
    return result;
}

} // namespace

void replaceWithTemporary(const std::string& temporary, const std::string& target) {
    const auto fail = [&](const std::string& reason) {
        ::unlink(temporary.c_str());
        throw InputError(target, "", reason);
    };
    if (const int error = syncToDisk(temporary, O_NOFOLLOW))
        fail(std::string("cannot write the file to disk: ") + std::strerror(error));
    try {
        checkReplaceableTarget(target); // again: something may have appeared there while we wrote
    } catch (const InputError& e) {
        fail(e.reason());
    }
    if (::rename(temporary.c_str(), target.c_str()) != 0)
        fail(std::string("cannot move the finished file into place: ") + std::strerror(errno));
    // The rename is a change of the folder: until the folder is on disk a crash may bring
    // back the old file (or none). File systems that cannot fsync a folder say EINVAL.
    const fs::path parent = fs::path(target).parent_path();
    const int error = syncToDisk(parent.empty() ? std::string(".") : parent.string(), O_DIRECTORY);
    if (error != 0 && error != EINVAL)
        throw InputError(target, "",
                         std::string("saved, but its folder could not be written to disk: ") +
                             std::strerror(error));
}

std::string temporaryPathFor(const std::string& target) {
    static thread_local std::mt19937 random{std::random_device{}()};
    char digits[8];
    std::snprintf(digits, sizeof digits, "%06u", unsigned(random() % 1000000u));
    return target + ".tmp-" + writerTag() + "-" + std::to_string(::getpid()) + "-" + digits;
}

std::size_t removeStaleTemporaries(const std::string& target) {
    const fs::path targetPath(target);
    const std::string prefix = targetPath.filename().string() + ".tmp-";
    const fs::path folder = targetPath.parent_path().empty() ? fs::path(".") : targetPath.parent_path();
    std::error_code ec;
    fs::directory_iterator it(folder, ec);
    std::size_t removed = 0;
    for (; !ec && it != fs::directory_iterator(); it.increment(ec)) {
        const std::string name = it->path().filename().string();
        if (name.size() <= prefix.size() || name.compare(0, prefix.size(), prefix) != 0)
            continue;
        struct stat st {};
        if (::lstat(it->path().c_str(), &st) != 0 || !S_ISREG(st.st_mode))
            continue; // only plain files are ever our temporaries
        if (isStale(std::string_view(name).substr(prefix.size()), st) && ::unlink(it->path().c_str()) == 0)
            ++removed;
    }
    return removed;
}

} // namespace starlocus::core
