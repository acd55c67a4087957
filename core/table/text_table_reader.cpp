// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/table/text_table_reader.h"

#include "core/common/input_error.h"
#include "core/table/ecsv_header.h"

#include <zlib.h>

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <cmath>
#include <cstring>
#include <deque>
#include <limits>

namespace starlocus::core::table {
namespace {

// Rows a plain CSV file's column types are read off (see the header).
constexpr std::size_t kTypeSampleRows = 1000;
// More significant digits than a double holds exactly (2⁵³ ≈ 9·10¹⁵): such an integer column is
// kept as 64-bit integers.
constexpr std::size_t kExactDoubleDigits = 15;

// Lines of a plain or gzip-compressed text file; tracks the 1-based line number.
class LineSource {
public:
    explicit LineSource(const std::string& path) : path_(path) {
        errno = 0;
        file_ = gzopen(path.c_str(), "rb");
        if (!file_)
            throw InputError(path, "", errno ? std::string("cannot be opened: ") + std::strerror(errno)
                                             : std::string("cannot be opened"));
        gzbuffer(file_, 1 << 17);
    }
    ~LineSource() {
        if (file_)
            gzclose(file_);
    }
    LineSource(const LineSource&) = delete;
    LineSource& operator=(const LineSource&) = delete;

    // The next line without its end ("\n" or "\r\n"); false at the end of the file.
    bool next(std::string& line) {
        line.clear();
        char buffer[8192];
        for (;;) {
            const char* got = gzgets(file_, buffer, sizeof buffer);
            if (!got) {
                int code = Z_OK;
                const char* text = gzerror(file_, &code);
                if (code != Z_OK && code != Z_STREAM_END)
                    throw InputError(path_, "line " + std::to_string(number_ + 1),
                                     std::string("the compressed data is damaged or cut short (") + text + ")");
                if (line.empty())
                    return false;
                break; // a last line without its newline
            }
            const std::size_t n = std::strlen(buffer);
            line.append(buffer, n);
            if (n > 0 && buffer[n - 1] == '\n')
                break;
        }
        ++number_;
        if (!line.empty() && line.back() == '\n')
            line.pop_back();
        if (!line.empty() && line.back() == '\r')
            line.pop_back();
        if (line.find('\0') != std::string::npos)
            throw InputError(path_, "line " + std::to_string(number_), "holds a NUL byte: not a text table");
        return true;
    }
    std::size_t lineNumber() const { return number_; }

private:
    std::string path_;
    gzFile file_ = nullptr;
    std::size_t number_ = 0;
};

struct Field {
    std::string text;
    bool quoted = false;
};

// Splits a record: comma-separated (surrounding spaces trimmed), or separated by runs of
// spaces; "…" quotes a field ("" inside is a quote). False when a quote is not closed.
bool splitFields(const std::string& line, char delimiter, std::vector<Field>& fields) {
    fields.clear();
    std::size_t i = 0;
    const std::size_t n = line.size();
    auto skipSpaces = [&] {
        while (i < n && (line[i] == ' ' || line[i] == '\t'))
            ++i;
    };
    if (delimiter == ' ')
        skipSpaces();
    for (;;) {
        Field field;
        if (delimiter == ',')
            skipSpaces();
        if (i < n && line[i] == '"') {
            field.quoted = true;
            ++i;
            bool closed = false;
            while (i < n) {
                if (line[i] == '"') {
                    if (i + 1 < n && line[i + 1] == '"') {
                        field.text += '"';
                        i += 2;
                        continue;
                    }
                    ++i;
                    closed = true;
                    break;
                }
                field.text += line[i++];
            }
            if (!closed)
                return false;
        } else {
            while (i < n && line[i] != delimiter && !(delimiter == ' ' && line[i] == '\t'))
                field.text += line[i++];
            if (delimiter == ',') {
                const std::size_t end = field.text.find_last_not_of(" \t");
                field.text.erase(end == std::string::npos ? 0 : end + 1);
            }
        }
        fields.push_back(std::move(field));
        if (delimiter == ' ') {
            skipSpaces();
            if (i >= n)
                return true;
        } else {
            skipSpaces();
            if (i >= n)
                return true;
            if (line[i] != ',')
                return false; // text after a closing quote
            ++i;
            if (i >= n) { // a trailing comma: one more empty field
                fields.push_back({});
                return true;
            }
        }
    }
}

// The decimal exponent of a number's leading digit ("123.4e5" → 7, "0.001" → −3).
int decimalMagnitude(const std::string& text) {
    const std::size_t e = text.find_first_of("eE");
    const std::string mantissa = text.substr(0, e);
    long exponent = 0;
    if (e != std::string::npos) {
        const char* begin = text.data() + e + 1;
        const char* end = text.data() + text.size();
        if (begin != end && *begin == '+')
            ++begin;
        std::from_chars(begin, end, exponent);
    }
    const std::size_t first = mantissa.find_first_of("123456789");
    const std::size_t point = mantissa.find('.');
    if (first == std::string::npos)
        return 0;
    const std::size_t pointAt = point == std::string::npos ? mantissa.size() : point;
    const long lead = first < pointAt ? long(pointAt - first) - 1 : -long(first - pointAt);
    return int(std::clamp<long>(lead + exponent, -100000, 100000));
}

bool parseReal(const std::string& text, double& value) {
    const char* begin = text.data();
    const char* end = begin + text.size();
    if (begin != end && *begin == '+')
        ++begin;
    const auto [ptr, ec] = std::from_chars(begin, end, value);
    if (ec == std::errc::result_out_of_range && ptr == end) {
        // Beyond the double range: ±Inf (the import counts it as a defect); below it: 0.
        const bool negative = *begin == '-';
        value = decimalMagnitude(text) > 0
                    ? (negative ? -std::numeric_limits<double>::infinity() : std::numeric_limits<double>::infinity())
                    : (negative ? -0.0 : 0.0);
        return true;
    }
    return ec == std::errc() && ptr == end;
}

bool parseInteger(const std::string& text, std::int64_t& value) {
    const char* begin = text.data();
    const char* end = begin + text.size();
    if (begin != end && *begin == '+')
        ++begin;
    const auto [ptr, ec] = std::from_chars(begin, end, value);
    return ec == std::errc() && ptr == end && begin != end;
}

bool parseBoolean(const std::string& text, std::int64_t& value) {
    if (text == "True" || text == "true" || text == "TRUE" || text == "1" || text == "T") {
        value = 1;
        return true;
    }
    if (text == "False" || text == "false" || text == "FALSE" || text == "0" || text == "F") {
        value = 0;
        return true;
    }
    return false;
}

std::string countOf(std::size_t n, const char* noun) {
    return std::to_string(n) + " " + noun + (n == 1 ? "" : "s");
}

// "000", "012", "-01": digits after a leading zero. Such tokens are codes (2MASS cc_flg "000",
// a quality string of digits), not numbers: read as numbers they would lose their zeros.
bool hasLeadingZero(const std::string& text) {
    std::size_t i = text.size() > 0 && (text[0] == '+' || text[0] == '-') ? 1 : 0;
    return text.size() > i + 1 && text[i] == '0' && text[i + 1] >= '0' && text[i + 1] <= '9';
}

std::size_t digitsOf(const std::string& text) {
    std::size_t digits = 0;
    for (char c : text)
        digits += c >= '0' && c <= '9';
    return digits;
}

class TextTableReader final : public TableReader {
public:
    TextTableReader(const std::string& path, TableFormat format) : path_(path), format_(format), lines_(path) {
        if (format == TableFormat::Ecsv)
            readEcsvHeader();
        else
            readCsvHeader();
    }

