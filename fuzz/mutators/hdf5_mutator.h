// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Structure-aware mutation of HDF5 inputs, where random bytes cannot reach: the image is
// opened in memory (hdf5_image.h), one attribute or dataset is edited
// (hdf5_attribute_edits.h, hdf5_dataset_edits.h) or a compound member's offset is moved in
// the raw bytes (past the record, which the library's own API never allows), and the image
// is written back.
#include <cstdint>
#include <optional>
#include <random>
#include <vector>

namespace starlocus::fuzz {

// nullopt when the input does not open as HDF5 or no edit applied.
std::optional<std::vector<std::uint8_t>> mutateHdf5(const std::uint8_t* data, std::size_t size, std::mt19937_64& rng);

// Copies one attribute or dataset of `from` over the object of the same path in `into`
// (a configuration of one checkpoint with the parameters of another, say).
std::optional<std::vector<std::uint8_t>> crossOverHdf5(const std::uint8_t* into, std::size_t intoSize,
                                                       const std::uint8_t* from, std::size_t fromSize,
                                                       std::mt19937_64& rng);

} // namespace starlocus::fuzz
