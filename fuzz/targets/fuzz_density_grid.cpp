// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer target: the authors' density file layout (core/diagnostics/density_grid_file.h),
// then a look-up inside the grid as the explorer does.
#include "fuzz/support/expected_failure.h"
#include "fuzz/support/input_file.h"
#include "fuzz/support/loaded_checks.h"

#include "core/diagnostics/density_grid_file.h"

namespace core = starlocus::core;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string& path = starlocus::fuzz::writeInputFile("density.h5", data, size);
    starlocus::fuzz::runLoader("density_grid", [&] {
        starlocus::fuzz::checkDensityGrid("density_grid", core::readDensityGrid(path));
    });
    return 0;
}
