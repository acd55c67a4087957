// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/io/atomic_file_write.h"

#include "core/common/input_error.h"

#include <filesystem>
#include <random>
#include <system_error>

namespace starlocus::core::hdf5 {

AtomicFileWrite::AtomicFileWrite(std::string path) : path_(std::move(path)) {
    std::random_device rd;
    temporary_ = path_ + ".tmp-" + std::to_string(rd() % 1000000u);
    try {
        file_ = createFile(temporary_);
    } catch (const InputError& e) {
        throw InputError(path_, "", e.reason()); // name the file the user asked for
    }
}

AtomicFileWrite::~AtomicFileWrite() {
    if (!committed_) {
        file_.reset();
        std::error_code ec;
        std::filesystem::remove(temporary_, ec);
    }
}

void AtomicFileWrite::commit() {
    if (H5Fflush(file_.get(), H5F_SCOPE_GLOBAL) < 0)
        throw InputError(path_, "", "cannot flush the file");
    file_.reset();
    std::error_code ec;
    std::filesystem::rename(temporary_, path_, ec);
    if (ec)
        throw InputError(path_, "", "cannot move the finished file into place: " + ec.message());
    committed_ = true;
}

} // namespace starlocus::core::hdf5
