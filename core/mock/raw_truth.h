// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// What importing a mock's raw cross-match must report (issue 15, item 7): per rule the stars
// or bands it removes (each counted under the first rule, in the import's order, that removes
// it: the mock makes every defect fail exactly one), the rows in and out per survey table,
// the stars that survive (by mock_index) and the bands dropped from them.
#include "core/mock/raw_crossmatch.h"

#include <array>
#include <cstddef>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace starlocus::core {

struct RawTruth {
    struct Table {
        std::size_t rows = 0;    // stars of the survey in its table
        std::size_t removed = 0; // stars a star rule removes
        std::size_t kept = 0;
    };
    struct DroppedBand {
        std::size_t star = 0; // mock_index
        std::size_t band = 0; // band index (band_registry.h)
        RawRule rule = RawRule::None;
    };
    std::map<RawRule, std::size_t> count; // every star and band rule (0 included) and ParallaxSnr
    std::size_t naturalLabelSigmaCut = 0; // of count[LabelSigmaCut]: the mock's own σ past the cut
    std::array<Table, 3> tables;          // kRawSurveys order
    std::vector<std::size_t> survivors;   // mock_index, ascending
    std::vector<DroppedBand> droppedBands;
};

// parallax_snr counts the surviving stars with ϖ̂/σ_ϖ < 5 (their parallax is disregarded,
// the star kept).
RawTruth rawTruthOf(const RawCrossMatch& raw);

// The truth as JSON (docs/MOCK.md): seed, stars, defect rate, the PS1 mask, the rule order,
// per rule its kind and count, per table its file, rows, removed and kept, the catalog file,
// the removed stars with their rule, the dropped bands and the survivors.
struct RawFileNames {
    std::array<std::string, 3> tables; // kRawSurveys order
    std::string catalog;
};
std::string rawTruthJson(const RawCrossMatch& raw, const RawTruth& truth, const RawFileNames& files);

} // namespace starlocus::core
