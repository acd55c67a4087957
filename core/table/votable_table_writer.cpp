// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/table/votable_table_writer.h"

#include "core/table/base64_encoder.h"
#include "core/table/table_output_file.h"
#include "core/table/table_value_text.h"

#include <cstring>
#include <limits>

namespace starlocus::core::table {
namespace {

// Appends `text` escaped for XML (attribute values and element text alike): & < > " and, since
// expat and every XML parser refuse them, control characters and invalid UTF-8 as U+FFFD.
void appendXml(std::string& out, std::string_view text) {
    const auto* s = reinterpret_cast<const unsigned char*>(text.data());
    const std::size_t n = text.size();
    for (std::size_t i = 0; i < n;) {
        const unsigned char c = s[i];
        if (c < 0x80) {
            switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            case '\t': out += "&#9;"; break;
            case '\n': out += "&#10;"; break;
            case '\r': out += "&#13;"; break;
            default:
                if (c < 0x20 || c == 0x7F)
                    out += "\xEF\xBF\xBD";
                else
                    out += char(c);
            }
            ++i;
            continue;
        }
        // A well-formed UTF-8 sequence (no overlong forms, surrogates or values past U+10FFFF)
        // is copied; anything else is one replacement character per byte.
        std::size_t length = c >= 0xF0 && c <= 0xF4 ? 4 : c >= 0xE0 ? 3 : c >= 0xC2 && c <= 0xDF ? 2 : 0;
        bool ok = length > 0 && i + length <= n;
        for (std::size_t k = 1; ok && k < length; ++k)
            ok = (s[i + k] & 0xC0) == 0x80;
        if (ok && length == 3)
            ok = !(c == 0xE0 && s[i + 1] < 0xA0) && !(c == 0xED && s[i + 1] >= 0xA0);
        if (ok && length == 4)
            ok = !(c == 0xF0 && s[i + 1] < 0x90) && !(c == 0xF4 && s[i + 1] >= 0x90);
        if (!ok) {
            out += "\xEF\xBF\xBD";
            ++i;
            continue;
        }
        out.append(text.substr(i, length));
        i += length;
    }
}

std::string_view datatypeOf(ColumnType type) {
    switch (type) {
    case ColumnType::Real: return "double";
    case ColumnType::Integer: return "long";
    case ColumnType::Boolean: return "boolean";
    case ColumnType::Text: return "char";
    }
    return "char";
}

void appendBigEndian(std::string& out, std::uint64_t bits, std::size_t bytes) {
    for (std::size_t k = bytes; k-- > 0;)
        out += char((bits >> (8 * k)) & 0xFF);
}

class VoTableWriter final : public TableWriter {
public:
    VoTableWriter(const std::string& path, const std::vector<ColumnInfo>& columns, const TableWriteOptions& options)
        : columns_(columns), binary_(options.voTableEncoding == VoTableEncoding::Binary2), file_(path, true) {
        std::string h = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                        "<VOTABLE version=\"1.4\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"\n"
                        "  xmlns=\"http://www.ivoa.net/xml/VOTable/v1.3\"\n"
                        "  xsi:schemaLocation=\"http://www.ivoa.net/xml/VOTable/v1.3 "
                        "http://www.ivoa.net/xml/VOTable/v1.3\">\n"
                        " <RESOURCE type=\"results\">\n  <TABLE";
        if (!options.tableName.empty()) {
            h += " name=\"";
            appendXml(h, options.tableName);
            h += '"';
        }
        h += ">\n";
        if (!options.description.empty()) {
            h += "   <DESCRIPTION>";
            appendXml(h, options.description);
            h += "</DESCRIPTION>\n";
        }
        for (const ColumnInfo& c : columns_) {
            h += "   <FIELD name=\"";
            appendXml(h, c.name);
            h += "\" datatype=\"";
            h += datatypeOf(c.type);
            h += '"';
            if (c.type == ColumnType::Text)
                h += " arraysize=\"*\"";
            for (const auto& [key, value] : {std::pair{"unit", &c.unit}, std::pair{"ucd", &c.ucd}}) {
                if (value->empty())
                    continue;
                h += ' ';
                h += key;
                h += "=\"";
                appendXml(h, *value);
                h += '"';
            }
            if (c.description.empty()) {
                h += "/>\n";
                continue;
            }
            h += ">\n    <DESCRIPTION>";
            appendXml(h, c.description);
            h += "</DESCRIPTION>\n   </FIELD>\n";
        }
        h += binary_ ? "   <DATA>\n    <BINARY2>\n     <STREAM encoding=\"base64\">\n" : "   <DATA>\n    <TABLEDATA>\n";
        file_.append(h);
    }

