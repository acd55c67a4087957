// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/diagnostics/s16_family.h"

#include "core/bands/band_registry.h"
#include "core/common/csv_table.h"
#include "core/common/input_error.h"

#include <cmath>

namespace starlocus::core {
namespace {

constexpr const char* kEmbeddedName = "s16_vectors.csv";

std::array<S16BandVector, kS16BandCount> parseTable(std::string_view csv, const std::string& source) {
    std::array<S16BandVector, kS16BandCount> table{};
    std::size_t rows = 0;
    for (const CsvRecord& record : readCsvRecords(csv, {"band", "R_mean", "dR_dx"}, source)) {
        const std::vector<std::string>& f = record.fields;
        const std::string at = " at line " + std::to_string(record.line);
        if (rows == kS16BandCount)
            throw InputError(source, "band", "more than 10 bands" + at);
        // Rows must follow the canonical order g … W2 (bands 3 … 12), so triples are consecutive.
        const std::string_view expected = bands()[3 + rows].name;
        if (f[0] != expected)
            throw InputError(source, "band", "expected '" + std::string(expected) + "', got '" + f[0] + "'" + at);
        table[rows] = {f[0], parseCsvNumber(f[1], source, "R_mean", record.line),
                       parseCsvNumber(f[2], source, "dR_dx", record.line)};
        ++rows;
    }
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
