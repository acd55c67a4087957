// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/cli/mock_options.h"

#include "core/mock/raw_defects.h"
#include "core/physics/number_text.h"

namespace starlocus::cli {

void applyErrorScales(const CliArguments& args, core::MockSkyConfig& config) {
    if (auto scale = args.number("label-error-scale"))
        config.labelErrorScale = *scale;
    if (auto scale = args.number("parallax-error-scale"))
        config.parallaxErrorScale = *scale;
    if (auto scale = args.number("prior-error-scale"))
        config.reddeningPriorErrorScale = *scale;
}

std::optional<RawCrossMatchRequest> rawCrossMatchRequest(const CliArguments& args) {
    const std::optional<std::string> format = args.value("raw");
    const std::optional<double> rate = args.number("raw-defect-rate");
    if (!format) {
        if (rate)
            throw UsageError("option --raw-defect-rate: needs --raw fits|csv|ecsv|votable");
        return std::nullopt;
    }
    RawCrossMatchRequest request;
    if (*format == "fits")
        request.format = core::table::TableFormat::Fits;
    else if (*format == "csv")
        request.format = core::table::TableFormat::Csv;
    else if (*format == "ecsv")
        request.format = core::table::TableFormat::Ecsv;
    else if (*format == "votable")
        request.format = core::table::TableFormat::VoTable;
    else
        throw UsageError("option --raw: '" + *format + "' is not one of fits, csv, ecsv, votable");
    request.defectRate = rate.value_or(core::kRawDefaultDefectRate);
    if (!(request.defectRate >= 0.0 && request.defectRate <= core::kRawMaxDefectRate))
        throw UsageError("option --raw-defect-rate: must be a fraction in [0, " + core::numberText(core::kRawMaxDefectRate) +
                         "], got " + core::numberText(request.defectRate));
    return request;
}

std::string mockOptionOfField(const std::string& field) {
    if (field == "label_error_scale")
        return "label-error-scale";
    if (field == "reddening_prior_error_scale")
        return "prior-error-scale";
    if (field == "raw_defect_rate")
        return "raw-defect-rate";
    return "";
}

} // namespace starlocus::cli
