// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/mock/raw_truth.h"

#include <nlohmann/json.hpp>

#include <algorithm>

namespace starlocus::core {

RawTruth rawTruthOf(const RawCrossMatch& raw) {
    const Catalog& c = raw.sky().catalog();
    RawTruth t;
    for (RawRule rule : kRawStarRules)
        t.count[rule] = 0;
    for (RawRule rule : kRawBandRules)
        t.count[rule] = 0;
    t.count[RawRule::ParallaxSnr] = 0;
    for (std::size_t s = 0; s < kRawSurveys.size(); ++s) {
        RawTruth::Table& table = t.tables[s];
        for (std::size_t i : raw.stars(kRawSurveys[s])) {
            ++table.rows;
            const RawStarDefects& d = raw.defects()[i];
            if (d.star != RawRule::None) {
                ++table.removed;
                ++t.count[d.star];
                t.naturalLabelSigmaCut += d.natural ? 1 : 0;
                continue;
            }
            ++table.kept;
            for (std::size_t b = 0; b < kBandCount; ++b)
                if (d.band[b] != RawRule::None) {
                    ++t.count[d.band[b]];
                    t.droppedBands.push_back({i, b, d.band[b]});
                }
            // The same ratio the import takes of the written columns (the catalog's doubles).
            if (!(c.parallaxMas[i] / c.parallaxErrMas[i] >= kRawMinParallaxSnr))
                ++t.count[RawRule::ParallaxSnr];
        }
    }
    for (std::size_t i = 0; i < c.size(); ++i)
        if (raw.defects()[i].star == RawRule::None)
            t.survivors.push_back(i);
    // Survey tables interleave in the catalog: list the dropped bands by star too.
    std::sort(t.droppedBands.begin(), t.droppedBands.end(),
              [](const RawTruth::DroppedBand& a, const RawTruth::DroppedBand& b) {
                  return a.star != b.star ? a.star < b.star : a.band < b.band;
              });
    return t;
}

std::string rawTruthJson(const RawCrossMatch& raw, const RawTruth& truth, const RawFileNames& files) {
    nlohmann::ordered_json doc;
    doc["seed"] = raw.sky().seed();
    doc["stars"] = raw.sky().catalog().size();
    doc["defect_rate"] = raw.defectRate();
    doc["ps1_bad_flag_mask"] = kPs1BadFlagMask;
    doc["catalog"] = files.catalog;
    nlohmann::ordered_json order = nlohmann::ordered_json::array();
    nlohmann::ordered_json rules = nlohmann::ordered_json::object();
    auto add = [&](RawRule rule, const char* kind) {
        order.push_back(std::string(rawRuleName(rule)));
        nlohmann::ordered_json entry{{"kind", kind}, {"count", truth.count.at(rule)}};
        if (rule == RawRule::LabelSigmaCut)
            entry["natural"] = truth.naturalLabelSigmaCut;
        rules[std::string(rawRuleName(rule))] = entry;
    };
    for (RawRule rule : kRawStarRules)
        add(rule, "star");
    for (RawRule rule : kRawBandRules)
        add(rule, "band");
    add(RawRule::ParallaxSnr, "counted");
    doc["rule_order"] = order;
    doc["rules"] = rules;
    nlohmann::ordered_json tables = nlohmann::ordered_json::object();
    for (std::size_t s = 0; s < kRawSurveys.size(); ++s) {
        const RawTruth::Table& t = truth.tables[s];
        tables[std::string(kRawSurveys[s])] = {
            {"file", files.tables[s]}, {"rows", t.rows}, {"stars_removed", t.removed}, {"stars_kept", t.kept}};
    }
    doc["tables"] = tables;
    nlohmann::ordered_json removed = nlohmann::ordered_json::array();
    const auto& defects = raw.defects();
    for (std::size_t i = 0; i < defects.size(); ++i)
        if (defects[i].star != RawRule::None)
            removed.push_back({{"mock_index", i}, {"rule", std::string(rawRuleName(defects[i].star))}});
    doc["removed_stars"] = removed;
    nlohmann::ordered_json dropped = nlohmann::ordered_json::array();
    for (const RawTruth::DroppedBand& d : truth.droppedBands)
        dropped.push_back({{"mock_index", d.star}, {"band", std::string(bands()[d.band].name)},
                           {"rule", std::string(rawRuleName(d.rule))}});
    doc["dropped_bands"] = dropped;
    doc["surviving_mock_index"] = truth.survivors;
    return doc.dump() + "\n";
}

} // namespace starlocus::core
