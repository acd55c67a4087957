// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/table/base64_encoder.h"

namespace starlocus::core::table {
namespace {

constexpr char kAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
constexpr std::size_t kLineChars = 76;

} // namespace

void Base64Encoder::putQuantum(const unsigned char* b, std::size_t n, std::string& out) {
    const unsigned x = (unsigned(b[0]) << 16) | (n > 1 ? unsigned(b[1]) << 8 : 0U) | (n > 2 ? unsigned(b[2]) : 0U);
    out += kAlphabet[(x >> 18) & 63];
    out += kAlphabet[(x >> 12) & 63];
    out += n > 1 ? kAlphabet[(x >> 6) & 63] : '=';
    out += n > 2 ? kAlphabet[x & 63] : '=';
    lineChars_ += 4;
    if (lineChars_ >= kLineChars) {
        out += '\n';
        lineChars_ = 0;
    }
}

void Base64Encoder::feed(std::string_view bytes, std::string& out) {
    const auto* p = reinterpret_cast<const unsigned char*>(bytes.data());
    std::size_t n = bytes.size();
    while (heldCount_ > 0 && heldCount_ < 3 && n > 0) {
        held_[heldCount_++] = *p++;
        --n;
    }
    if (heldCount_ == 3) {
        putQuantum(held_, 3, out);
        heldCount_ = 0;
    }
    out.reserve(out.size() + n / 3 * 4 + n / 57 + 8);
    for (; n >= 3; p += 3, n -= 3)
        putQuantum(p, 3, out);
    for (; n > 0; --n)
        held_[heldCount_++] = *p++;
}

void Base64Encoder::finish(std::string& out) {
    if (heldCount_ > 0)
        putQuantum(held_, heldCount_, out);
    heldCount_ = 0;
    if (lineChars_ > 0)
        out += '\n';
    lineChars_ = 0;
}

} // namespace starlocus::core::table
