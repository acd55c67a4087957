// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/table/csv_table_writer.h"

#include "core/common/input_error.h"
#include "core/table/table_output_file.h"
#include "core/table/table_value_text.h"

namespace starlocus::core::table {
namespace {

bool needsQuotes(const std::string& text, char delimiter) {
    if (text.empty())
        return false;
    if (text.front() == '#' || text.front() == ' ' || text.front() == '\t' || text.back() == ' ' ||
        text.back() == '\t')
        return true;
    for (char c : text)
        if (c == delimiter || c == '"' || (delimiter == ' ' && c == '\t'))
            return true;
    return false;
}

// Appends `text` as one field; false when it holds a line break.
bool appendText(std::string& out, const std::string& text, char delimiter) {
    if (text.find_first_of("\r\n") != std::string::npos)
        return false;
    if (!needsQuotes(text, delimiter)) {
        out += text;
        return true;
    }
    out += '"';
    for (char c : text) {
        if (c == '"')
            out += '"';
        out += c;
    }
    out += '"';
    return true;
}

class DelimitedTableWriter final : public TableWriter {
public:
    DelimitedTableWriter(const std::string& path, const std::vector<ColumnInfo>& columns, DelimitedLayout layout)
        : columns_(columns), layout_(std::move(layout)), file_(path, true) {
        // A lone column's empty field would make an empty line, which readers skip.
        if (columns_.size() == 1 && layout_.nullText.empty())
            layout_.nullText = "\"\"";
        std::string line = layout_.header;
        for (std::size_t c = 0; c < columns_.size(); ++c) {
            if (c > 0)
                line += layout_.delimiter;
            if (!appendText(line, columns_[c].name, layout_.delimiter))
                throw InputError(path, "column '" + columns_[c].name + "'",
                                 "a line break in a column name cannot be written to " + layout_.formatName);
        }
        line += '\n';
        file_.append(line);
    }

    void write(const TableChunk& chunk) override {
        checkChunkShape(columns_, chunk);
        for (std::size_t r = 0; r < chunk.rows; ++r) {
            line_.clear();
            for (std::size_t c = 0; c < columns_.size(); ++c) {
                if (c > 0)
                    line_ += layout_.delimiter;
                const ColumnValues& v = chunk.columns[c];
                if (isNullAt(v, r)) {
                    line_ += layout_.nullText;
                    continue;
                }
                switch (columns_[c].type) {
                case ColumnType::Real: appendReal(line_, v.real[r], NonFiniteSpelling::Python); break;
                case ColumnType::Integer: appendInteger(line_, v.integer[r]); break;
                case ColumnType::Boolean: line_ += v.integer[r] ? "True" : "False"; break;
                case ColumnType::Text:
                    if (v.text[r].empty()) // every reader takes an empty string for a null
                        line_ += layout_.nullText;
                    else if (!appendText(line_, v.text[r], layout_.delimiter))
                        throw InputError(file_.target(),
                                         "row " + std::to_string(rowsWritten_ + r + 1) + ", column '" +
                                             columns_[c].name + "'",
                                         "a line break in a text value cannot be written to " + layout_.formatName);
                    break;
                }
            }
            line_ += '\n';
            file_.append(line_);
        }
        rowsWritten_ += chunk.rows;
    }

    void commit() override { file_.commit(); }

private:
    std::vector<ColumnInfo> columns_;
    DelimitedLayout layout_;
    TableOutputFile file_;
    std::string line_;
    std::size_t rowsWritten_ = 0;
};

} // namespace

std::unique_ptr<TableWriter> createDelimitedTableWriter(const std::string& path, const std::vector<ColumnInfo>& columns,
                                                        DelimitedLayout layout) {
    return std::make_unique<DelimitedTableWriter>(path, columns, std::move(layout));
}

std::unique_ptr<TableWriter> createCsvTableWriter(const std::string& path, const std::vector<ColumnInfo>& columns) {
    DelimitedLayout layout;
    layout.delimiter = ',';
    layout.formatName = "CSV";
    return createDelimitedTableWriter(path, columns, std::move(layout));
}

} // namespace starlocus::core::table
