// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// A small text file (JSON report, normalisation) saved the durable way (save_temporary.h):
// refuse a target that is not a regular file, clean up after killed saves, write a
// temporary, fsync, rename. InputError naming `path` on failure; the target is untouched.
#include <string>

namespace starlocus::core {

void saveTextFile(const std::string& path, const std::string& text);

} // namespace starlocus::core
