// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// What the table-reader tests share: a whole table read in chunks (checking their order and
// size on the way), and the text of the InputError a file gives, with a check that it names
// the file and every part a test expects.
#include "core/common/input_error.h"
#include "core/table/table_reader.h"

#include <QString>

#include <initializer_list>
#include <stdexcept>
#include <string>
#include <vector>

namespace starlocus::test {

// Every column's values over the whole table; `chunks` receives the number of chunks.
// std::runtime_error when a chunk is empty, too large or out of row order.
inline std::vector<core::table::ColumnValues> readAll(core::table::TableReader& reader, std::size_t chunkRows,
                                                      std::size_t* chunks = nullptr) {
    std::vector<core::table::ColumnValues> all(reader.columns().size());
    core::table::TableChunk chunk;
    std::size_t expectFirst = 0, n = 0;
    while (reader.next(chunk, chunkRows)) {
        ++n;
        if (chunk.firstRow != expectFirst || chunk.rows > chunkRows || chunk.rows == 0)
            throw std::runtime_error("chunk rows out of order");
        expectFirst += chunk.rows;
        for (std::size_t c = 0; c < all.size(); ++c) {
            const core::table::ColumnValues& v = chunk.columns[c];
            all[c].real.insert(all[c].real.end(), v.real.begin(), v.real.end());
            all[c].integer.insert(all[c].integer.end(), v.integer.begin(), v.integer.end());
            all[c].text.insert(all[c].text.end(), v.text.begin(), v.text.end());
            all[c].null.insert(all[c].null.end(), v.null.begin(), v.null.end());
        }
    }
    if (chunks)
        *chunks = n;
    return all;
}

// The InputError's text of opening `path` with `open` and reading it whole; "" when it reads.
template <typename Open>
QString errorOfReading(const std::string& path, const Open& open) {
    try {
        auto reader = open(path);
        readAll(*reader, 7);
    } catch (const core::InputError& e) {
        return QString::fromStdString(e.what());
    }
    return {};
}

// "" when `text` is an error that names `path` and every one of `parts`, else what is wrong.
inline QString errorMismatch(const QString& text, const std::string& path, std::initializer_list<const char*> parts) {
    if (text.isEmpty())
        return QString::fromStdString(path) + ": read without an error";
    if (!text.contains(QString::fromStdString(path)))
        return text + "  (expected the file's name)";
    for (const char* part : parts)
        if (!text.contains(QString::fromUtf8(part)))
            return text + "  (expected: " + QString::fromUtf8(part) + ")";
    return {};
}

} // namespace starlocus::test
