// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The file a table writer fills (table_writer.h): a temporary beside the target
// (save_temporary.h), renamed onto it at commit() and removed when the writer ends without one,
// so a failed or cancelled export never leaves a partial table under the target's name. Text
// formats append through a buffer here; FITS hands temporaryPath() to CFITSIO.
#include <string>
#include <string_view>

namespace starlocus::core::table {

class TableOutputFile {
public:
    // `openForText`: create and open the temporary for append(); false when another library
    // (CFITSIO) creates it. InputError naming `target` when it cannot be written there.
    TableOutputFile(std::string target, bool openForText);
    ~TableOutputFile(); // removes the temporary unless commit() succeeded
    TableOutputFile(const TableOutputFile&) = delete;
    TableOutputFile& operator=(const TableOutputFile&) = delete;

    const std::string& target() const { return target_; }
    const std::string& temporaryPath() const { return temporary_; }

    // Buffered: a write error surfaces here or at commit() as an InputError naming the target.
    void append(std::string_view text);
    // Flushes and closes a text temporary, then moves it durably onto the target.
    void commit();

private:
    void flush();

    std::string target_;
    std::string temporary_;
    std::string buffer_;
    int fd_ = -1;
    bool committed_ = false;
};

} // namespace starlocus::core::table