    void write(const TableChunk& chunk) override {
        checkChunkShape(columns_, chunk);
        text_.clear();
        if (binary_)
            writeBinary(chunk);
        else
            writeTableData(chunk);
        file_.append(text_);
    }

    void commit() override {
        text_.clear();
        if (binary_) {
            base64_.finish(text_);
            text_ += "     </STREAM>\n    </BINARY2>\n";
        } else {
            text_ += "    </TABLEDATA>\n";
        }
        text_ += "   </DATA>\n  </TABLE>\n </RESOURCE>\n</VOTABLE>\n";
        file_.append(text_);
        file_.commit();
    }

private:
    void writeBinary(const TableChunk& chunk) {
        const std::size_t maskBytes = (columns_.size() + 7) / 8;
        bytes_.clear();
        for (std::size_t r = 0; r < chunk.rows; ++r) {
            const std::size_t maskAt = bytes_.size();
            bytes_.append(maskBytes, '\0');
            for (std::size_t c = 0; c < columns_.size(); ++c) {
                const ColumnValues& v = chunk.columns[c];
                const bool null = isNullAt(v, r) || (columns_[c].type == ColumnType::Text && v.text[r].empty());
                if (null)
                    bytes_[maskAt + c / 8] = char(static_cast<unsigned char>(bytes_[maskAt + c / 8]) | (0x80U >> (c % 8)));
                switch (columns_[c].type) {
                case ColumnType::Real: {
                    const double x = null ? std::numeric_limits<double>::quiet_NaN() : v.real[r];
                    std::uint64_t bits;
                    std::memcpy(&bits, &x, 8);
                    appendBigEndian(bytes_, bits, 8);
                    break;
                }
                case ColumnType::Integer:
                    appendBigEndian(bytes_, null ? 0 : std::uint64_t(v.integer[r]), 8);
                    break;
                case ColumnType::Boolean: bytes_ += null ? '?' : v.integer[r] ? 'T' : 'F'; break;
                case ColumnType::Text: {
                    const std::string& s = null ? std::string() : v.text[r];
                    appendBigEndian(bytes_, s.size(), 4);
                    bytes_ += s;
                    break;
                }
                }
            }
        }
        base64_.feed(bytes_, text_);
    }

    void writeTableData(const TableChunk& chunk) {
        for (std::size_t r = 0; r < chunk.rows; ++r) {
            text_ += "     <TR>";
            for (std::size_t c = 0; c < columns_.size(); ++c) {
                const ColumnValues& v = chunk.columns[c];
                if (isNullAt(v, r)) {
                    text_ += "<TD/>";
                    continue;
                }
                text_ += "<TD>";
                switch (columns_[c].type) {
                case ColumnType::Real: appendReal(text_, v.real[r], NonFiniteSpelling::VoTable); break;
                case ColumnType::Integer: appendInteger(text_, v.integer[r]); break;
                case ColumnType::Boolean: text_ += v.integer[r] ? 'T' : 'F'; break;
                case ColumnType::Text: appendXml(text_, v.text[r]); break;
                }
                text_ += "</TD>";
            }
            text_ += "</TR>\n";
        }
    }

    std::vector<ColumnInfo> columns_;
    bool binary_;
    TableOutputFile file_;
    Base64Encoder base64_;
    std::string bytes_; // one chunk's BINARY2 rows
    std::string text_;  // … as the XML text appended to the file
};

} // namespace

std::unique_ptr<TableWriter> createVoTableWriter(const std::string& path, const std::vector<ColumnInfo>& columns,
                                                 const TableWriteOptions& options) {
    return std::make_unique<VoTableWriter>(path, columns, options);
}

} // namespace starlocus::core::table
