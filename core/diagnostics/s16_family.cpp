#include "core/diagnostics/s16_family.h"

#include "core/bands/band_registry.h"
#include "core/common/input_error.h"

#include <cmath>
#include <cstdlib>

namespace starlocus::core {
namespace {

constexpr const char* kEmbeddedName = "s16_vectors.csv";

std::vector<std::string> splitCommas(std::string_view line) {
    std::vector<std::string> fields(1);
    for (char c : line) {
        if (c == ',')
            fields.emplace_back();
        else if (c != '\r' && c != ' ')
            fields.back() += c;
    }
    return fields;
}

double parseNumber(const std::string& text, const std::string& source, const char* field, std::size_t line) {
    char* end = nullptr;
    const double v = std::strtod(text.c_str(), &end);
    if (text.empty() || end == text.c_str() || *end != '\0' || !std::isfinite(v))
        throw InputError(source, field, "'" + text + "' is not a finite number at line " + std::to_string(line));
    return v;
}

std::array<S16BandVector, kS16BandCount> parseTable(std::string_view csv, const std::string& source) {
    std::array<S16BandVector, kS16BandCount> table{};
    std::size_t rows = 0, lineNo = 0, start = 0;
    bool headerSeen = false;
    while (start <= csv.size()) {
        const std::size_t end = std::min(csv.find('\n', start), csv.size());
        const std::string_view line = csv.substr(start, end - start);
        start = end + 1;
        ++lineNo;
        if (line.empty() || line == "\r" || line.front() == '#')
            continue;
        const std::vector<std::string> f = splitCommas(line);
        if (!headerSeen) {
            if (f != std::vector<std::string>{"band", "R_mean", "dR_dx"})
                throw InputError(source, "header", "expected 'band,R_mean,dR_dx' at line " + std::to_string(lineNo));
            headerSeen = true;
            continue;
        }
        if (f.size() != 3)
            throw InputError(source, "columns", "expected 3 fields at line " + std::to_string(lineNo));
        if (rows == kS16BandCount)
            throw InputError(source, "band", "more than 10 bands at line " + std::to_string(lineNo));
        // Rows must follow the canonical order g … W2 (bands 3 … 12), so triples are consecutive.
        const std::string_view expected = bands()[3 + rows].name;
        if (f[0] != expected)
            throw InputError(source, "band", "expected '" + std::string(expected) + "', got '" + f[0] +
                                                 "' at line " + std::to_string(lineNo));
        table[rows] = {f[0], parseNumber(f[1], source, "R_mean", lineNo), parseNumber(f[2], source, "dR_dx", lineNo)};
        ++rows;
    }
    if (!headerSeen)
        throw InputError(source, "header", "no header line");
    if (rows != kS16BandCount)
        throw InputError(source, "band", "expected 10 bands (g … W2), got " + std::to_string(rows));
    return table;
}

} // namespace

S16Family::S16Family() {
    // A broken embedded table is a build defect that the tests catch.
    static const std::array<S16BandVector, kS16BandCount> kTable = parseTable(s16VectorsCsv(), kEmbeddedName);
    table_ = kTable;
}

S16Family::S16Family(std::string_view csv, const std::string& source) : table_(parseTable(csv, source)) {}

std::array<double, kS16BandCount> S16Family::vectorAtX(double x) const {
    std::array<double, kS16BandCount> r{};
    for (std::size_t b = 0; b < kS16BandCount; ++b)
        r[b] = table_[b].rMean + x * table_[b].dRdx;
    return r;
}

SlopeVector S16Family::slopesAtRv(double rv) const {
    const std::array<double, kS16BandCount> r = vectorAtRv(rv);
    return reddeningSlopes10(r);
}

S16Family::Curve S16Family::slopeCurves(double rvMin, double rvMax, std::size_t steps) const {
    Curve c;
    for (std::size_t k = 0; k < steps; ++k) {
        const double rv = steps == 1 ? rvMin : rvMin + (rvMax - rvMin) * double(k) / double(steps - 1);
        c.rv.push_back(rv);
        c.slopes.push_back(slopesAtRv(rv));
    }
    return c;
}

} // namespace starlocus::core
