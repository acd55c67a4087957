// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The rules of the paper's §3 as named, switchable, counted steps (issue 15; docs/IMPORT.md
// "Rules" gives each with its paper reference). One table describes every rule: its name,
// what it removes or changes, its parameters and their defaults; the settings, the CLI's
// `--rule`, the report and the GUI's rule list all read it.
//
// Order matters for the counts: a star (or a band) is counted by the FIRST rule, in the
// order of ruleTable(), that removes it.
#include <cstdint>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json_fwd.hpp>

namespace starlocus::core::import {

enum class RuleKind : std::uint8_t {
    Validity,  // a value no star can have: star or band dropped; always on
    StarCut,   // removes the star
    BandCut,   // removes one band of a star (the star stays)
    Transform, // changes values (offsets, floors, Vega → AB, the reddening prior)
    Count,     // only counts (the likelihood applies it at training time)
};
std::string_view ruleKindName(RuleKind kind);

struct RuleParameter {
    std::string_view name;
    double defaultValue;
    std::string_view unit;
};

struct RuleInfo {
    std::string_view name;
    RuleKind kind;
    std::string_view reference; // "§3.1", "§3.2 (Arenou et al. 2018)", "ours"
    std::string_view summary;
    std::vector<RuleParameter> parameters;
};

std::span<const RuleInfo> ruleTable();
std::optional<std::size_t> ruleIndex(std::string_view name);

// How the reddening prior (Ê, σ_E, r_source) is made (§3.3).
enum class ReddeningMode : std::uint8_t {
    Auto,  // Given when ebv_prior and ebv_prior_err are mapped, else Paper
    Paper, // from sfd_ebv, bayestar19_ebv(_err), dec, b and the parallax, as §3.3 says
    Given, // ebv_prior, ebv_prior_err (before the 0.02 floor), ebv_prior_source as mapped
};
std::string_view reddeningModeName(ReddeningMode mode);

// Which rules run and with which parameters. Defaults: every rule on, the paper's values.
class RuleSettings {
public:
    RuleSettings();

    bool enabled(std::size_t rule) const { return enabled_[rule]; }
    void setEnabled(std::string_view rule, bool on); // InputError("", "rule", …) for an unknown or always-on rule
    double parameter(std::size_t rule, std::string_view name) const;
    void setParameter(std::string_view rule, std::string_view name, double value); // InputError when unknown/not finite
    ReddeningMode reddeningMode() const { return reddeningMode_; }
    void setReddeningMode(ReddeningMode mode) { reddeningMode_ = mode; }

    // Every switchable rule off (an `export` → `import` round trip).
    void disableAll();

    // `NAME=off|on`, `all=off|on` (every switchable rule), `NAME.PARAM=VALUE` or
    // `reddening=auto|paper|given`, as the CLI's --rule.
    void apply(std::string_view assignment);

    // {"rules": {"label_offsets": {"enabled": true, "lamost_teff": -3.6, …}, …}, "reddening": "auto"}
    nlohmann::json toJson() const;
    // Reads what toJson writes (any subset); InputError(file, "rules/…", …) for anything else.
    void readJson(const nlohmann::json& json, const std::string& file);

private:
    std::vector<bool> enabled_;
    std::vector<std::map<std::string, double, std::less<>>> parameters_;
    ReddeningMode reddeningMode_ = ReddeningMode::Auto;
};

} // namespace starlocus::core::import
