// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The mock sky as a researcher would download it (issue 15, item 7; docs/MOCK.md): one
// survey-native cross-match table per spectroscopic survey — LAMOST, APOGEE, GALAH stars in
// catalog order, each row the star's Gaia DR2, PS1, 2MASS, unWISE and label columns — such
// that the import's §3 steps give back the mock's own catalog for the stars that pass,
// while chosen stars and bands fail exactly one rule each (raw_defects.h, raw_rules.h).
//
//   RawCrossMatch raw(sky, 0.005);                 // defects drawn, round trip checked
//   raw.fillChunk("lamost", 0, 65536, chunk);      // rows in the table column model
//   rawTruthOf(raw);                               // what each rule must remove
//
// Rows are computed when asked for: nothing per row is stored but the defects and the
// survey's row list (~23 bytes a star), so a 2.9-million-star sky streams into a table writer
// chunk by chunk.
#include "core/mock/mock_sky.h"
#include "core/mock/raw_columns.h"
#include "core/mock/raw_defects.h"
#include "core/mock/raw_row.h"
#include "core/mock/raw_rules.h"
#include "core/table/table_column.h"

#include <array>
#include <string_view>
#include <vector>

namespace starlocus::core {

inline constexpr std::array<std::string_view, 3> kRawSurveys = {"lamost", "apogee", "galah"};

class RawCrossMatch {
public:
    // Keeps a reference to `sky`, which must outlive this. InputError for a defect rate
    // outside [0, kRawMaxDefectRate] ("raw_defect_rate"), and when the sky's errors are below
    // the floors the import adds, so no raw value gives them back: a label variance below
    // (10 K)², (0.05)², (0.03)² ("label_error_scale"), σ_E below 0.02 mag
    // ("reddening_prior_error_scale") — error scales below 1 do that.
    RawCrossMatch(const MockSky& sky, double defectRate);

    const MockSky& sky() const { return sky_; }
    double defectRate() const { return defectRate_; }
    const std::vector<RawStarDefects>& defects() const { return defects_; }
    // Mock indices of the survey's stars, in catalog order: the rows of its table.
    const std::vector<std::size_t>& stars(std::string_view atmSource) const;

    RawRow row(std::size_t star) const { return rawRowOf(sky_, star, defects_[star]); }
    // Rows [firstRow, firstRow + maxRows) of the survey's table (fewer at its end) into
    // `chunk`, columns as rawColumns(atmSource).
    void fillChunk(std::string_view atmSource, std::size_t firstRow, std::size_t maxRows, table::TableChunk& chunk) const;

private:
    const MockSky& sky_;
    double defectRate_;
    std::vector<RawStarDefects> defects_;
    std::array<std::vector<std::size_t>, 3> stars_;
};

} // namespace starlocus::core
