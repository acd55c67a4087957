// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/table/votable_reader.h"

#include "core/common/input_error.h"

#include <expat.h>
#include <zlib.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <charconv>
#include <cmath>
#include <cstring>
#include <exception>
#include <limits>
#include <string_view>

namespace starlocus::core::table {
namespace {

// Bytes read from the file (through gzip) and handed to expat at a time.
constexpr unsigned kBlockBytes = 1U << 16;
// The longest fixed char array accepted: anything longer is a damaged header, not a name.
constexpr std::size_t kMaxArraySize = std::size_t(1) << 24;

// The VOTable datatypes read, by their storage in BINARY streams.
enum class Kind : std::uint8_t { Boolean, Bit, UnsignedByte, Short, Int, Long, Float, Double, Char, UnicodeChar };

struct Field {
    ColumnInfo info;
    Kind kind = Kind::Double;
    bool variable = false;  // char arraysize "*" or "N*": a 4-byte count before the characters
    std::size_t count = 1;  // characters of a fixed char array; 1 for a scalar
    bool hasNull = false;   // VALUES null="…" of an integer field
    std::int64_t nullValue = 0;
    std::string nullText;
};

std::size_t elementBytes(Kind kind) {
    switch (kind) {
    case Kind::Short:
    case Kind::UnicodeChar: return 2;
    case Kind::Int:
    case Kind::Float: return 4;
    case Kind::Long:
    case Kind::Double: return 8;
    default: return 1;
    }
}

bool isXmlSpace(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

std::string_view trimmed(std::string_view s) {
    while (!s.empty() && isXmlSpace(s.front()))
        s.remove_prefix(1);
    while (!s.empty() && isXmlSpace(s.back()))
        s.remove_suffix(1);
    return s;
}

// "vot:TABLE" → "TABLE": a prefixed VOTable namespace names the same elements.
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

// Appends code point `c` as UTF-8.
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

std::uint64_t bigEndian(const unsigned char* p, std::size_t bytes) {
    std::uint64_t x = 0;
    for (std::size_t i = 0; i < bytes; ++i)
        x = (x << 8) | p[i];
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

// Moves rows [first, first + n) of `from` to the end of `to` (they are not looked at again).
void copyRows(ColumnValues& from, std::size_t first, std::size_t n, ColumnValues& to) {
    auto move = [first, n](auto& a, auto& b) {
        if (a.empty())
            return;
        const auto begin = a.begin() + std::ptrdiff_t(first);
        b.insert(b.end(), std::make_move_iterator(begin), std::make_move_iterator(begin + std::ptrdiff_t(n)));
    };
    move(from.real, to.real);
    move(from.integer, to.integer);
    move(from.text, to.text);
    move(from.null, to.null);
}

void dropFront(ColumnValues& v, std::size_t n) {
    auto drop = [n](auto& a) { a.erase(a.begin(), a.begin() + std::ptrdiff_t(std::min(n, a.size()))); };
    drop(v.real);
    drop(v.integer);
    drop(v.text);
    drop(v.null);
}

std::string countOf(std::size_t n, const char* noun) {
    return std::to_string(n) + " " + noun + (n == 1 ? "" : "s");
}

class VoTableReader final : public TableReader {
public:
    explicit VoTableReader(const std::string& path) : path_(path), block_(kBlockBytes) {
        errno = 0;
        file_ = gzopen(path.c_str(), "rb");
        if (!file_)
            throw InputError(path, "", errno ? std::string("cannot be opened: ") + std::strerror(errno)
                                             : std::string("cannot be opened"));
        parser_ = XML_ParserCreate(nullptr);
        if (!parser_) {
            gzclose(file_);
            throw std::bad_alloc();
        }
        XML_SetUserData(parser_, this);
        XML_SetElementHandler(parser_, &VoTableReader::onStart, &VoTableReader::onEnd);
        XML_SetCharacterDataHandler(parser_, &VoTableReader::onText);
        try {
            while (phase_ == Phase::BeforeTable || phase_ == Phase::Header)
                if (!pump())
                    break;
        } catch (...) {
            XML_ParserFree(parser_);
            gzclose(file_);
            throw;
        }
    }
    ~VoTableReader() override {
        XML_ParserFree(parser_);
        gzclose(file_);
    }
    VoTableReader(const VoTableReader&) = delete;
    VoTableReader& operator=(const VoTableReader&) = delete;

    const std::string& path() const override { return path_; }
    TableFormat format() const override { return TableFormat::VoTable; }
    const std::vector<ColumnInfo>& columns() const override { return columns_; }
    std::optional<std::size_t> rowCount() const override { return std::nullopt; }

    bool next(TableChunk& chunk, std::size_t maxRows) override {
        chunk.firstRow = rowsOut_;
        chunk.rows = 0;
        chunk.columns.resize(columns_.size());
        for (ColumnValues& v : chunk.columns) {
            v.real.clear();
            v.integer.clear();
            v.text.clear();
            v.null.clear();
        }
        want_ = maxRows;
        if (pendingRows_ < maxRows && pendingFirst_ > 0) {
            // Rows handed out from the front go before more are parsed behind them.
            for (ColumnValues& v : pending_)
                dropFront(v, pendingFirst_);
            pendingFirst_ = 0;
        }
        while (pendingRows_ < maxRows && pump()) {
        }
        const std::size_t take = std::min(maxRows, pendingRows_);
        if (take == 0)
            return false;
        for (std::size_t c = 0; c < columns_.size(); ++c) {
            if (take == pendingRows_ && pendingFirst_ == 0)
                std::swap(chunk.columns[c], pending_[c]); // chunk's old (cleared) vectors come back
            else
                copyRows(pending_[c], pendingFirst_, take, chunk.columns[c]);
        }
        pendingRows_ -= take;
        pendingFirst_ = pendingRows_ == 0 ? 0 : pendingFirst_ + take;
        if (pendingRows_ == 0)
            for (ColumnValues& v : pending_)
                dropFront(v, v.null.size());
        chunk.rows = take;
        rowsOut_ += take;
        return true;
    }

private:
    enum class Phase : std::uint8_t { BeforeTable, Header, Data, AfterTable };
    enum class Data : std::uint8_t { None, TableData, Binary, Binary2 };
    enum class Collect : std::uint8_t { None, Description, Td, Stream };

    // Parses one more block (or the rest of a suspended one); false once the document ended.
    // Rethrows what a handler found.
    bool pump() {
        if (error_)
            std::rethrow_exception(error_);
        if (documentDone_)
            return false;
        XML_Status status;
        if (suspended_) {
            suspended_ = false;
            status = XML_ResumeParser(parser_);
        } else {
            const int n = gzread(file_, block_.data(), kBlockBytes);
            int code = Z_OK;
            const char* text = gzerror(file_, &code);
            if (n < 0 || (code != Z_OK && code != Z_STREAM_END))
                fail(InputError(path_, "", std::string("the compressed data is damaged or cut short (") + text + ")"));
            finalBlock_ = n == 0;
            status = XML_Parse(parser_, block_.data(), n, finalBlock_ ? XML_TRUE : XML_FALSE);
        }
        if (error_)
            std::rethrow_exception(error_);
        if (status == XML_STATUS_ERROR)
            fail(InputError(path_,
                            "line " + std::to_string(XML_GetCurrentLineNumber(parser_)) + ", column " +
                                std::to_string(XML_GetCurrentColumnNumber(parser_) + 1),
                            std::string("malformed XML: ") + XML_ErrorString(XML_GetErrorCode(parser_))));
        if (status == XML_STATUS_SUSPENDED) {
            suspended_ = true;
            return true;
        }
        if (finalBlock_) {
            documentDone_ = true;
            if (phase_ == Phase::BeforeTable)
                fail(InputError(path_, "", "holds no TABLE: a VOTable without a table to import"));
            return false;
        }
        return true;
    }

    [[noreturn]] void fail(const InputError& e) {
        error_ = std::make_exception_ptr(e);
        throw e;
    }

    // Stops the parser after the current handler (resumable) when the caller has what it needs.
    void pause() {
        XML_ParsingStatus status;
        XML_GetParsingStatus(parser_, &status);
        if (status.parsing == XML_PARSING)
            XML_StopParser(parser_, XML_TRUE);
    }

    // expat is C: no exception may unwind through it. A handler's error is kept, the parser
    // stopped, and pump() rethrows it.
    template <class F> static void guarded(void* self, F&& f) {
        auto* reader = static_cast<VoTableReader*>(self);
        if (reader->error_)
            return;
        try {
            f(*reader);
        } catch (...) {
            reader->error_ = std::current_exception();
            XML_StopParser(reader->parser_, XML_FALSE);
        }
    }
    static void onStart(void* self, const XML_Char* name, const XML_Char** attributes) {
        guarded(self, [&](VoTableReader& r) { r.start(name, attributes); });
    }
    static void onEnd(void* self, const XML_Char* name) {
        guarded(self, [&](VoTableReader& r) { r.end(name); });
    }
    static void onText(void* self, const XML_Char* text, int length) {
        guarded(self, [&](VoTableReader& r) { r.characters(std::string_view(text, std::size_t(length))); });
    }

    std::size_t depth() const { return stack_.size(); }
    std::string_view parent() const { return stack_.size() >= 2 ? std::string_view(stack_[stack_.size() - 2]) : ""; }
    std::size_t currentRow() const { return rowsOut_ + pendingRows_ + 1; }
    std::string rowField() const {
        return data_ == Data::TableData
                   ? "row " + std::to_string(currentRow()) + " (line " + std::to_string(rowLine_) + ")"
                   : "row " + std::to_string(currentRow());
    }
    std::string cellField(std::size_t c) const { return rowField() + ", column '" + fields_[c].info.name + "'"; }

    void start(const char* rawName, const char** attributes) {
        const std::string_view name = localName(rawName);
        if (stack_.empty() && name != "VOTABLE")
            throw InputError(path_, "", "is not a VOTable: its root element is <" + std::string(rawName) + ">");
        stack_.emplace_back(name);
        switch (phase_) {
        case Phase::BeforeTable:
            // The first TABLE of the document (of its first RESOURCE that holds one): the one
            // table an archive query or Astropy's writer puts in a file; later ones are skipped.
            if (name == "TABLE") {
                phase_ = Phase::Header;
                tableDepth_ = depth();
            }
            break;
        case Phase::Header:
            if (depth() == tableDepth_ + 1 && name == "FIELD")
                addField(attributes);
            else if (depth() == tableDepth_ + 2 && parent() == "FIELD" && name == "DESCRIPTION") {
                collect_ = Collect::Description;
                text_.clear();
            } else if (depth() == tableDepth_ + 2 && parent() == "FIELD" && name == "VALUES")
                setNull(attributes);
            else if (depth() == tableDepth_ + 1 && name == "DATA") {
                finishHeader();
                phase_ = Phase::Data;
            }
            break;
        case Phase::Data: startData(name, attributes); break;
        case Phase::AfterTable: break;
        }
    }

    void end(const char* rawName) {
        const std::string_view name = localName(rawName);
        if (phase_ == Phase::Header && name == "DESCRIPTION" && collect_ == Collect::Description) {
            fields_.back().info.description = std::string(trimmed(text_));
            collect_ = Collect::None;
        } else if (phase_ == Phase::Data) {
            endData(name);
        }
        if ((phase_ == Phase::Header || phase_ == Phase::Data) && depth() == tableDepth_) {
            if (phase_ == Phase::Header)
                finishHeader(); // a TABLE without DATA: no rows
            phase_ = Phase::AfterTable;
        }
        stack_.pop_back();
    }

    void characters(std::string_view text) {
        switch (collect_) {
        case Collect::None: break;
        case Collect::Description:
        case Collect::Td: text_.append(text); break;
        case Collect::Stream: decodeBase64(text); break;
        }
    }

    void addField(const char** attributes) {
        Field field;
        const std::size_t number = fields_.size() + 1;
        const char* name = attribute(attributes, "name");
        if (!name || !*name)
            name = attribute(attributes, "ID");
        if (!name || !*name)
            throw InputError(path_, "FIELD " + std::to_string(number), "has neither a name nor an ID");
        field.info.name = name;
        for (const Field& f : fields_)
            if (f.info.name == field.info.name)
                throw InputError(path_, "FIELD '" + field.info.name + "'", "the column name appears twice");
        const std::string where = "FIELD '" + field.info.name + "'";
        if (const char* unit = attribute(attributes, "unit"))
            field.info.unit = unit;
        if (const char* ucd = attribute(attributes, "ucd"))
            field.info.ucd = ucd;
        const char* datatype = attribute(attributes, "datatype");
        if (!datatype)
            throw InputError(path_, where, "has no datatype");
        const std::string_view type(datatype);
        const char* arraysizeText = attribute(attributes, "arraysize");
        const std::string_view arraysize = arraysizeText ? trimmed(arraysizeText) : std::string_view();
        field.info.fileType = std::string(type) + (arraysizeText ? "[" + std::string(arraysize) + "]" : "");
        static const std::pair<std::string_view, Kind> kKinds[] = {
            {"boolean", Kind::Boolean}, {"bit", Kind::Bit},     {"unsignedByte", Kind::UnsignedByte},
            {"short", Kind::Short},     {"int", Kind::Int},     {"long", Kind::Long},
            {"float", Kind::Float},     {"double", Kind::Double}, {"char", Kind::Char},
            {"unicodeChar", Kind::UnicodeChar}};
        const auto* known = std::find_if(std::begin(kKinds), std::end(kKinds), [&](const auto& k) { return k.first == type; });
        if (known == std::end(kKinds)) {
            if (type == "floatComplex" || type == "doubleComplex")
                throw InputError(path_, where, "is complex (" + std::string(type) + "): complex columns are not read");
            throw InputError(path_, where, "has the unknown datatype '" + std::string(type) + "'");
        }
        field.kind = known->second;
        if (field.kind == Kind::Char || field.kind == Kind::UnicodeChar) {
            field.info.type = ColumnType::Text;
            if (arraysize.find('x') != std::string_view::npos)
                throw InputError(path_, where,
                                 "is a multidimensional character array (arraysize '" + std::string(arraysize) +
                                     "'): not read");
            std::string_view digits = arraysize;
            if (!digits.empty() && digits.back() == '*') {
                field.variable = true;
                digits.remove_suffix(1);
            }
            if (!field.variable) {
                std::size_t n = 1;
                if (!digits.empty()) {
                    const auto [ptr, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), n);
                    if (ec != std::errc() || ptr != digits.data() + digits.size() || n == 0 || n > kMaxArraySize)
                        throw InputError(path_, where, "has an arraysize '" + std::string(arraysize) + "' that is not read");
                }
                field.count = n;
            }
        } else {
            if (!arraysize.empty() && arraysize != "1")
                throw InputError(path_, where,
                                 "is an array (arraysize '" + std::string(arraysize) +
                                     "'): arrays of numbers are not read; give each element its own column");
            field.info.type = field.kind == Kind::Boolean                             ? ColumnType::Boolean
                              : field.kind == Kind::Float || field.kind == Kind::Double ? ColumnType::Real
                                                                                      : ColumnType::Integer;
        }
        fields_.push_back(std::move(field));
    }

    void setNull(const char** attributes) {
        Field& field = fields_.back();
        const char* null = attribute(attributes, "null");
        if (!null || field.info.type != ColumnType::Integer)
            return; // floats use NaN, text and booleans their own nulls
        field.nullText = std::string(trimmed(null));
        if (!parseInteger(field.nullText, field.nullValue))
            throw InputError(path_, "FIELD '" + field.info.name + "'",
                             "its VALUES null '" + field.nullText + "' is not an integer");
        field.hasNull = true;
    }

    void finishHeader() {
        if (fields_.empty())
            throw InputError(path_, "TABLE", "has no FIELD: no columns to read");
        columns_.clear();
        for (const Field& f : fields_)
            columns_.push_back(f.info);
        pending_.assign(fields_.size(), ColumnValues{});
        pause(); // the constructor has what it needs
    }

    void startData(std::string_view name, const char** attributes) {
        const std::size_t level = depth() - tableDepth_; // DATA is level 1
        if (level == 2) {
            if (name == "TABLEDATA")
                data_ = Data::TableData;
            else if (name == "BINARY")
                data_ = Data::Binary;
            else if (name == "BINARY2")
                data_ = Data::Binary2;
            else if (name == "FITS")
                throw InputError(path_, "DATA", "holds a FITS stream: open the FITS file itself instead");
        } else if (data_ == Data::TableData && level == 3 && name == "TR" && parent() == "TABLEDATA") {
            tdCount_ = 0;
            rowLine_ = std::size_t(XML_GetCurrentLineNumber(parser_));
        } else if (data_ == Data::TableData && level == 4 && name == "TD" && parent() == "TR") {
            collect_ = Collect::Td;
            text_.clear();
        } else if ((data_ == Data::Binary || data_ == Data::Binary2) && level == 3 && name == "STREAM") {
            if (const char* href = attribute(attributes, "href"))
                throw InputError(path_, "STREAM", std::string("the rows are in another file (href '") + href +
                                                      "'): only rows inside the VOTable are read");
            const char* encoding = attribute(attributes, "encoding");
            const std::string_view e = encoding ? std::string_view(encoding) : std::string_view();
            if (e != "base64")
                throw InputError(path_, "STREAM",
                                 "encoding '" + std::string(e) +
                                     "' is not read: only base64 streams are (a gzip-compressed stream cannot "
                                     "be written inside the XML; compress the whole file instead)");
            collect_ = Collect::Stream;
            quad_ = 0;
            quadChars_ = 0;
            padding_ = 0;
        }
    }

    void endData(std::string_view name) {
        const std::size_t level = depth() - tableDepth_;
        if (data_ == Data::TableData && level == 4 && name == "TD" && collect_ == Collect::Td) {
            collect_ = Collect::None;
            if (tdCount_ < fields_.size())
                appendText(tdCount_, text_);
            ++tdCount_;
        } else if (data_ == Data::TableData && level == 3 && name == "TR" && parent() == "TABLEDATA") {
            if (tdCount_ != fields_.size())
                throw InputError(path_, rowField(),
                                 countOf(tdCount_, "TD") + ", but the table has " + countOf(fields_.size(), "FIELD"));
            rowDone();
        } else if (level == 3 && name == "STREAM" && collect_ == Collect::Stream) {
            collect_ = Collect::None;
            if (quadChars_ != 0)
                throw InputError(path_, rowField(), "the base64 stream is cut short (its length is not a multiple of 4)");
            if (bytes_.size() > bytesUsed_)
                throw InputError(path_, rowField(),
                                 "the binary stream ends inside the row (" +
                                     countOf(bytes_.size() - bytesUsed_, "byte") + " of it): truncated");
            bytes_.clear();
            bytesUsed_ = 0;
        }
    }

    void rowDone() {
        ++pendingRows_;
        if (pendingRows_ >= want_)
            pause();
    }

    // One TABLEDATA cell.
    void appendText(std::size_t c, const std::string& raw) {
        const Field& field = fields_[c];
        ColumnValues& v = pending_[c];
        if (field.info.type == ColumnType::Text) {
            if (raw.empty())
                pushNull(v, ColumnType::Text);
            else {
                v.text.push_back(raw);
                v.null.push_back(0);
            }
            return;
        }
        const std::string_view text = trimmed(raw);
        if (text.empty()) {
            pushNull(v, field.info.type);
            return;
        }
        auto bad = [&](const std::string& what) {
            throw InputError(path_, cellField(c), "'" + std::string(text) + "' is not " + what);
        };
        switch (field.kind) {
        case Kind::Boolean: {
            if (text == "?") {
                pushNull(v, ColumnType::Boolean);
                return;
            }
            std::string lower(text);
            std::transform(lower.begin(), lower.end(), lower.begin(), [](char ch) { return char(std::tolower(static_cast<unsigned char>(ch))); });
            if (lower == "t" || lower == "true" || lower == "1")
                v.integer.push_back(1);
            else if (lower == "f" || lower == "false" || lower == "0")
                v.integer.push_back(0);
            else
                bad("a boolean (T, F, true, false, 1, 0 or ?)");
            v.null.push_back(0);
            return;
        }
        case Kind::Float:
        case Kind::Double: {
            double x = 0;
            if (!parseReal(text, x))
                bad("a number (" + field.info.fileType + ")");
            v.real.push_back(x);
            v.null.push_back(0);
            return;
        }
        default: {
            if (field.hasNull && text == field.nullText) {
                pushNull(v, ColumnType::Integer);
                return;
            }
            std::int64_t x = 0;
            if (!parseInteger(text, x) || !inRange(field.kind, x))
                bad("an integer (" + field.info.fileType + ")");
            const bool null = field.hasNull && x == field.nullValue;
            v.integer.push_back(null ? 0 : x);
            v.null.push_back(null ? 1 : 0);
            return;
        }
        }
    }

    void decodeBase64(std::string_view text) {
        for (const char ch : text) {
            int sextet;
            if (ch >= 'A' && ch <= 'Z')
                sextet = ch - 'A';
            else if (ch >= 'a' && ch <= 'z')
                sextet = ch - 'a' + 26;
            else if (ch >= '0' && ch <= '9')
                sextet = ch - '0' + 52;
            else if (ch == '+')
                sextet = 62;
            else if (ch == '/')
                sextet = 63;
            else if (isXmlSpace(ch))
                continue;
            else if (ch == '=') {
                // Padding ends a quantum of 2 or 3 characters (one or two bytes).
                if (quadChars_ == 2) {
                    bytes_ += char(quad_ >> 4);
                    padding_ = 1;
                } else if (quadChars_ == 3) {
                    bytes_ += char(quad_ >> 10);
                    bytes_ += char((quad_ >> 2) & 0xFF);
                    padding_ = 2;
                } else if (!(quadChars_ == 0 && padding_ == 1))
                    throw InputError(path_, rowField(), "the base64 stream is damaged (misplaced '=')");
                else
                    padding_ = 2;
                quadChars_ = 0;
                quad_ = 0;
                continue;
            } else
                throw InputError(path_, rowField(),
                                 "the base64 stream is damaged (a character that is not base64: code " +
                                     std::to_string(int(static_cast<unsigned char>(ch))) + ")");
            padding_ = 0;
            quad_ = (quad_ << 6) | std::uint32_t(sextet);
            if (++quadChars_ == 4) {
                bytes_ += char(quad_ >> 16);
                bytes_ += char((quad_ >> 8) & 0xFF);
                bytes_ += char(quad_ & 0xFF);
                quad_ = 0;
                quadChars_ = 0;
            }
        }
        while (decodeBinaryRow()) {
        }
        bytes_.erase(0, bytesUsed_);
        bytesUsed_ = 0;
    }

    // One row of a BINARY or BINARY2 stream from bytes_ when all of it has arrived.
    bool decodeBinaryRow() {
        const auto* data = reinterpret_cast<const unsigned char*>(bytes_.data());
        const std::size_t available = bytes_.size();
        const std::size_t maskBytes = data_ == Data::Binary2 ? (fields_.size() + 7) / 8 : 0;
        // The row's length first (variable char arrays state theirs), so a row is appended
        // whole or not at all.
        std::size_t p = bytesUsed_ + maskBytes;
        for (const Field& f : fields_) {
            std::size_t n = f.count;
            if (f.variable) {
                if (p + 4 > available)
                    return false;
                n = std::size_t(bigEndian(data + p, 4));
                p += 4;
            }
            p += n * elementBytes(f.kind);
            if (p > available)
                return false;
        }
        const unsigned char* mask = data + bytesUsed_;
        p = bytesUsed_ + maskBytes;
        for (std::size_t c = 0; c < fields_.size(); ++c) {
            const Field& f = fields_[c];
            ColumnValues& v = pending_[c];
            std::size_t n = f.count;
            if (f.variable) {
                n = std::size_t(bigEndian(data + p, 4));
                p += 4;
            }
            const unsigned char* at = data + p;
            p += n * elementBytes(f.kind);
            if (maskBytes && (mask[c / 8] & (0x80U >> (c % 8)))) {
                pushNull(v, f.info.type);
                continue;
            }
            appendBinary(c, at, n);
        }
        bytesUsed_ = p;
        rowDone();
        return true;
    }

    void appendBinary(std::size_t c, const unsigned char* at, std::size_t n) {
        const Field& f = fields_[c];
        ColumnValues& v = pending_[c];
        switch (f.kind) {
        case Kind::Boolean: {
            const unsigned char b = at[0];
            if (b == 'T' || b == 't' || b == '1')
                v.integer.push_back(1);
            else if (b == 'F' || b == 'f' || b == '0')
                v.integer.push_back(0);
            else if (b == '?' || b == ' ' || b == 0) {
                pushNull(v, ColumnType::Boolean);
                return;
            } else
                throw InputError(path_, cellField(c), "the byte " + std::to_string(int(b)) + " is not a boolean");
            v.null.push_back(0);
            return;
        }
        case Kind::Bit:
            // The spec puts the bit in the byte's most significant place; Astropy 5.2 writes
            // 0x08. Any set bit is true.
            v.integer.push_back(at[0] != 0 ? 1 : 0);
            v.null.push_back(0);
            return;
        case Kind::UnsignedByte:
        case Kind::Short:
        case Kind::Int:
        case Kind::Long: {
            const std::size_t bytes = elementBytes(f.kind);
            std::uint64_t u = bigEndian(at, bytes);
            std::int64_t x;
            if (f.kind == Kind::UnsignedByte)
                x = std::int64_t(u);
            else if (bytes == 8)
                x = std::int64_t(u);
            else { // sign-extend
                const std::uint64_t sign = std::uint64_t(1) << (8 * bytes - 1);
                x = std::int64_t(u ^ sign) - std::int64_t(sign);
            }
            const bool null = f.hasNull && x == f.nullValue;
            v.integer.push_back(null ? 0 : x);
            v.null.push_back(null ? 1 : 0);
            return;
        }
        case Kind::Float: {
            const auto bits = std::uint32_t(bigEndian(at, 4));
            float x;
            std::memcpy(&x, &bits, 4);
            v.real.push_back(double(x));
            v.null.push_back(0);
            return;
        }
        case Kind::Double: {
            const std::uint64_t bits = bigEndian(at, 8);
            double x;
            std::memcpy(&x, &bits, 8);
            v.real.push_back(x);
            v.null.push_back(0);
            return;
        }
        case Kind::Char: {
            // A fixed array is padded with NULs: the text ends at the first.
            const auto* end = std::find(at, at + n, 0);
            std::string text(reinterpret_cast<const char*>(at), std::size_t(end - at));
            if (text.empty())
                pushNull(v, ColumnType::Text);
            else {
                v.text.push_back(std::move(text));
                v.null.push_back(0);
            }
            return;
        }
        case Kind::UnicodeChar: {
            // UCS-2 (UTF-16 surrogate pairs accepted), big-endian, to UTF-8.
            std::string text;
            for (std::size_t i = 0; i < n; ++i) {
                std::uint32_t unit = std::uint32_t(bigEndian(at + 2 * i, 2));
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
            if (text.empty())
                pushNull(v, ColumnType::Text);
            else {
                v.text.push_back(std::move(text));
                v.null.push_back(0);
            }
            return;
        }
        }
    }

    std::string path_;
    gzFile file_ = nullptr;
    XML_Parser parser_ = nullptr;
    std::vector<char> block_;
    bool suspended_ = false;
    bool finalBlock_ = false;
    bool documentDone_ = false;
    std::exception_ptr error_;

    Phase phase_ = Phase::BeforeTable;
    Data data_ = Data::None;
    Collect collect_ = Collect::None;
    std::vector<std::string> stack_;
    std::size_t tableDepth_ = 0;
    std::vector<Field> fields_;
    std::vector<ColumnInfo> columns_;

    std::string text_;          // the current TD's or DESCRIPTION's characters
    std::size_t tdCount_ = 0;   // TDs of the current TR so far
    std::size_t rowLine_ = 0;   // the line of the current TR
    std::uint32_t quad_ = 0;    // base64: the bits of the current quantum
    int quadChars_ = 0;         // … and its characters so far
    int padding_ = 0;           // '=' seen at the end of the last quantum
    std::string bytes_;         // decoded stream bytes not yet made into rows
    std::size_t bytesUsed_ = 0; // … of which rows were made

    // Parsed rows not yet handed out, from row pendingFirst_ of the vectors on: at most one
    // chunk plus the rows of one block of text (handed-out rows are dropped before the next
    // parse, so small chunks cost no quadratic erasing).
    std::vector<ColumnValues> pending_;
    std::size_t pendingFirst_ = 0;
    std::size_t pendingRows_ = 0;
    std::size_t rowsOut_ = 0;
    std::size_t want_ = 0;
};

} // namespace

std::unique_ptr<TableReader> openVoTable(const std::string& path) {
    return std::make_unique<VoTableReader>(path);
}

} // namespace starlocus::core::table
