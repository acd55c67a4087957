// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The integrity checksum of the arrays of our model files and checkpoints (issue #14 item 6).
//
// Design: every dataset of those files carries a string attribute
//   checksum = "fnv1a64:<16 hex digits>"
// over its shape and its values exactly as a reader receives them (converted to double,
// little-endian bit patterns). Why our own hash instead of HDF5's Fletcher-32 filter:
//  - it covers the shape too, so a damaged dimension in the metadata is caught, not only
//    flipped data bytes;
//  - the datasets stay contiguous (Fletcher-32 needs chunked storage), so the layout, size
//    and reading by h5py or an older StarLocus do not change, and a corrupt chunk index
//    (one of the places libhdf5 1.10 crashes on) is not added to every file;
//  - a mismatch is our own comparison, reported as "checksum mismatch" naming the dataset,
//    instead of a failed H5Dread whose cause must be dug out of libhdf5's error stack.
// FNV-1a is applied per 64-bit word: xor then multiply by an odd constant are both
// bijections of the state, so any change confined to one value always changes the hash;
// several changed values collide with probability ~2⁻⁶⁴. It runs at memory speed (a save
// of a 10⁶-star checkpoint hashes 48 MB). It detects accidents (bad disks, truncated
// copies, bit rot), not tampering: whoever edits a file can recompute it.
#include <hdf5.h>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace starlocus::core::hdf5 {

constexpr const char* kChecksumAttribute = "checksum";

// Whether a dataset read by readDoubles carried a checksum — a mismatch is an InputError,
// so a returned read was either verified or written without one.
enum class ChecksumState { Absent, Verified };

// The checksum states of all arrays a loader read, and the note its result then carries.
struct ChecksumTally {
    std::size_t verified = 0;
    std::size_t absent = 0;
    void add(ChecksumState state) { ++(state == ChecksumState::Verified ? verified : absent); }
    // Empty when every array was verified; else the note for the user (files written before
    // checksums existed still open).
    std::optional<std::string> note() const;
};

std::uint64_t arrayChecksum(const std::vector<hsize_t>& shape, const double* values, std::size_t count);
// "fnv1a64:0123456789abcdef"
std::string checksumText(std::uint64_t checksum);

} // namespace starlocus::core::hdf5