    const std::string& path() const override { return path_; }
    TableFormat format() const override { return format_; }
    const std::vector<ColumnInfo>& columns() const override { return columns_; }
    std::optional<std::size_t> rowCount() const override { return std::nullopt; }

    bool next(TableChunk& chunk, std::size_t maxRows) override {
        chunk.firstRow = rowsRead_;
        chunk.rows = 0;
        chunk.columns.resize(columns_.size());
        for (std::size_t c = 0; c < columns_.size(); ++c) {
            ColumnValues& v = chunk.columns[c];
            v.real.clear();
            v.integer.clear();
            v.text.clear();
            v.null.clear();
        }
        while (chunk.rows < maxRows) {
            if (!nextRecord())
                break;
            appendRow(chunk);
            ++chunk.rows;
            ++rowsRead_;
        }
        return chunk.rows > 0;
    }

private:
    // The next data record's fields into fields_ (from the type sample first); false at the end.
    bool nextRecord() {
        if (!sample_.empty()) {
            fields_ = std::move(sample_.front().fields);
            recordLine_ = sample_.front().line;
            sample_.pop_front();
            return true;
        }
        return readRecord(fields_, recordLine_);
    }

    bool readRecord(std::vector<Field>& fields, std::size_t& lineNumber) {
        std::string line;
        while (lines_.next(line)) {
            if (line.find_first_not_of(" \t") == std::string::npos)
                continue; // blank lines carry no row
            if (format_ == TableFormat::Csv && line.front() == '#')
                continue;
            lineNumber = lines_.lineNumber();
            const std::size_t row = rowsRead_ + sample_.size() + 1;
            if (!splitFields(line, delimiter_, fields))
                throw InputError(path_, rowField(row, lineNumber), "a quoted field is not closed, or text follows its quote");
            if (fields.size() != columns_.size())
                throw InputError(path_, rowField(row, lineNumber),
                                 countOf(fields.size(), "field") + ", but the header names " +
                                     countOf(columns_.size(), "column"));
            return true;
        }
        return false;
    }

