// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Small FITS tables for fuzz_fits_table's seed corpus, written with CFITSIO: a binary table
// with every scalar column kind the reader takes (K, D, E, J with TNULL, I with TZERO 32768,
// L, A) and a scaled column, a table behind an image HDU, and an ASCII table.
#include <filesystem>

namespace starlocus::fuzz {

// Writes the seed files into `dir`; throws std::runtime_error naming CFITSIO's complaint.
void writeFitsSeeds(const std::filesystem::path& dir);

} // namespace starlocus::fuzz
