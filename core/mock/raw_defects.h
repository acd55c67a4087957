// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Which stars and bands of a mock's raw cross-match carry a defect, and which rule it must
// fail (raw_rules.h). Deterministic for (catalog, seed, rate): star i draws from its own
// counter-based stream, so the choice does not depend on chunking or threads.
//
// Each star rule takes every star it can apply to with probability `rate` (survey rules only
// the survey's stars, tmass_extended only stars with a 2MASS band), each on a different
// star; each band rule likewise takes every observed band it can apply to (never G) of the
// stars that keep all their star rules. So the counts are binomial around rate × eligible,
// and the truth counts what was drawn.
#include "core/catalog/catalog.h"
#include "core/mock/raw_rules.h"

#include <array>
#include <cstdint>
#include <vector>

namespace starlocus::core {

inline constexpr double kRawMaxDefectRate = 0.05;  // at most 11 star rules apply to one star: 55 %
inline constexpr double kRawDefaultDefectRate = 0.005;

struct RawStarDefects {
    RawRule star = RawRule::None;
    // True when the mock's own values fail `star` (label σ scaled past the §3.1 cut by
    // labelErrorScale): no defect was injected, the star just does not pass.
    bool natural = false;
    std::array<RawRule, kBandCount> band{}; // RawRule::None where the band passes
};

// InputError("", "raw_defect_rate", …) unless 0 ≤ rate ≤ kRawMaxDefectRate.
void validateRawDefectRate(double rate);

std::vector<RawStarDefects> drawRawDefects(const Catalog& catalog, std::uint64_t seed, double rate);

// Whether `rule` (a star rule) can be injected into star i / (a band rule) into band b.
bool rawStarRuleApplies(RawRule rule, const Catalog& catalog, std::size_t star);
bool rawBandRuleApplies(RawRule rule, std::size_t band);

} // namespace starlocus::core