    static std::string rowField(std::size_t row, std::size_t line) {
        return "row " + std::to_string(row) + " (line " + std::to_string(line) + ")";
    }

    void appendRow(TableChunk& chunk) {
        const std::size_t row = rowsRead_ + 1;
        for (std::size_t c = 0; c < columns_.size(); ++c) {
            const ColumnInfo& column = columns_[c];
            ColumnValues& v = chunk.columns[c];
            const Field& f = fields_[c];
            // An empty field is a null, quoted ("", ECSV's masked value) or not: an empty string
            // says nothing a catalog field could use.
            const bool null = f.text.empty();
            v.null.push_back(null ? 1 : 0);
            auto bad = [&](const char* what) {
                throw InputError(path_, rowField(row, recordLine_) + ", column '" + column.name + "'",
                                 "'" + f.text + "' is not " + what +
                                     (format_ == TableFormat::Csv
                                          ? " (the column's type was read off the first rows; an ECSV header "
                                            "can state it)"
                                          : ""));
            };
            switch (column.type) {
            case ColumnType::Real: {
                double x = std::numeric_limits<double>::quiet_NaN();
                if (!null && !parseReal(f.text, x))
                    bad("a number");
                v.real.push_back(x);
                break;
            }
            case ColumnType::Integer: {
                std::int64_t x = 0;
                if (!null && !parseInteger(f.text, x))
                    bad(format_ == TableFormat::Csv ? "an integer" : ("an integer (" + column.fileType + ")").c_str());
                v.integer.push_back(x);
                break;
            }
            case ColumnType::Boolean: {
                std::int64_t x = 0;
                if (!null && !parseBoolean(f.text, x))
                    bad("True or False");
                v.integer.push_back(x);
                break;
            }
            case ColumnType::Text:
                v.text.push_back(f.text);
                break;
            }
        }
    }

