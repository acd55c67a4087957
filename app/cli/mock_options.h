// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Mock-sky options shared by `mock` and `train --mock`.
#include "app/cli/cli_arguments.h"
#include "core/mock/mock_sky_config.h"

namespace starlocus::cli {

// --label-error-scale X, --parallax-error-scale X, --prior-error-scale X (MockSkyConfig
// validates the values).
void applyErrorScales(const CliArguments& args, core::MockSkyConfig& config);

} // namespace starlocus::cli
