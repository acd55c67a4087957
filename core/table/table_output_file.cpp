// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/table/table_output_file.h"

#include "core/common/input_error.h"
#include "core/io/output_path.h"
#include "core/io/save_temporary.h"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <unistd.h>

namespace starlocus::core::table {
namespace {

// Bytes gathered before a write(2): large enough that a million-row export makes few calls.
constexpr std::size_t kBufferBytes = std::size_t(1) << 20;

} // namespace

TableOutputFile::TableOutputFile(std::string target, bool openForText) : target_(std::move(target)) {
    checkOutputPath(target_);
    removeStaleTemporaries(target_);
    temporary_ = temporaryPathFor(target_);
    if (!openForText)
        return;
    fd_ = ::open(temporary_.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
    if (fd_ < 0)
        throw InputError(target_, "", std::string("cannot create a file beside it: ") + std::strerror(errno));
    buffer_.reserve(kBufferBytes + 4096);
}

TableOutputFile::~TableOutputFile() {
    if (fd_ >= 0)
        ::close(fd_);
    if (!committed_)
        ::unlink(temporary_.c_str()); // also CFITSIO's file, closed by its writer before this runs
}

void TableOutputFile::append(std::string_view text) {
    buffer_.append(text);
    if (buffer_.size() >= kBufferBytes)
        flush();
}

void TableOutputFile::flush() {
    std::size_t done = 0;
    while (done < buffer_.size()) {
        const ssize_t n = ::write(fd_, buffer_.data() + done, buffer_.size() - done);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            throw InputError(target_, "", std::string("cannot write the table: ") +
                                              (n < 0 ? std::strerror(errno) : "the disk accepts no more bytes"));
        done += std::size_t(n);
    }
    buffer_.clear();
}

void TableOutputFile::commit() {
    if (fd_ >= 0) {
        flush();
        const int closed = ::close(fd_);
        fd_ = -1;
        if (closed != 0)
            throw InputError(target_, "", std::string("cannot write the table: ") + std::strerror(errno));
    }
    committed_ = true; // the temporary is replaceWithTemporary's now: moved into place or removed
    replaceWithTemporary(temporary_, target_);
}

} // namespace starlocus::core::table
