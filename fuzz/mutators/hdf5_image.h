// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// An HDF5 file held in memory: opened read-write from a byte image through the core driver
// (no backing store) and copied back to bytes after the edits, so the mutators never touch
// the disk.
#include "core/io/hdf5_handle.h"

#include <cstdint>
#include <memory>
#include <vector>

namespace starlocus::fuzz {

class Hdf5Image {
public:
    // nullptr when the bytes cannot be opened as HDF5.
    static std::unique_ptr<Hdf5Image> open(const std::uint8_t* data, std::size_t size);

    hid_t file() const { return file_.get(); }
    // Flushes and returns the whole image; empty on failure.
    std::vector<std::uint8_t> bytes() const;

private:
    explicit Hdf5Image(core::hdf5::Handle file) : file_(std::move(file)) {}
    core::hdf5::Handle file_;
};

} // namespace starlocus::fuzz
