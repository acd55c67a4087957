// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Every --json document goes out through here. Paths and tags read from files are bytes,
// not necessarily UTF-8; nlohmann::json's plain dump() throws type_error 316 on invalid
// UTF-8 (a path with byte 0xff made `evaluate --json` exit 1 with the library's message).
// Invalid bytes become U+FFFD: the document stays valid JSON and the rest stays exact.
#include <nlohmann/json.hpp>

#include <ostream>

namespace starlocus::cli {

template <typename Json>
void writeJson(std::ostream& out, const Json& doc) {
    out << doc.dump(2, ' ', false, Json::error_handler_t::replace) << '\n';
}

} // namespace starlocus::cli
