// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The loaders take paths, so every fuzz input is first written to a file. The folder is
// per process (fork mode runs several) and on tmpfs (/dev/shm) when there is one, so an
// execution costs no disk I/O; it is removed when the process exits normally.
#include <cstddef>
#include <cstdint>
#include <string>

namespace starlocus::fuzz {

// Writes `data` to <process folder>/<name> (replacing it) and returns the path.
const std::string& writeInputFile(const std::string& name, const std::uint8_t* data, std::size_t size);

// The per-process folder (created on first use).
const std::string& inputFolder();

} // namespace starlocus::fuzz
