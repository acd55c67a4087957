// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Base64 decoded as its text arrives (issue 15: a VOTable BINARY/BINARY2 STREAM comes to the
// reader in pieces of any size, split anywhere). Whitespace is skipped; '=' padding may end a
// quantum and a new one may follow (concatenated streams).
#include <cstdint>
#include <string>
#include <string_view>

namespace starlocus::core::table {

class Base64Decoder {
public:
    // Appends the bytes of `text` to `out`; false, with `reason`, at a character that is not
    // base64 or a misplaced '='.
    bool feed(std::string_view text, std::string& out, std::string& reason);
    // True when the text so far ends at a quantum's end (else the stream was cut short).
    bool complete() const { return chars_ == 0; }
    void reset() { *this = Base64Decoder(); }

private:
    std::uint32_t bits_ = 0; // the current quantum's bits
    int chars_ = 0;          // … and its characters so far
    int padding_ = 0;        // '=' that ended the last quantum
};

} // namespace starlocus::core::table
