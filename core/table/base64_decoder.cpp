// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/table/base64_decoder.h"

namespace starlocus::core::table {

bool Base64Decoder::feed(std::string_view text, std::string& out, std::string& reason) {
    for (const char ch : text) {
        int sextet;
        if (ch >= 'A' && ch <= 'Z')
            sextet = ch - 'A';
        else if (ch >= 'a' && ch <= 'z')
            sextet = ch - 'a' + 26;
        else if (ch >= '0' && ch <= '9')
            sextet = ch - '0' + 52;
        else if (ch == '+')
            sextet = 62;
        else if (ch == '/')
            sextet = 63;
        else if (ch == ' ' || ch == '\t' || ch == '\r' || ch == '\n')
            continue;
        else if (ch == '=') {
            // Padding ends a quantum of 2 or 3 characters (one or two bytes); a second '='
            // follows one that ended a 2-character quantum.
            if (chars_ == 2) {
                out += char(bits_ >> 4);
                padding_ = 1;
            } else if (chars_ == 3) {
                out += char(bits_ >> 10);
                out += char((bits_ >> 2) & 0xFF);
                padding_ = 2;
            } else if (chars_ == 0 && padding_ == 1) {
                padding_ = 2;
            } else {
                reason = "the base64 stream is damaged (misplaced '=')";
                return false;
            }
            chars_ = 0;
            bits_ = 0;
            continue;
        } else {
            reason = "the base64 stream is damaged (a character that is not base64: code " +
                     std::to_string(int(static_cast<unsigned char>(ch))) + ")";
            return false;
        }
        padding_ = 0;
        bits_ = (bits_ << 6) | std::uint32_t(sextet);
        if (++chars_ == 4) {
            out += char(bits_ >> 16);
            out += char((bits_ >> 8) & 0xFF);
            out += char(bits_ & 0xFF);
            bits_ = 0;
            chars_ = 0;
        }
    }
    return true;
}

} // namespace starlocus::core::table
