// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Base64 written as the bytes arrive (a VOTable BINARY2 STREAM is written row block by row
// block): whole 3-byte groups are encoded at once, the 0–2 bytes left over wait for the next
// call, and finish() pads the last group. Lines of 76 characters, as MIME writes them.
#include <string>
#include <string_view>

namespace starlocus::core::table {

class Base64Encoder {
public:
    void feed(std::string_view bytes, std::string& out);
    void finish(std::string& out);

private:
    void putQuantum(const unsigned char* b, std::size_t n, std::string& out);

    unsigned char held_[3] = {};
    std::size_t heldCount_ = 0;
    std::size_t lineChars_ = 0;
};

} // namespace starlocus::core::table
