// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/table/votable_field.h"

#include "core/common/input_error.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <cstring>
#include <iterator>
#include <limits>
#include <utility>

namespace starlocus::core::table::votable {
namespace {

// The longest fixed char array accepted: anything longer is a damaged header, not a name.
constexpr std::size_t kMaxArraySize = std::size_t(1) << 24;

bool isXmlSpace(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

std::string_view trimmed(std::string_view s) {
    while (!s.empty() && isXmlSpace(s.front()))
        s.remove_prefix(1);
    while (!s.empty() && isXmlSpace(s.back()))
        s.remove_suffix(1);
    return s;
}

// Decimal (or the 0x hexadecimal VOTable allows) 64-bit integer.
bool parseInteger(std::string_view text, std::int64_t& value) {
    if (!text.empty() && text.front() == '+')
        text.remove_prefix(1);
    if (text.size() > 2 && text[0] == '0' && (text[1] == 'x' || text[1] == 'X')) {
        std::uint64_t u = 0;
        const auto [ptr, ec] = std::from_chars(text.data() + 2, text.data() + text.size(), u, 16);
        if (ec != std::errc() || ptr != text.data() + text.size() || u > std::uint64_t(INT64_MAX))
            return false;
        value = std::int64_t(u);
        return true;
    }
    const auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    return ec == std::errc() && ptr == text.data() + text.size() && !text.empty();
}

// Locale-independent, as the text reader: "NaN", "Inf", "+2.5" are numbers.
bool parseReal(std::string_view text, double& value) {
    if (!text.empty() && text.front() == '+')
        text.remove_prefix(1);
    if (text.empty())
        return false;
    const char* end = text.data() + text.size();
    const auto [ptr, ec] = std::from_chars(text.data(), end, value);
    if (ec == std::errc::result_out_of_range && ptr == end) {
        // Beyond the double range: ±Inf when the exponent is large, else (underflow) ±0.
        const bool negative = text.front() == '-';
        const std::size_t e = text.find_first_of("eE");
        const bool large = e != std::string_view::npos && text.substr(e + 1).find('-') == std::string_view::npos;
        const double magnitude = large ? std::numeric_limits<double>::infinity() : 0.0;
        value = negative ? -magnitude : magnitude;
        return true;
    }
    return ec == std::errc() && ptr == end;
}

bool inRange(Kind kind, std::int64_t x) {
    switch (kind) {
    case Kind::Bit: return x == 0 || x == 1;
    case Kind::UnsignedByte: return x >= 0 && x <= 255;
    case Kind::Short: return x >= INT16_MIN && x <= INT16_MAX;
    case Kind::Int: return x >= INT32_MIN && x <= INT32_MAX;
    default: return true;
    }
}

void appendUtf8(std::string& out, std::uint32_t c) {
    if (c < 0x80) {
        out += char(c);
    } else if (c < 0x800) {
        out += char(0xC0 | (c >> 6));
        out += char(0x80 | (c & 0x3F));
    } else if (c < 0x10000) {
        out += char(0xE0 | (c >> 12));
        out += char(0x80 | ((c >> 6) & 0x3F));
        out += char(0x80 | (c & 0x3F));
    } else {
        out += char(0xF0 | (c >> 18));
        out += char(0x80 | ((c >> 12) & 0x3F));
        out += char(0x80 | ((c >> 6) & 0x3F));
        out += char(0x80 | (c & 0x3F));
    }
}

void pushText(ColumnValues& v, std::string text) {
    if (text.empty()) { // an empty string says nothing a catalog field could use
        pushNull(v, ColumnType::Text);
        return;
    }
    v.text.push_back(std::move(text));
    v.null.push_back(0);
}

void pushInteger(const Field& field, ColumnValues& v, std::int64_t x) {
    const bool null = field.hasNull && x == field.nullValue;
    v.integer.push_back(null ? 0 : x);
    v.null.push_back(null ? 1 : 0);
}

// An arraysize ("", "1", "7", "7x7", "*", "8*", "3x*"): the elements of its fixed dimensions,
// whether the last one is variable, and how many dimensions. False when it does not parse.
struct ArraySize {
    std::size_t elements = 1;
    bool variable = false;
    std::size_t dimensions = 0;
};
bool parseArraySize(std::string_view text, ArraySize& size) {
    size = {};
    if (text.empty())
        return true;
    while (true) {
        const std::size_t x = text.find('x');
        std::string_view dim = text.substr(0, x);
        ++size.dimensions;
        if (!dim.empty() && dim.back() == '*') {
            if (x != std::string_view::npos)
                return false; // only the last dimension may vary
            size.variable = true;
            dim.remove_suffix(1);
            if (!dim.empty()) { // "8*": at most 8, counted per value like "*"
                std::size_t most = 0;
                const auto [ptr, ec] = std::from_chars(dim.data(), dim.data() + dim.size(), most);
                if (ec != std::errc() || ptr != dim.data() + dim.size())
                    return false;
            }
            return true;
        }
        std::size_t n = 0;
        const auto [ptr, ec] = std::from_chars(dim.data(), dim.data() + dim.size(), n);
        if (dim.empty() || ec != std::errc() || ptr != dim.data() + dim.size() || n > kMaxArraySize ||
            (n > 0 && size.elements > kMaxArraySize / n))
            return false;
        size.elements *= n;
        if (x == std::string_view::npos)
            return true;
        text.remove_prefix(x + 1);
    }
}

} // namespace

std::size_t Field::elementBytes() const {
    switch (kind) {
    case Kind::Short:
    case Kind::UnicodeChar: return 2;
    case Kind::Int:
    case Kind::Float: return 4;
    case Kind::Long:
    case Kind::Double:
    case Kind::FloatComplex: return 8;
    case Kind::DoubleComplex: return 16;
    default: return 1;
    }
}

std::size_t Field::bytesOf(std::size_t elements) const {
    return kind == Kind::Bit ? (elements + 7) / 8 : elements * elementBytes();
}

std::string_view localName(const char* name) {
    std::string_view s(name);
    const std::size_t colon = s.rfind(':');
    return colon == std::string_view::npos ? s : s.substr(colon + 1);
}

const char* attribute(const char** attributes, const char* name) {
    for (const char** a = attributes; a && a[0]; a += 2)
        if (localName(a[0]) == name)
            return a[1];
    return nullptr;
}

std::uint64_t bigEndian(const unsigned char* bytes, std::size_t count) {
    std::uint64_t x = 0;
    for (std::size_t i = 0; i < count; ++i)
        x = (x << 8) | bytes[i];
    return x;
}

void pushNull(ColumnValues& v, ColumnType type) {
    v.null.push_back(1);
    switch (type) {
    case ColumnType::Real: v.real.push_back(std::numeric_limits<double>::quiet_NaN()); break;
    case ColumnType::Integer:
    case ColumnType::Boolean: v.integer.push_back(0); break;
    case ColumnType::Text: v.text.emplace_back(); break;
    }
}

Field readField(const char** attributes, std::size_t number, const std::string& path) {
    Field field;
    const char* name = attribute(attributes, "name");
    if (!name || !*name)
        name = attribute(attributes, "ID");
    if (!name || !*name)
        throw InputError(path, "FIELD " + std::to_string(number), "has neither a name nor an ID");
    field.info.name = name;
    const std::string where = "FIELD '" + field.info.name + "'";
    if (const char* unit = attribute(attributes, "unit"))
        field.info.unit = unit;
    if (const char* ucd = attribute(attributes, "ucd"))
        field.info.ucd = ucd;
    const char* datatype = attribute(attributes, "datatype");
    if (!datatype)
        throw InputError(path, where, "has no datatype");
    const std::string_view type(datatype);
    const char* arraysizeText = attribute(attributes, "arraysize");
    const std::string_view arraysize = arraysizeText ? trimmed(arraysizeText) : std::string_view();
    field.info.fileType = std::string(type) + (arraysizeText ? "[" + std::string(arraysize) + "]" : "");
    static const std::pair<std::string_view, Kind> kKinds[] = {
        {"boolean", Kind::Boolean}, {"bit", Kind::Bit},       {"unsignedByte", Kind::UnsignedByte},
        {"short", Kind::Short},     {"int", Kind::Int},       {"long", Kind::Long},
        {"float", Kind::Float},     {"double", Kind::Double}, {"char", Kind::Char},
        {"unicodeChar", Kind::UnicodeChar}, {"floatComplex", Kind::FloatComplex},
        {"doubleComplex", Kind::DoubleComplex}};
    const auto* known =
        std::find_if(std::begin(kKinds), std::end(kKinds), [&](const auto& k) { return k.first == type; });
    if (known == std::end(kKinds))
        throw InputError(path, where, "has the unknown datatype '" + std::string(type) + "'");
    field.kind = known->second;
    ArraySize size;
    if (!parseArraySize(arraysize, size))
        throw InputError(path, where, "has an arraysize '" + std::string(arraysize) + "' that is not read");
    field.count = size.elements;
    field.variable = size.variable;
    // Columns a catalog cannot use are skipped (and listed), never a reason to refuse the
    // table: archive VOTables carry them next to the columns that matter. The binary stream
    // still steps over their bytes.
    auto skip = [&](std::string reason) {
        field.skipped = true;
        field.skipReason = std::move(reason) + " (datatype " + field.info.fileType + ")";
        return field;
    };
    if (field.kind == Kind::FloatComplex || field.kind == Kind::DoubleComplex)
        return skip("complex values");
    if (field.kind == Kind::Char || field.kind == Kind::UnicodeChar) {
        field.info.type = ColumnType::Text;
        if (size.dimensions > 1)
            return skip("an array of strings");
        if (size.variable)
            field.count = 1; // the count before each value is its number of characters
        else if (field.count == 0)
            throw InputError(path, where, "has an arraysize '" + std::string(arraysize) + "' that is not read");
        return field;
    }
    field.info.type = field.kind == Kind::Boolean                               ? ColumnType::Boolean
                      : field.kind == Kind::Float || field.kind == Kind::Double ? ColumnType::Real
                                                                                : ColumnType::Integer;
    if (size.variable)
        return skip("a variable-length array");
    if (field.count == 1)
        return field; // a scalar ("", "1", "1x1")
    if (field.count == 0)
        return skip("no values (an array of length 0)");
    if (field.count > kMaxExpandedElements)
        return skip(std::to_string(field.count) + " values per row: more than " +
                    std::to_string(kMaxExpandedElements) + " are not expanded into columns");
    field.expand = field.count;
    return field;
}

void setNull(Field& field, const char* null, const std::string& path) {
    if (!null || field.skipped || field.info.type != ColumnType::Integer)
        return;
    field.nullText = std::string(trimmed(null));
    if (!parseInteger(field.nullText, field.nullValue))
        throw InputError(path, "FIELD '" + field.info.name + "'",
                         "its VALUES null '" + field.nullText + "' is not an integer");
    field.hasNull = true;
}

bool appendCell(const Field& field, const std::string& raw, ColumnValues& v, std::string& reason) {
    if (field.info.type == ColumnType::Text) {
        pushText(v, raw); // as written: spaces in a name are the name's
        return true;
    }
    const std::string_view text = trimmed(raw);
    if (text.empty()) {
        pushNull(v, field.info.type);
        return true;
    }
    auto bad = [&](const std::string& what) {
        reason = "'" + std::string(text) + "' is not " + what;
        return false;
    };
    switch (field.kind) {
    case Kind::Boolean: {
        if (text == "?") {
            pushNull(v, ColumnType::Boolean);
            return true;
        }
        std::string lower(text);
        std::transform(lower.begin(), lower.end(), lower.begin(),
                       [](char ch) { return char(std::tolower(static_cast<unsigned char>(ch))); });
        if (lower == "t" || lower == "true" || lower == "1")
            v.integer.push_back(1);
        else if (lower == "f" || lower == "false" || lower == "0")
            v.integer.push_back(0);
        else
            return bad("a boolean (T, F, true, false, 1, 0 or ?)");
        v.null.push_back(0);
        return true;
    }
    case Kind::Float:
    case Kind::Double: {
        double x = 0;
        if (!parseReal(text, x))
            return bad("a number (" + field.info.fileType + ")");
        v.real.push_back(x);
        v.null.push_back(0);
        return true;
    }
    default: {
        if (field.hasNull && text == field.nullText) {
            pushNull(v, ColumnType::Integer);
            return true;
        }
        std::int64_t x = 0;
        if (!parseInteger(text, x) || !inRange(field.kind, x))
            return bad("an integer (" + field.info.fileType + ")");
        pushInteger(field, v, x);
        return true;
    }
    }
}

bool appendBinary(const Field& field, const unsigned char* at, std::size_t n, ColumnValues& v, std::string& reason) {
    switch (field.kind) {
    case Kind::Boolean: {
        const unsigned char b = at[0];
        if (b == 'T' || b == 't' || b == '1')
            v.integer.push_back(1);
        else if (b == 'F' || b == 'f' || b == '0')
            v.integer.push_back(0);
        else if (b == '?' || b == ' ' || b == 0) {
            pushNull(v, ColumnType::Boolean);
            return true;
        } else {
            reason = "the byte " + std::to_string(int(b)) + " is not a boolean";
            return false;
        }
        v.null.push_back(0);
        return true;
    }
    case Kind::Bit:
        // The standard puts the bit in the byte's most significant place; Astropy 5.2 writes
        // 0x08. Any set bit is true.
        v.integer.push_back(at[0] != 0 ? 1 : 0);
        v.null.push_back(0);
        return true;
    case Kind::UnsignedByte: pushInteger(field, v, std::int64_t(at[0])); return true;
    case Kind::Short: pushInteger(field, v, std::int16_t(bigEndian(at, 2))); return true;
    case Kind::Int: pushInteger(field, v, std::int32_t(bigEndian(at, 4))); return true;
    case Kind::Long: pushInteger(field, v, std::int64_t(bigEndian(at, 8))); return true;
    case Kind::Float: {
        const auto bits = std::uint32_t(bigEndian(at, 4));
        float x;
        std::memcpy(&x, &bits, 4);
        v.real.push_back(double(x));
        v.null.push_back(0);
        return true;
    }
    case Kind::Double: {
        const std::uint64_t bits = bigEndian(at, 8);
        double x;
        std::memcpy(&x, &bits, 8);
        v.real.push_back(x);
        v.null.push_back(0);
        return true;
    }
    case Kind::Char: {
        // A fixed array is padded with NULs: the text ends at the first.
        const auto* end = std::find(at, at + n, 0);
        pushText(v, std::string(reinterpret_cast<const char*>(at), std::size_t(end - at)));
        return true;
    }
    case Kind::UnicodeChar: {
        // UCS-2 (UTF-16 surrogate pairs accepted), big-endian, to UTF-8.
        std::string text;
        for (std::size_t i = 0; i < n; ++i) {
            auto unit = std::uint32_t(bigEndian(at + 2 * i, 2));
            if (unit == 0)
                break;
            if (unit >= 0xD800 && unit < 0xDC00 && i + 1 < n) {
                const auto low = std::uint32_t(bigEndian(at + 2 * (i + 1), 2));
                if (low >= 0xDC00 && low < 0xE000) {
                    unit = 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00);
                    ++i;
                }
            }
            if (unit >= 0xD800 && unit < 0xE000)
                unit = 0xFFFD; // a lone surrogate
            appendUtf8(text, unit);
        }
        pushText(v, std::move(text));
        return true;
    }
    case Kind::FloatComplex:
    case Kind::DoubleComplex: break; // skipped fields: never read (readField)
    }
    return true;
}

} // namespace starlocus::core::table::votable
