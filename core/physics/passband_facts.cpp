// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/physics/passband_facts.h"

#include "core/common/csv_table.h"
#include "core/common/input_error.h"

#include <cmath>

namespace starlocus::core {
namespace {

constexpr const char* kEmbeddedName = "passband_facts.csv";

} // namespace

std::vector<PassbandFact> parsePassbandFacts(std::string_view csv, const std::string& source) {
    static const std::vector<std::string> kHeader = {"band",    "survey",        "native_system",
                                                     "pivot_A", "width_A",       "shape_citation",
                                                     "ab_minus_vega", "offset_citation"};
    std::vector<PassbandFact> out;
    for (const CsvRecord& record : readCsvRecords(csv, kHeader, source)) {
        const std::vector<std::string>& f = record.fields;
        const std::size_t lineNo = record.line;
        PassbandFact fact;
        fact.band = f[0];
        fact.survey = f[1];
        fact.nativeSystem = f[2];
        if (fact.nativeSystem != "Vega" && fact.nativeSystem != "AB")
            throw InputError(source, "native_system",
                             "must be Vega or AB, got '" + fact.nativeSystem + "' at line " + std::to_string(lineNo));
        fact.pivotA = parseCsvNumber(f[3], source, "pivot_A", lineNo);
        fact.widthA = parseCsvNumber(f[4], source, "width_A", lineNo);
        if (!(fact.pivotA > 0.0) || !(fact.widthA > 0.0) || fact.widthA >= 2.0 * fact.pivotA)
            throw InputError(source, "width_A",
                             "pivot and width must be positive with width < 2·pivot at line " +
                                 std::to_string(lineNo));
        fact.shapeCitation = f[5];
        fact.abMinusVega = parseCsvNumber(f[6], source, "ab_minus_vega", lineNo, fact.nativeSystem == "AB");
        fact.offsetCitation = f[7];
        if (fact.shapeCitation.empty() || (std::isfinite(fact.abMinusVega) && fact.offsetCitation.empty()))
            throw InputError(source, "citation", "every number needs a citation (line " + std::to_string(lineNo) + ")");
        out.push_back(std::move(fact));
    }
    return out;
}

std::span<const PassbandFact> passbandFacts() {
    // Parsed on first use; a broken embedded table is a build defect that the tests catch.
    static const std::vector<PassbandFact> kFacts = parsePassbandFacts(passbandFactsCsv(), kEmbeddedName);
    return kFacts;
}

const PassbandFact& passbandFact(std::string_view band) {
    for (const PassbandFact& f : passbandFacts())
        if (f.band == band)
            return f;
    throw InputError(kEmbeddedName, "band", "no passband named '" + std::string(band) + "'");
}

} // namespace starlocus::core
