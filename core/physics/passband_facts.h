// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Published facts about the 13 passbands (pivot wavelength, width, magnitude system,
// AB − Vega offset), with citations. The table lives in resources/tables/passband_facts.csv
// and is compiled into the core (CMake file(READ) + configure_file), so the core needs no Qt
// resources and no files at run time.
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace starlocus::core {

struct PassbandFact {
    std::string band;          // "G", "BP", …, "W2"
    std::string survey;        // "Gaia DR2", "Pan-STARRS 1", "2MASS", "unWISE"
    std::string nativeSystem;  // "Vega" or "AB": the survey catalogue's own system
    double pivotA = 0.0;       // pivot wavelength of the published photon-counting curve (Å)
    double widthA = 0.0;       // equivalent width ∫S dλ / max S of that curve (Å)
    std::string shapeCitation;
    double abMinusVega = 0.0;  // m_AB − m_Vega; NaN for native-AB bands (not needed there)
    std::string offsetCitation;
};

// The embedded table, in canonical band order (METHOD.md §1). Parsed once.
std::span<const PassbandFact> passbandFacts();

// One band's facts; throws InputError("passband_facts.csv", "band", …) for an unknown band.
const PassbandFact& passbandFact(std::string_view band);

// The embedded CSV text itself (generated at build time).
std::string_view passbandFactsCsv();

// Parser for that CSV layout ('#' comments, a header line, double-quoted fields may hold
// commas). `source` names the text in errors. Exposed so tests can feed it broken tables.
std::vector<PassbandFact> parsePassbandFacts(std::string_view csv, const std::string& source);

} // namespace starlocus::core
