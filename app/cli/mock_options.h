// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Mock-sky options shared by `mock` and `train --mock`, and `mock`'s raw cross-match options.
#include "app/cli/cli_arguments.h"
#include "core/mock/mock_sky_config.h"
#include "core/table/table_reader.h"

#include <optional>
#include <string>

namespace starlocus::cli {

// --label-error-scale X, --parallax-error-scale X, --prior-error-scale X (MockSkyConfig
// validates the values).
void applyErrorScales(const CliArguments& args, core::MockSkyConfig& config);

// `mock --raw fits|csv|ecsv|votable [--raw-defect-rate X]` (docs/MOCK.md): the survey-native
// cross-match tables beside the catalog.
struct RawCrossMatchRequest {
    core::table::TableFormat format = core::table::TableFormat::Fits;
    double defectRate = 0.0;
};

// nullopt without --raw. UsageError naming the option for a format that is not one of the
// four, a rate outside [0, 0.05], or --raw-defect-rate without --raw.
std::optional<RawCrossMatchRequest> rawCrossMatchRequest(const CliArguments& args);

// The CLI option of a mock setting the raw cross-match refuses (InputError field →
// "label-error-scale", …), or "" when the field is not an option.
std::string mockOptionOfField(const std::string& field);

} // namespace starlocus::cli
