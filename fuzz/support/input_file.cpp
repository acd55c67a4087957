// SPDX-License-Identifier: GPL-3.0-or-later
#include "fuzz/support/input_file.h"

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <unistd.h>

namespace starlocus::fuzz {
namespace fs = std::filesystem;

namespace {

std::string makeFolder() {
    std::error_code ec;
    const fs::path base = fs::is_directory("/dev/shm", ec) ? fs::path("/dev/shm") : fs::temp_directory_path();
    const fs::path folder = base / ("starlocus-fuzz-" + std::to_string(::getpid()));
    fs::create_directories(folder, ec);
    if (ec) {
        std::fprintf(stderr, "starlocus fuzz: cannot create %s: %s\n", folder.c_str(), ec.message().c_str());
        std::abort();
    }
    return folder.string();
}

void removeFolder() {
    std::error_code ec;
    fs::remove_all(inputFolder(), ec);
}

} // namespace

const std::string& inputFolder() {
    // Never destroyed: the exit handler that removes the folder runs after static destructors.
    static const std::string* folder = [] {
        auto* f = new std::string(makeFolder());
        std::atexit(removeFolder);
        return f;
    }();
    return *folder;
}

const std::string& writeInputFile(const std::string& name, const std::uint8_t* data, std::size_t size) {
    static std::map<std::string, std::string> paths;
    auto [it, added] = paths.try_emplace(name);
    if (added)
        it->second = (fs::path(inputFolder()) / name).string();
    std::FILE* f = std::fopen(it->second.c_str(), "wb");
    if (!f || (size > 0 && std::fwrite(data, 1, size, f) != size) || std::fclose(f) != 0) {
        std::perror(it->second.c_str());
        std::abort(); // tmpfs full or gone: not a finding, but nothing can be tested
    }
    return it->second;
}

} // namespace starlocus::fuzz