    void readEcsvHeader() {
        std::string line;
        if (!lines_.next(line) || line.rfind("# %ECSV ", 0) != 0)
            throw InputError(path_, "ECSV header", "the first line is not '# %ECSV <version>'");
        std::vector<std::string> header;
        std::size_t headerEnd = 0;
        while (lines_.next(line)) {
            if (line.rfind('#', 0) != 0) {
                headerEnd = lines_.lineNumber();
                break;
            }
            header.push_back(line.size() >= 2 && line[1] == ' ' ? line.substr(2) : line.substr(1));
        }
        const EcsvHeader parsed = parseEcsvHeader(header, path_);
        columns_ = parsed.columns;
        delimiter_ = parsed.delimiter;
        // The first line after the comments names the columns again: it must agree.
        std::vector<Field> names;
        if (headerEnd == 0 || !splitFields(line, delimiter_, names))
            throw InputError(path_, "ECSV header", "no line of column names after the header");
        if (names.size() != columns_.size())
            throw InputError(path_, "line " + std::to_string(headerEnd),
                             "names " + countOf(names.size(), "column") + ", the header's datatype list " +
                                 std::to_string(columns_.size()));
        for (std::size_t c = 0; c < names.size(); ++c)
            if (names[c].text != columns_[c].name)
                throw InputError(path_, "line " + std::to_string(headerEnd),
                                 "column " + std::to_string(c + 1) + " is named '" + names[c].text +
                                     "' but the header's datatype list says '" + columns_[c].name + "'");
    }

    void readCsvHeader() {
        std::string line;
        do {
            if (!lines_.next(line))
                throw InputError(path_, "header", "the file is empty: no line of column names");
        } while (line.find_first_not_of(" \t") == std::string::npos || line.front() == '#');
        std::vector<Field> names;
        if (!splitFields(line, ',', names))
            throw InputError(path_, "header", "a quoted column name is not closed");
        for (std::size_t c = 0; c < names.size(); ++c) {
            if (names[c].text.empty())
                throw InputError(path_, "header", "column " + std::to_string(c + 1) + " has no name");
            for (std::size_t d = 0; d < c; ++d)
                if (names[d].text == names[c].text)
                    throw InputError(path_, "header", "column name '" + names[c].text + "' appears twice");
            ColumnInfo column;
            column.name = names[c].text;
            column.fileType = "csv";
            columns_.push_back(column);
        }
        // The types, from the first rows (kept to be handed out again).
        std::vector<bool> numeric(columns_.size(), true), integral(columns_.size(), true), wide(columns_.size(), false);
        std::vector<bool> seen(columns_.size(), false);
        for (std::size_t r = 0; r < kTypeSampleRows; ++r) {
            Sampled s;
            if (!readRecord(s.fields, s.line))
                break;
            for (std::size_t c = 0; c < columns_.size(); ++c) {
                const std::string& t = s.fields[c].text;
                if (t.empty())
                    continue;
                seen[c] = true;
                double x = 0;
                std::int64_t k = 0;
                if (!parseReal(t, x) || hasLeadingZero(t))
                    numeric[c] = false;
                if (!parseInteger(t, k))
                    integral[c] = false;
                else if (digitsOf(t) > kExactDoubleDigits)
                    wide[c] = true;
            }
            sample_.push_back(std::move(s));
        }
        for (std::size_t c = 0; c < columns_.size(); ++c)
            columns_[c].type = !numeric[c] ? ColumnType::Text
                               : (seen[c] && integral[c] && wide[c]) ? ColumnType::Integer
                                                                     : ColumnType::Real;
    }

    struct Sampled {
        std::vector<Field> fields;
        std::size_t line = 0;
    };

    std::string path_;
    TableFormat format_;
    LineSource lines_;
    std::vector<ColumnInfo> columns_;
    char delimiter_ = ',';
    std::deque<Sampled> sample_;
    std::vector<Field> fields_;
    std::size_t recordLine_ = 0;
    std::size_t rowsRead_ = 0;
};

} // namespace

std::unique_ptr<TableReader> openTextTable(const std::string& path, TableFormat format) {
    return std::make_unique<TextTableReader>(path, format);
}

} // namespace starlocus::core::table
