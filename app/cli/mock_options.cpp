// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/cli/mock_options.h"

namespace starlocus::cli {

void applyErrorScales(const CliArguments& args, core::MockSkyConfig& config) {
    if (auto scale = args.number("label-error-scale"))
        config.labelErrorScale = *scale;
    if (auto scale = args.number("parallax-error-scale"))
        config.parallaxErrorScale = *scale;
    if (auto scale = args.number("prior-error-scale"))
        config.reddeningPriorErrorScale = *scale;
}

} // namespace starlocus::cli
