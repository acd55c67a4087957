// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// A mock sky on disk: the Green2020 catalog layout (`data`, readable by
// readGreen2020Catalog) plus a group `truth` beside it with datasets
//   theta (N×3), E (N), mu (N) as float64; M (N×13), R (N×13, linear limit), A (N×13,
//   the extinction applied) as float32;
//   outlier (N, uint8: 0 none, 1 unresolved binary, 2 wrong labels), branch (N, uint8:
//   0 dwarf, 1 subgiant, 2 red giant, 3 red clump)
// and attributes `config` (JSON), `seed` (decimal text), `extinction` (linear|exact).
// No time stamps, host or wall clock: the same (config, seed) gives the same bytes.
#include "core/mock/mock_sky.h"

#include <string>

namespace starlocus::core {

void writeMockSky(const std::string& path, const MockSky& sky);

} // namespace starlocus::core
