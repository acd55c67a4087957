// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The §3 rules applied to one row of mapped field values (issue 15; import_rules.h has the
// table, docs/IMPORT.md each rule with its paper reference). A row becomes a catalog star
// or is dropped; every removal, band drop and change is counted under its rule's name.
#include "core/bands/band_registry.h"
#include "core/import/field_values.h"
#include "core/import/import_rules.h"

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace starlocus::core::import {

// One star as the catalog holds it (catalog.h), before it is appended.
struct ImportedStar {
    std::array<double, 3> theta{};
    std::array<double, 9> thetaCov{};
    std::array<double, kBandCount> mag{};
    std::array<double, kBandCount> magErr{};
    double parallax = 0.0, parallaxErr = 0.0;
    double reddening = 0.0, reddeningErr = 0.0;
    std::string atmSource, rSource;
    double l = 0.0, b = 0.0; // NaN: no position
    double rFit = 0.0, rVar = 0.0;
    std::optional<std::int64_t> sourceId;
};

struct RuleCount {
    std::size_t stars = 0;                     // stars removed (StarCut, Validity) or touched (Transform, Count)
    std::array<std::size_t, kBandCount> bands{}; // bands removed (BandCut, Validity) or changed
    std::size_t total() const;
};

struct RuleTally {
    std::vector<RuleCount> rules = std::vector<RuleCount>(ruleTable().size());
    std::array<std::size_t, 3> regimes{}; // sfd, b19, default
    void add(const RuleTally& other);
};

// The reddening mode an import uses for a table mapped as `values` (Auto resolved).
ReddeningMode resolveReddeningMode(ReddeningMode mode, const FieldValues& values);

class StarRules {
public:
    // `survey`: atm_source of every star when the field is not mapped.
    StarRules(const RuleSettings& settings, ReddeningMode mode, std::string survey);

    // True when the row becomes a star (written into `star`); counts go to `tally`.
    bool apply(const FieldValues& values, std::size_t row, ImportedStar& star, RuleTally& tally) const;

private:
    // The steps of apply(), in the order the rules count; each false when it drops the star.
    bool labels(const FieldValues& v, std::size_t i, ImportedStar& s, RuleTally& tally) const;     // §3.1
    bool astrometry(const FieldValues& v, std::size_t i, RuleTally& tally) const; // Gaia, 2MASS extended
    bool photometry(const FieldValues& v, std::size_t i, ImportedStar& s, RuleTally& tally) const; // bands, G
    bool parallax(const FieldValues& v, std::size_t i, ImportedStar& s, RuleTally& tally) const;   // false: none kept
    void position(const FieldValues& v, std::size_t i, ImportedStar& s) const;
    bool reddeningPrior(const FieldValues& v, std::size_t i, ImportedStar& s, RuleTally& tally,
                        bool parallaxUsable) const; // §3.3
    bool on(std::size_t rule) const { return settings_.enabled(rule); }
    double param(std::size_t rule, std::string_view name) const { return settings_.parameter(rule, name); }

    const RuleSettings& settings_;
    ReddeningMode mode_;
    std::string survey_;
};

} // namespace starlocus::core::import
