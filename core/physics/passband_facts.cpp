#include "core/physics/passband_facts.h"

#include "core/common/input_error.h"

#include <cmath>
#include <cstdlib>
#include <limits>

namespace starlocus::core {
namespace {

constexpr const char* kEmbeddedName = "passband_facts.csv";

// One CSV record: fields split on commas outside double quotes; "" inside quotes is a quote.
std::vector<std::string> splitRecord(std::string_view line) {
    std::vector<std::string> fields(1);
    bool quoted = false;
    for (std::size_t i = 0; i < line.size(); ++i) {
        const char c = line[i];
        if (quoted) {
            if (c == '"' && i + 1 < line.size() && line[i + 1] == '"') {
                fields.back() += '"';
                ++i;
            } else if (c == '"') {
                quoted = false;
            } else {
                fields.back() += c;
            }
        } else if (c == '"') {
            quoted = true;
        } else if (c == ',') {
            fields.emplace_back();
        } else if (c != '\r') {
            fields.back() += c;
        }
    }
    return fields;
}

double parseField(const std::string& text, bool allowEmpty, const std::string& source, const std::string& field,
                  std::size_t line) {
    if (text.empty()) {
        if (allowEmpty)
            return std::numeric_limits<double>::quiet_NaN();
        throw InputError(source, field, "is empty at line " + std::to_string(line));
    }
    char* end = nullptr;
    const double v = std::strtod(text.c_str(), &end);
    if (end == text.c_str() || *end != '\0' || !std::isfinite(v))
        throw InputError(source, field, "'" + text + "' is not a finite number at line " + std::to_string(line));
    return v;
}

} // namespace

std::vector<PassbandFact> parsePassbandFacts(std::string_view csv, const std::string& source) {
    static const std::vector<std::string> kHeader = {"band",    "survey",        "native_system",
                                                     "pivot_A", "width_A",       "shape_citation",
                                                     "ab_minus_vega", "offset_citation"};
    std::vector<PassbandFact> out;
    bool headerSeen = false;
    std::size_t lineNo = 0;
    std::size_t start = 0;
    while (start <= csv.size()) {
        const std::size_t end = std::min(csv.find('\n', start), csv.size());
        const std::string_view line = csv.substr(start, end - start);
        start = end + 1;
        ++lineNo;
        if (line.empty() || line == "\r" || line.front() == '#')
            continue;
        const std::vector<std::string> f = splitRecord(line);
        if (!headerSeen) {
            if (f != kHeader)
                throw InputError(source, "header",
                                 "expected 'band,survey,native_system,pivot_A,width_A,shape_citation,"
                                 "ab_minus_vega,offset_citation' at line " + std::to_string(lineNo));
            headerSeen = true;
            continue;
        }
        if (f.size() != kHeader.size())
            throw InputError(source, "columns",
                             "expected " + std::to_string(kHeader.size()) + " fields, got " +
                                 std::to_string(f.size()) + " at line " + std::to_string(lineNo));
        PassbandFact fact;
        fact.band = f[0];
        fact.survey = f[1];
        fact.nativeSystem = f[2];
        if (fact.nativeSystem != "Vega" && fact.nativeSystem != "AB")
            throw InputError(source, "native_system",
                             "must be Vega or AB, got '" + fact.nativeSystem + "' at line " + std::to_string(lineNo));
        fact.pivotA = parseField(f[3], false, source, "pivot_A", lineNo);
        fact.widthA = parseField(f[4], false, source, "width_A", lineNo);
        if (!(fact.pivotA > 0.0) || !(fact.widthA > 0.0) || fact.widthA >= 2.0 * fact.pivotA)
            throw InputError(source, "width_A",
                             "pivot and width must be positive with width < 2·pivot at line " +
                                 std::to_string(lineNo));
        fact.shapeCitation = f[5];
        fact.abMinusVega = parseField(f[6], fact.nativeSystem == "AB", source, "ab_minus_vega", lineNo);
        fact.offsetCitation = f[7];
        if (fact.shapeCitation.empty() || (std::isfinite(fact.abMinusVega) && fact.offsetCitation.empty()))
            throw InputError(source, "citation", "every number needs a citation (line " + std::to_string(lineNo) + ")");
        out.push_back(std::move(fact));
    }
    if (!headerSeen)
        throw InputError(source, "header", "no header line");
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
