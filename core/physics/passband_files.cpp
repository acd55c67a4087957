// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/physics/passband_files.h"

#include "core/common/input_error.h"
#include "core/physics/number_text.h"

#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <fstream>
#include <vector>

namespace starlocus::core {
namespace {

std::string_view trim(std::string_view s) {
    const auto first = s.find_first_not_of(" \t\r\n'\"");
    if (first == std::string_view::npos)
        return {};
    const auto last = s.find_last_not_of(" \t\r\n'\"");
    return s.substr(first, last - first + 1);
}

// Whitespace- or comma-separated tokens (ECSV allows either delimiter).
std::vector<std::string_view> tokens(std::string_view line) {
    std::vector<std::string_view> out;
    std::size_t i = 0;
    while (i < line.size()) {
        while (i < line.size() && (line[i] == ' ' || line[i] == '\t' || line[i] == ',' || line[i] == '\r'))
            ++i;
        std::size_t j = i;
        while (j < line.size() && !(line[j] == ' ' || line[j] == '\t' || line[j] == ',' || line[j] == '\r'))
            ++j;
        if (j > i)
            out.push_back(line.substr(i, j - i));
        i = j;
    }
    return out;
}

std::vector<std::string> readLines(const std::string& path) {
    std::ifstream in(path);
    if (!in)
        throw InputError(path, "", "cannot open the passband file for reading");
    std::vector<std::string> lines;
    for (std::string line; std::getline(in, line);)
        lines.push_back(std::move(line));
    return lines;
}

// The value of `key:` inside a YAML flow mapping such as "{name: wavelength, unit: nm}".
std::string_view yamlValue(std::string_view text, std::string_view key) {
    const auto at = text.find(key);
    if (at == std::string_view::npos)
        return {};
    std::string_view rest = text.substr(at + key.size());
    const auto end = rest.find_first_of(",}");
    return trim(end == std::string_view::npos ? rest : rest.substr(0, end));
}

double parseNumber(std::string_view token, const std::string& path, const char* field, std::size_t line) {
    const std::string text(token);
    char* end = nullptr;
    errno = 0;
    const double v = std::strtod(text.c_str(), &end);
    if (end == text.c_str() || *end != '\0')
        throw InputError(path, field, "'" + text + "' is not a number at line " + std::to_string(line));
    if (!std::isfinite(v))
        throw InputError(path, field, "not a finite number ('" + text + "') at line " + std::to_string(line));
    return v;
}

// Row-level checks with line numbers (Passband re-checks, but cannot say the line).
struct CurveBuilder {
    const std::string& path;
    std::vector<double> wavelengthsA;
    std::vector<double> response;

    void add(double wavelengthA, double s, std::size_t line) {
        if (wavelengthA <= 0.0)
            throw InputError(path, "wavelength",
                             "non-positive value " + numberText(wavelengthA) + " at line " + std::to_string(line));
        if (!wavelengthsA.empty() && !(wavelengthA > wavelengthsA.back()))
            throw InputError(path, "wavelength",
                             "not strictly increasing at line " + std::to_string(line) + " (" +
                                 numberText(wavelengthA) + " after " + numberText(wavelengthsA.back()) + ")");
        if (s < 0.0)
            throw InputError(path, "response",
                             "negative value " + numberText(s) + " at line " + std::to_string(line));
        wavelengthsA.push_back(wavelengthA);
        response.push_back(s);
    }
};

} // namespace

double angstromPerUnit(std::string_view unit) {
    unit = trim(unit);
    if (unit == "Angstrom" || unit == "angstrom" || unit == "AA" || unit == "Å" || unit == "Angstroem")
        return 1.0;
    if (unit == "nm" || unit == "nanometer")
        return 10.0;
    if (unit == "um" || unit == "micron" || unit == "µm" || unit == "μm" || unit == "micrometer")
        return 1.0e4;
    return -1.0;
}

Passband readEcsvPassband(const std::string& path, const std::string& name) {
    const std::vector<std::string> lines = readLines(path);
    if (lines.empty() || lines.front().rfind("# %ECSV", 0) != 0)
        throw InputError(path, "header", "not an ECSV file (the first line must start with '# %ECSV')");

    std::string_view unitText;
    bool columnSeen = false;
    bool unitSeen = false;
    std::string bandName = name;
    std::size_t row = 0;
    for (; row < lines.size() && (lines[row].empty() || lines[row][0] == '#'); ++row) {
        const std::string_view line = lines[row];
        // The column's entry in the `datatype:` list ("# - {name: wavelength, unit: nm, …}");
        // astropy's serialisation metadata also mentions "{name: wavelength}", so take the
        // list entry only, and the first one.
        if (!columnSeen && line.find("- {name: wavelength") != std::string_view::npos) {
            columnSeen = true;
            unitSeen = line.find("unit:") != std::string_view::npos;
            unitText = yamlValue(line, "unit:");
        }
        if (bandName.empty() && line.find("band_name:") != std::string_view::npos)
            bandName = std::string(yamlValue(line, "band_name:"));
    }
    if (!unitSeen || unitText.empty())
        throw InputError(path, "wavelength.unit", "the header gives no unit for the wavelength column");
    const double scale = angstromPerUnit(unitText);
    if (scale < 0.0)
        throw InputError(path, "wavelength.unit",
                         "unsupported unit '" + std::string(unitText) + "' (expected Angstrom, nm or micron)");

    if (row >= lines.size())
        throw InputError(path, "wavelength", "the file has a header but no data");
    const auto columns = tokens(lines[row]);
    std::size_t waveCol = columns.size(), respCol = columns.size();
    for (std::size_t c = 0; c < columns.size(); ++c) {
        if (trim(columns[c]) == "wavelength")
            waveCol = c;
        else if (trim(columns[c]) == "response")
            respCol = c;
    }
    if (waveCol == columns.size() || respCol == columns.size())
        throw InputError(path, "columns",
                         "expected a header line naming 'wavelength' and 'response', found '" + lines[row] + "'");

    CurveBuilder curve{path, {}, {}};
    for (++row; row < lines.size(); ++row) {
        const auto t = tokens(lines[row]);
        if (t.empty() || t[0].front() == '#')
            continue;
        const std::size_t lineNo = row + 1;
        if (t.size() <= std::max(waveCol, respCol))
            throw InputError(path, "columns", "too few values at line " + std::to_string(lineNo));
        const double w = parseNumber(t[waveCol], path, "wavelength", lineNo) * scale;
        const double s = parseNumber(t[respCol], path, "response", lineNo);
        curve.add(w, s, lineNo);
    }
    return Passband(bandName, std::move(curve.wavelengthsA), std::move(curve.response), path);
}

Passband readSvoPassband(const std::string& path, const std::string& name, ResponseKind kind) {
    const std::vector<std::string> lines = readLines(path);
    CurveBuilder curve{path, {}, {}};
    for (std::size_t row = 0; row < lines.size(); ++row) {
        const auto t = tokens(lines[row]);
        if (t.empty() || t[0].front() == '#')
            continue;
        const std::size_t lineNo = row + 1;
        if (t.size() < 2)
            throw InputError(path, "response", "missing transmission value at line " + std::to_string(lineNo));
        const double w = parseNumber(t[0], path, "wavelength", lineNo);
        double s = parseNumber(t[1], path, "response", lineNo);
        if (kind == ResponseKind::EnergyCounting && w > 0.0)
            s /= w; // S ∝ R/λ (see ResponseKind)
        curve.add(w, s, lineNo);
    }
    return Passband(name, std::move(curve.wavelengthsA), std::move(curve.response), path);
}

} // namespace starlocus::core
