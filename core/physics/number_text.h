// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Numbers in InputError messages: short and locale-free ("%.6g"), so a message reads the
// same in the CLI, the GUI and a test's expected string.
#include <cstdio>
#include <string>

namespace starlocus::core {

inline std::string numberText(double value) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.6g", value);
    return buf;
}

} // namespace starlocus::core
