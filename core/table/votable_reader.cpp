// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/table/votable_reader.h"

#include "core/common/input_error.h"
#include "core/table/base64_decoder.h"
#include "core/table/votable_field.h"

#include <expat.h>
#include <zlib.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <exception>
#include <iterator>
#include <string_view>

namespace starlocus::core::table {
namespace {

using namespace votable; // the FIELD model and its value readers

// Bytes read from the file (through gzip) and handed to expat at a time.
constexpr unsigned kBlockBytes = 1U << 16;

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
    const std::vector<SkippedColumn>& skippedColumns() const override { return skipped_; }

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
                setNull(fields_.back(), attribute(attributes, "null"), path_);
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
            // Astropy indents the text on its own lines: the description is what is between.
            const std::size_t first = text_.find_first_not_of(" \t\r\n");
            const std::size_t last = text_.find_last_not_of(" \t\r\n");
            fields_.back().info.description = first == std::string::npos ? "" : text_.substr(first, last - first + 1);
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
        Field field = readField(attributes, fields_.size() + 1, path_);
        for (const Field& f : fields_)
            if (f.info.name == field.info.name)
                throw InputError(path_, "FIELD '" + field.info.name + "'", "the column name appears twice");
        fields_.push_back(std::move(field));
    }

    void finishHeader() {
        if (fields_.empty())
            throw InputError(path_, "TABLE", "has no FIELD: no columns to read");
        columns_.clear();
        skipped_.clear();
        auto add = [&](const ColumnInfo& info) {
            for (const ColumnInfo& other : columns_)
                if (other.name == info.name)
                    throw InputError(path_, "FIELD '" + info.name + "'", "the column name appears twice");
            columns_.push_back(info);
        };
        for (Field& f : fields_) {
            f.output = columns_.size();
            if (f.skipped) {
                skipped_.push_back({f.info.name, f.skipReason});
            } else if (f.expand == 0) {
                add(f.info);
            } else {
                // NAME[k], 0-based in storage order (the first index varies fastest, as VOTable
                // stores arrays), like the FITS reader's vectors.
                for (std::size_t k = 0; k < f.expand; ++k) {
                    ColumnInfo element = f.info;
                    element.name += "[" + std::to_string(k) + "]";
                    add(element);
                }
            }
        }
        if (columns_.empty()) {
            std::string list;
            for (const SkippedColumn& skipped : skipped_)
                list += (list.empty() ? "" : "; ") + skipped.name + ": " + skipped.reason;
            throw InputError(path_, "TABLE", "has no FIELD StarLocus can read (" + list + ")");
        }
        pending_.assign(columns_.size(), ColumnValues{});
        pause(); // the constructor has what it needs
    }

    // The TD of field `f` (an expanded array: its values separated by blanks; empty: all null).
    void appendTd(std::size_t f) {
        const Field& field = fields_[f];
        std::string reason;
        if (field.skipped)
            return;
        if (field.expand == 0) {
            if (!appendCell(field, text_, pending_[field.output], reason))
                throw InputError(path_, cellField(f), reason);
            return;
        }
        tokens_.clear();
        std::size_t at = 0;
        while ((at = text_.find_first_not_of(" \t\r\n", at)) != std::string::npos) {
            // A bit array is written as its digits, blanks between them optional ("0110").
            const std::size_t end = field.kind == Kind::Bit ? at + 1
                                                            : std::min(text_.find_first_of(" \t\r\n", at), text_.size());
            tokens_.push_back(text_.substr(at, end - at));
            at = end;
        }
        if (tokens_.empty()) {
            for (std::size_t k = 0; k < field.expand; ++k)
                pushNull(pending_[field.output + k], field.info.type);
            return;
        }
        if (tokens_.size() != field.expand)
            throw InputError(path_, cellField(f),
                             countOf(tokens_.size(), "value") + ", but its arraysize says " +
                                 std::to_string(field.expand));
        for (std::size_t k = 0; k < field.expand; ++k)
            if (!appendCell(field, tokens_[k], pending_[field.output + k], reason))
                throw InputError(path_, cellField(f) + ", element " + std::to_string(k), reason);
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
            base64_.reset();
        }
    }

    void endData(std::string_view name) {
        const std::size_t level = depth() - tableDepth_;
        if (data_ == Data::TableData && level == 4 && name == "TD" && collect_ == Collect::Td) {
            collect_ = Collect::None;
            if (tdCount_ < fields_.size())
                appendTd(tdCount_);
            ++tdCount_;
        } else if (data_ == Data::TableData && level == 3 && name == "TR" && parent() == "TABLEDATA") {
            if (tdCount_ != fields_.size())
                throw InputError(path_, rowField(),
                                 countOf(tdCount_, "TD") + ", but the table has " + countOf(fields_.size(), "FIELD"));
            rowDone();
        } else if (level == 3 && name == "STREAM" && collect_ == Collect::Stream) {
            collect_ = Collect::None;
            if (!base64_.complete())
                throw InputError(path_, rowField(),
                                 "the base64 stream is cut short (its length is not a multiple of 4)");
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

    void decodeBase64(std::string_view text) {
        std::string reason;
        if (!base64_.feed(text, bytes_, reason))
            throw InputError(path_, rowField(), reason);
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
                n = std::size_t(bigEndian(data + p, 4)) * f.count; // units of the fixed dimensions
                p += 4;
            }
            const std::size_t bytes = f.bytesOf(n);
            if (bytes > available - std::min(p, available))
                return false;
            p += bytes;
        }
        const unsigned char* mask = data + bytesUsed_;
        p = bytesUsed_ + maskBytes;
        for (std::size_t c = 0; c < fields_.size(); ++c) {
            const Field& f = fields_[c];
            std::size_t n = f.count;
            if (f.variable) {
                n = std::size_t(bigEndian(data + p, 4)) * f.count;
                p += 4;
            }
            const unsigned char* at = data + p;
            p += f.bytesOf(n);
            if (f.skipped)
                continue;
            const std::size_t outputs = f.expand == 0 ? 1 : f.expand;
            if (maskBytes && (mask[c / 8] & (0x80U >> (c % 8)))) {
                for (std::size_t k = 0; k < outputs; ++k)
                    pushNull(pending_[f.output + k], f.info.type);
                continue;
            }
            std::string reason;
            if (f.expand == 0) {
                if (!appendBinary(f, at, n, pending_[f.output], reason))
                    throw InputError(path_, cellField(c), reason);
                continue;
            }
            if (f.kind == Kind::Bit) { // packed, the first bit in the first byte's most significant place
                for (std::size_t k = 0; k < f.expand; ++k) {
                    ColumnValues& v = pending_[f.output + k];
                    v.integer.push_back((at[k / 8] >> (7 - k % 8)) & 1U);
                    v.null.push_back(0);
                }
                continue;
            }
            for (std::size_t k = 0; k < f.expand; ++k)
                if (!appendBinary(f, at + k * f.elementBytes(), 1, pending_[f.output + k], reason))
                    throw InputError(path_, cellField(c) + ", element " + std::to_string(k), reason);
        }
        bytesUsed_ = p;
        rowDone();
        return true;
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
    std::vector<SkippedColumn> skipped_;
    std::vector<std::string> tokens_; // an expanded array's TD split at blanks

    std::string text_;          // the current TD's or DESCRIPTION's characters
    std::size_t tdCount_ = 0;   // TDs of the current TR so far
    std::size_t rowLine_ = 0;   // the line of the current TR
    Base64Decoder base64_;      // of the current STREAM
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
