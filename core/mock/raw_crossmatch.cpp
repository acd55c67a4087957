// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/mock/raw_crossmatch.h"

#include "core/common/input_error.h"
#include "core/common/parallel_for.h"
#include "core/physics/number_text.h"

#include <cmath>
#include <stdexcept>

namespace starlocus::core {
namespace {

std::size_t surveySlot(std::string_view atmSource) {
    for (std::size_t s = 0; s < kRawSurveys.size(); ++s)
        if (kRawSurveys[s] == atmSource)
            return s;
    throw std::invalid_argument("RawCrossMatch: unknown survey '" + std::string(atmSource) + "'");
}

// The import adds floors in quadrature; a catalog σ below its floor has no raw value.
void checkRoundTrip(const Catalog& c) {
    static const char* const label[3] = {"Teff", "log g", "[Fe/H]"};
    for (std::size_t i = 0; i < c.size(); ++i) {
        for (std::size_t k = 0; k < 3; ++k)
            if (!(c.thetaCov[i][4 * k] >= kRawLabelFloor[k] * kRawLabelFloor[k]))
                throw InputError("", "label_error_scale",
                                 "star " + std::to_string(i) + ": σ of " + label[k] + " " +
                                     numberText(std::sqrt(c.thetaCov[i][4 * k])) + " is below the " +
                                     numberText(kRawLabelFloor[k]) +
                                     " the import adds in quadrature (§3.1): a raw cross-match cannot give it back");
        if (!(c.reddeningErr[i] >= kRawReddeningFloor))
            throw InputError("", "reddening_prior_error_scale",
                             "star " + std::to_string(i) + ": σ_E " + numberText(c.reddeningErr[i]) +
                                 " is below the 0.02 mag the import adds in quadrature (§3.3): a raw cross-match "
                                 "cannot give it back");
    }
}

} // namespace

RawCrossMatch::RawCrossMatch(const MockSky& sky, double defectRate) : sky_(sky), defectRate_(defectRate) {
    validateRawDefectRate(defectRate);
    const Catalog& c = sky.catalog();
    if (!c.galacticL || !c.galacticB)
        throw std::logic_error("RawCrossMatch: the mock catalog has no Galactic l, b");
    checkRoundTrip(c);
    defects_ = drawRawDefects(c, sky.seed(), defectRate);
    for (std::size_t i = 0; i < c.size(); ++i)
        stars_[surveySlot(c.atmSource[i])].push_back(i);
}

const std::vector<std::size_t>& RawCrossMatch::stars(std::string_view atmSource) const {
    return stars_[surveySlot(atmSource)];
}

void RawCrossMatch::fillChunk(std::string_view atmSource, std::size_t firstRow, std::size_t maxRows,
                              table::TableChunk& chunk) const {
    const std::vector<std::size_t>& rows = stars(atmSource);
    const std::size_t begin = std::min(firstRow, rows.size());
    const std::size_t n = std::min(maxRows, rows.size() - begin);
    std::vector<RawRow> values(n);
    // Each row is a pure function of (sky, star): the chunking cannot change a value.
    parallelFor(n, 4096, [&](std::size_t b, std::size_t e) {
        for (std::size_t r = b; r < e; ++r)
            values[r] = row(rows[begin + r]);
    });
    chunk.firstRow = begin;
    fillRawChunk(rawColumns(atmSource), values, chunk);
}

} // namespace starlocus::core
