// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/import/import_report.h"

namespace starlocus::core::import {
namespace {

nlohmann::json tallyJson(const RuleTally& tally, const nlohmann::json& settings) {
    nlohmann::json rules = nlohmann::json::array();
    const auto table = ruleTable();
    for (std::size_t r = 0; r < table.size(); ++r) {
        const RuleInfo& info = table[r];
        const RuleCount& c = tally.rules[r];
        nlohmann::json entry = {{"name", std::string(info.name)},
                                {"kind", std::string(ruleKindName(info.kind))},
                                {"reference", std::string(info.reference)},
                                {"summary", std::string(info.summary)}};
        if (settings.contains("rules") && settings["rules"].contains(std::string(info.name)))
            entry["settings"] = settings["rules"][std::string(info.name)];
        const bool bandRule = info.kind == RuleKind::BandCut || info.name == "invalid_magnitude" ||
                              info.name == "invalid_magnitude_error" || info.name == "unwise_vega_to_ab" ||
                              info.name == "photometric_error_floor";
        if (bandRule) {
            nlohmann::json perBand = nlohmann::json::object();
            for (std::size_t b = 0; b < kBandCount; ++b)
                if (c.bands[b] > 0)
                    perBand[std::string(bands()[b].name)] = c.bands[b];
            entry[info.kind == RuleKind::Transform ? "bands_changed" : "bands_removed"] = perBand;
            entry["bands_total"] = c.total();
        } else {
            entry[info.kind == RuleKind::Transform || info.kind == RuleKind::Count ? "stars_touched"
                  : info.name == "invalid_parallax"                                ? "parallaxes_removed"
                                                                                   : "stars_removed"] = c.stars;
        }
        rules.push_back(entry);
    }
    return {{"rules", rules},
            {"reddening_regimes", {{"sfd", tally.regimes[0]}, {"b19", tally.regimes[1]}, {"default", tally.regimes[2]}}}};
}

} // namespace

nlohmann::json ImportReport::toJson() const {
    nlohmann::json out;
    out["format"] = "starlocus-import-report/1";
    out["rows_in"] = rowsIn;
    out["stars_out"] = starsOut;
    out["stars_by_survey"] = starsBySurvey;
    out["settings"] = settings;
    const nlohmann::json all = tallyJson(tally, settings);
    out["rules"] = all["rules"];
    out["reddening_regimes"] = all["reddening_regimes"];
    // Table 1 of the paper: stars with each band, and with a parallax of S/N ≥ 5.
    nlohmann::json coverage = nlohmann::json::array();
    for (std::size_t b = 0; b < kBandCount; ++b)
        coverage.push_back({{"band", std::string(bands()[b].name)},
                            {"survey", std::string(surveyName(bands()[b].survey))},
                            {"stars", bandCoverage[b]},
                            {"fraction", starsOut ? double(bandCoverage[b]) / double(starsOut) : 0.0}});
    out["band_coverage"] = coverage;
    out["parallax_snr_at_least_5"] = {{"stars", parallaxSnrAtLeast5},
                                      {"fraction", starsOut ? double(parallaxSnrAtLeast5) / double(starsOut) : 0.0}};
    out["repeated_stars"] = {{"stars", repeatedStars}, {"examples", repeatedExamples}};
    nlohmann::json tablesJson = nlohmann::json::array();
    for (const TableImportReport& t : tables) {
        nlohmann::json presetsJson = nlohmann::json::array();
        for (const PresetMatch& p : t.presets)
            presetsJson.push_back({{"name", p.name},
                                   {"applied", p.applied},
                                   {"fields_mapped", p.fieldsMapped},
                                   {"missing_columns", p.missingColumns}});
        const nlohmann::json perTable = tallyJson(t.tally, nlohmann::json::object());
        nlohmann::json removed = nlohmann::json::object();
        for (const auto& r : perTable["rules"])
            if (r.contains("stars_removed") && r["stars_removed"].get<std::size_t>() > 0)
                removed[r["name"].get<std::string>()] = r["stars_removed"];
        tablesJson.push_back({{"path", t.path},
                              {"format", t.format},
                              {"rows", t.rows},
                              {"stars", t.stars},
                              {"mapping_source", t.mappingSource},
                              {"presets", presetsJson},
                              {"mapping", t.mapping},
                              {"notes", t.notes},
                              {"reddening_mode", std::string(reddeningModeName(t.reddeningMode))},
                              {"stars_removed", removed}});
    }
    out["tables"] = tablesJson;
    return out;
}

} // namespace starlocus::core::import
