// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/import/import_rules.h"

#include "core/common/input_error.h"
#include "core/io/json_fields.h"

#include <charconv>
#include <cmath>
#include <nlohmann/json.hpp>

namespace starlocus::core::import {
namespace {

std::vector<RuleInfo> makeRules() {
    using enum RuleKind;
    return {
        {"invalid_label", Validity, "ours", "a label that is null, NaN or ±Inf: star dropped", {}},
        {"invalid_label_covariance", Validity, "ours",
         "label variances null, NaN, negative, or a covariance not positive definite after the floors: star "
         "dropped",
         {}},
        {"lamost_snr", StarCut, "§3.1", "LAMOST: S/N > 20 in at least one of u g r i z", {{"min_snr", 20.0, ""}}},
        {"lamost_qflag_chi2", StarCut, "§3.1", "LAMOST DDPayne: qflag_chi2 == 'good'", {}},
        {"lamost_singlestar", StarCut, "§3.1", "LAMOST DDPayne: flag_singlestar == 'YES'", {}},
        {"apogee_star_flags", StarCut, "§3.1", "APOGEE: no STAR_WARN (bit 7) or STAR_BAD (bit 23) in ASPCAPFLAG",
         {{"mask", double((1u << 7) | (1u << 23)), ""}}},
        {"galah_snr", StarCut, "§3.1", "GALAH: S/N > 20 in at least one of the four channels", {{"min_snr", 20.0, ""}}},
        {"galah_flag_cannon", StarCut, "§3.1", "GALAH: flag_cannon == 0 (DR3: flag_sp == 0)", {}},
        {"label_offsets", Transform, "§3.1",
         "survey zero points added to the labels, bringing LAMOST and APOGEE onto GALAH",
         {{"lamost_teff", -3.6, "K"},
          {"lamost_logg", -0.014, "dex"},
          {"lamost_feh", 0.068, "dex"},
          {"apogee_teff", -26.6, "K"},
          {"apogee_logg", -0.026, "dex"},
          {"apogee_feh", 0.018, "dex"},
          {"galah_teff", 0.0, "K"},
          {"galah_logg", 0.0, "dex"},
          {"galah_feh", 0.0, "dex"}}},
        {"label_variance_floor", Transform, "§3.1", "(10 K)², (0.05 dex)², (0.03 dex)² added to the label variances",
         {{"teff", 10.0, "K"}, {"logg", 0.05, "dex"}, {"feh", 0.03, "dex"}}},
        {"label_sigma_cut", StarCut, "§3.1", "σ_Teff > 200 K, σ_logg > 0.5 or σ_[Fe/H] > 0.5 dex (after the floors)",
         {{"teff", 200.0, "K"}, {"logg", 0.5, "dex"}, {"feh", 0.5, "dex"}}},
        {"gaia_visibility_periods", StarCut, "§3.2 (Arenou et al. 2018)", "visibility_periods_used > 8",
         {{"min_exclusive", 8.0, ""}}},
        {"gaia_astrometric_chi2", StarCut, "§3.2 (Arenou et al. 2018)",
         "astrometric_chi2_al / (astrometric_n_good_obs_al − 5) < 1.44 · max(1, exp(−0.4 (G − 19.5)))",
         {{"factor", 1.44, ""}, {"g_reference", 19.5, "mag"}, {"slope", 0.4, "1/mag"}}},
        {"gaia_g_n_obs", StarCut, "§3.2", "phot_g_n_obs > 2", {{"min_exclusive", 2.0, ""}}},
        {"tmass_extended", StarCut, "§3.2", "2MASS says the source is extended (ext_key set or gal_contam ≠ 0)", {}},
        {"invalid_magnitude", Validity, "ours", "a magnitude that is NaN, ±Inf or outside −5…30 mag: band dropped",
         {{"min", -5.0, "mag"}, {"max", 30.0, "mag"}}},
        {"invalid_magnitude_error", Validity, "ours", "a magnitude error that is null, NaN, ±Inf or negative: band dropped",
         {}},
        {"ps1_flags", BandCut, "§3.2", "PS1 photometry flagged (<band>Flags & mask): band dropped",
         {{"mask", 8.0, ""}}},
        {"tmass_quality", BandCut, "§3.2 (2MASS high-reliability catalog)",
         "2MASS band not of high reliability (ph_qual not A/B/C, rd_flg not 1/2/3, cc_flg not 0): band dropped", {}},
        {"unwise_flags", BandCut, "§3.2", "unWISE flags_unwise ≠ 0: band dropped", {}},
        {"unwise_fracflux", BandCut, "§3.2", "unWISE fracflux ≤ 0.5: band dropped", {{"min_exclusive", 0.5, ""}}},
        {"unwise_rchi2", BandCut, "§3.2", "unWISE χ²/dof > 5: band dropped", {{"max", 5.0, ""}}},
        {"unwise_vega_to_ab", Transform, "§3.2 (Schlafly et al. 2019)", "unWISE Vega → AB: +2.699 (W1), +3.339 (W2)",
         {{"W1", 2.699, "mag"}, {"W2", 3.339, "mag"}}},
        {"photometric_error_floor", Transform, "§3.2", "0.02 mag added in quadrature to every magnitude error",
         {{"floor", 0.02, "mag"}}},
        {"photometric_error_cut", BandCut, "§3.2", "error > 0.2 mag (after the floor): band treated as unobserved",
         {{"max", 0.2, "mag"}}},
        {"gaia_g_missing", StarCut, "§3.4", "no usable Gaia G: star dropped", {}},
        {"invalid_parallax", Validity, "ours",
         "a parallax or error that is null, NaN or ±Inf, or an error ≤ 0: the parallax is dropped (NaN), the star stays",
         {}},
        {"parallax_snr", Count, "§3.2",
         "ϖ̂/σ_ϖ < 5: counted; kept in the catalog, the likelihood ignores such parallaxes (σ_ϖ = ∞)",
         {{"min_snr", 5.0, ""}}},
        {"invalid_reddening_prior", Validity, "ours",
         "a reddening prior (or the map values it is made from) that is null, NaN, ±Inf or negative: star dropped", {}},
        {"reddening_prior", Transform, "§3.3",
         "Ê and σ_E: sfd beyond 400 pc of the mid-plane (distance of the 5σ parallax upper bound), b19 in the "
         "Bayestar19 footprint with ϖ̂/σ_ϖ > 5, else E = 0 with σ_E = SFD; 10 % terms",
         {{"midplane_pc", 400.0, "pc"},
          {"parallax_sigmas", 5.0, ""},
          {"footprint_min_dec", -30.0, "deg"},
          {"min_parallax_snr", 5.0, ""},
          {"fraction", 0.1, ""}}},
        {"reddening_error_floor", Transform, "§3.3", "0.02 mag added in quadrature to σ_E", {{"floor", 0.02, "mag"}}},
    };
}

const std::vector<RuleInfo>& rules() {
    static const std::vector<RuleInfo> all = makeRules();
    return all;
}

} // namespace

std::string_view ruleKindName(RuleKind kind) {
    switch (kind) {
    case RuleKind::Validity: return "validity";
    case RuleKind::StarCut: return "star";
    case RuleKind::BandCut: return "band";
    case RuleKind::Transform: return "transform";
    case RuleKind::Count: return "count";
    }
    return "?";
}

std::span<const RuleInfo> ruleTable() { return rules(); }

std::optional<std::size_t> ruleIndex(std::string_view name) {
    for (std::size_t i = 0; i < rules().size(); ++i)
        if (rules()[i].name == name)
            return i;
    return std::nullopt;
}

std::string_view reddeningModeName(ReddeningMode mode) {
    switch (mode) {
    case ReddeningMode::Auto: return "auto";
    case ReddeningMode::Paper: return "paper";
    case ReddeningMode::Given: return "given";
    }
    return "?";
}

RuleSettings::RuleSettings() : enabled_(rules().size(), true), parameters_(rules().size()) {
    for (std::size_t r = 0; r < rules().size(); ++r)
        for (const RuleParameter& p : rules()[r].parameters)
            parameters_[r][std::string(p.name)] = p.defaultValue;
}

namespace {
std::size_t ruleOrThrow(std::string_view name, const std::string& file, const std::string& field) {
    if (auto r = ruleIndex(name))
        return *r;
    std::string known;
    for (const RuleInfo& rule : rules())
        known += (known.empty() ? "" : " ") + std::string(rule.name);
    throw InputError(file, field, "no rule '" + std::string(name) + "' (rules: " + known + ")");
}
} // namespace

void RuleSettings::setEnabled(std::string_view rule, bool on) {
    const std::size_t r = ruleOrThrow(rule, "", "rule");
    if (rules()[r].kind == RuleKind::Validity && !on)
        throw InputError("", "rule",
                         "'" + std::string(rule) + "' cannot be switched off: it drops values no star can have");
    enabled_[r] = on;
}

double RuleSettings::parameter(std::size_t rule, std::string_view name) const {
    const auto& p = parameters_.at(rule);
    const auto it = p.find(name);
    if (it == p.end())
        throw std::logic_error("rule " + std::string(rules()[rule].name) + " has no parameter " + std::string(name));
    return it->second;
}

void RuleSettings::setParameter(std::string_view rule, std::string_view name, double value) {
    const std::size_t r = ruleOrThrow(rule, "", "rule");
    auto it = parameters_[r].find(name);
    if (it == parameters_[r].end()) {
        std::string known;
        for (const auto& [key, v] : parameters_[r])
            known += (known.empty() ? "" : " ") + key;
        throw InputError("", "rule", "rule '" + std::string(rule) + "' has no parameter '" + std::string(name) +
                                         "' (" + (known.empty() ? std::string("it has none") : known) + ")");
    }
    if (!std::isfinite(value))
        throw InputError("", "rule", std::string(rule) + "." + std::string(name) + " must be a finite number");
    it->second = value;
}

void RuleSettings::disableAll() {
    for (std::size_t r = 0; r < rules().size(); ++r)
        if (rules()[r].kind != RuleKind::Validity)
            enabled_[r] = false;
}

void RuleSettings::apply(std::string_view assignment) {
    const std::size_t eq = assignment.find('=');
    if (eq == std::string_view::npos || eq == 0)
        throw InputError("", "rule",
                         "'" + std::string(assignment) + "' is not NAME=on|off, NAME.PARAM=VALUE or reddening=MODE");
    const std::string_view key = assignment.substr(0, eq), value = assignment.substr(eq + 1);
    if (key == "reddening") {
        if (value == "auto")
            reddeningMode_ = ReddeningMode::Auto;
        else if (value == "paper")
            reddeningMode_ = ReddeningMode::Paper;
        else if (value == "given")
            reddeningMode_ = ReddeningMode::Given;
        else
            throw InputError("", "rule", "reddening must be auto, paper or given, not '" + std::string(value) + "'");
        return;
    }
    if (key == "all") { // every switchable rule (an export → import round trip: all=off)
        if (value != "on" && value != "off")
            throw InputError("", "rule", "'" + std::string(assignment) + "': all=on or all=off");
        for (std::size_t r = 0; r < rules().size(); ++r)
            if (rules()[r].kind != RuleKind::Validity)
                enabled_[r] = value == "on";
        return;
    }
    const std::size_t dot = key.find('.');
    if (dot == std::string_view::npos) {
        if (value != "on" && value != "off")
            throw InputError("", "rule", "'" + std::string(assignment) + "': a rule is switched on or off");
        setEnabled(key, value == "on");
        return;
    }
    double number = 0.0;
    const auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), number);
    if (ec != std::errc() || end != value.data() + value.size())
        throw InputError("", "rule", "'" + std::string(assignment) + "': '" + std::string(value) + "' is not a number");
    setParameter(key.substr(0, dot), key.substr(dot + 1), number);
}

nlohmann::json RuleSettings::toJson() const {
    nlohmann::json out = nlohmann::json::object();
    nlohmann::json list = nlohmann::json::object();
    for (std::size_t r = 0; r < rules().size(); ++r) {
        nlohmann::json entry = {{"enabled", bool(enabled_[r])}};
        for (const auto& [name, value] : parameters_[r])
            entry[name] = value;
        list[std::string(rules()[r].name)] = entry;
    }
    out["rules"] = list;
    out["reddening"] = std::string(reddeningModeName(reddeningMode_));
    return out;
}

void RuleSettings::readJson(const nlohmann::json& json, const std::string& file) {
    namespace jf = json_fields;
    if (const auto* mode = jf::optionalMember(json, "reddening", file, "")) {
        try {
            apply("reddening=" + jf::string(*mode, file, "reddening"));
        } catch (const InputError& e) {
            throw InputError(file, "reddening", e.reason());
        }
    }
    const auto* list = jf::optionalMember(json, "rules", file, "");
    if (!list)
        return;
    if (!list->is_object())
        throw InputError(file, "rules", "must be an object of rule names");
    for (const auto& [name, entry] : list->items()) {
        const std::string where = "rules/" + name;
        const std::size_t r = ruleOrThrow(name, file, where);
        if (!entry.is_object())
            throw InputError(file, where, "must be an object ({\"enabled\": true, …})");
        for (const auto& [key, value] : entry.items()) {
            try {
                if (key == "enabled")
                    setEnabled(name, jf::boolean(value, file, where + "/enabled"));
                else
                    setParameter(name, key, jf::finiteNumber(value, file, where + "/" + key));
            } catch (const InputError& e) {
                throw InputError(file, where + "/" + key, e.reason());
            }
        }
        (void)r;
    }
}

} // namespace starlocus::core::import
