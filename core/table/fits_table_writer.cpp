// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/table/fits_table_writer.h"

#include "core/common/input_error.h"
#include "core/table/cfitsio_status.h"
#include "core/table/table_output_file.h"
#include "core/table/table_value_text.h"

#include <fitsio.h>

#include <algorithm>
#include <limits>
#include <memory>

namespace starlocus::core::table {
namespace {

constexpr std::int64_t kIntegerNull = std::numeric_limits<std::int64_t>::min();
constexpr std::size_t kMaxTextWidth = std::size_t(1) << 12; // fits_table_reader's limit
constexpr std::size_t kMaxKeywordText = FLEN_VALUE - 3;      // 68: a value card's string
constexpr long kMaxBlockRows = 1L << 16;

struct FitsFileCloser {
    void operator()(fitsfile* file) const {
        int status = 0;
        fits_close_file(file, &status);
        fits_clear_errmsg();
    }
};

std::string_view tformOf(ColumnType type) {
    switch (type) {
    case ColumnType::Real: return "1D";
    case ColumnType::Integer: return "1K";
    case ColumnType::Boolean: return "1L";
    case ColumnType::Text: return "1A";
    }
    return "1D";
}

class FitsTableWriter final : public TableWriter {
public:
    FitsTableWriter(const std::string& path, const std::vector<ColumnInfo>& columns, const TableWriteOptions& options)
        : columns_(columns), file_(path, false), width_(columns.size(), 1) {
        for (const ColumnInfo& c : columns_) {
            if (c.name.size() > kMaxKeywordText || c.unit.size() > kMaxKeywordText || c.ucd.size() > kMaxKeywordText)
                throw InputError(path, "column '" + c.name + "'",
                                 "a FITS header holds names, units and UCDs of at most 68 characters");
        }
        int status = 0;
        fitsfile* created = nullptr;
        // The disk-file creator: the name is a name, never CFITSIO's extended syntax.
        if (fits_create_diskfile(&created, file_.temporaryPath().c_str(), &status)) {
            if (created)
                FitsFileCloser{}(created);
            throw InputError(path, "", "cannot create the FITS file (CFITSIO: " + cfitsioText(status) + ")");
        }
        handle_.reset(created);
        fits_ = created;

        std::vector<std::string> tforms;
        std::vector<char*> names, forms, units;
        for (const ColumnInfo& c : columns_)
            tforms.emplace_back(tformOf(c.type));
        for (std::size_t i = 0; i < columns_.size(); ++i) {
            names.push_back(const_cast<char*>(columns_[i].name.c_str()));
            forms.push_back(tforms[i].data());
            units.push_back(const_cast<char*>(columns_[i].unit.c_str()));
        }
        const char* extname = options.tableName.empty() ? nullptr : options.tableName.c_str();
        if (fits_create_tbl(fits_, BINARY_TBL, 0, int(columns_.size()), names.data(), forms.data(), units.data(),
                            extname, &status))
            fail("header", status);
        bool longText = false;
        for (std::size_t i = 0; i < columns_.size(); ++i) {
            const ColumnInfo& c = columns_[i];
            const std::string n = std::to_string(i + 1);
            if (!c.ucd.empty())
                fits_write_key_str(fits_, ("TUCD" + n).c_str(), c.ucd.c_str(), "UCD of the column", &status);
            if (!c.description.empty()) {
                longText = longText || c.description.size() > kMaxKeywordText;
                fits_write_key_longstr(fits_, ("TCOMM" + n).c_str(), c.description.c_str(), "description", &status);
            }
            if (c.type == ColumnType::Integer) {
                LONGLONG null = kIntegerNull;
                fits_write_key(fits_, TLONGLONG, ("TNULL" + n).c_str(), &null, "null value", &status);
            }
            if (status)
                fail("column '" + c.name + "'", status);
        }
        if (longText)
            fits_write_key_longwarn(fits_, &status);
        if (!options.description.empty())
            fits_write_comment(fits_, options.description.c_str(), &status);
        if (status || fits_set_hdustruc(fits_, &status))
            fail("header", status);
        long optimal = 0;
        if (fits_get_rowsize(fits_, &optimal, &status))
            fail("header", status);
        blockRows_ = std::size_t(std::clamp(optimal, 1L, kMaxBlockRows));
    }

    void write(const TableChunk& chunk) override {
        checkChunkShape(columns_, chunk);
        widenTextColumns(chunk);
        for (std::size_t offset = 0; offset < chunk.rows; offset += blockRows_) {
            const std::size_t n = std::min(blockRows_, chunk.rows - offset);
            const LONGLONG first = LONGLONG(rowsWritten_ + offset) + 1;
            for (std::size_t c = 0; c < columns_.size(); ++c)
                writeColumn(c, chunk.columns[c], offset, n, first);
        }
        rowsWritten_ += chunk.rows;
    }

    void commit() override {
        int status = 0;
        fits_close_file(handle_.release(), &status);
        fits_ = nullptr;
        if (status)
            throw InputError(file_.target(), "", "cannot finish the FITS file (CFITSIO: " + cfitsioText(status) + ")");
        file_.commit();
    }

private:
    [[noreturn]] void fail(const std::string& field, int status) const {
        throw InputError(file_.target(), field, "CFITSIO: " + cfitsioText(status));
    }

    // Text columns grow (never shrink) to hold the chunk's longest value of each.
    void widenTextColumns(const TableChunk& chunk) {
        for (std::size_t c = 0; c < columns_.size(); ++c) {
            if (columns_[c].type != ColumnType::Text)
                continue;
            std::size_t longest = 0, at = 0;
            const auto& text = chunk.columns[c].text;
            for (std::size_t r = 0; r < text.size(); ++r)
                if (text[r].size() > longest) {
                    longest = text[r].size();
                    at = r;
                }
            if (longest <= width_[c])
                continue;
            if (longest > kMaxTextWidth)
                throw InputError(file_.target(),
                                 "row " + std::to_string(rowsWritten_ + at + 1) + ", column '" + columns_[c].name + "'",
                                 "a text of " + std::to_string(longest) + " bytes: FITS tables here hold at most " +
                                     std::to_string(kMaxTextWidth));
            const std::size_t width = std::min(kMaxTextWidth, std::max(longest, 2 * width_[c]));
            int status = 0;
            if (fits_modify_vector_len(fits_, int(c) + 1, LONGLONG(width), &status))
                fail("column '" + columns_[c].name + "'", status);
            width_[c] = width;
        }
    }

    void writeColumn(std::size_t c, const ColumnValues& v, std::size_t offset, std::size_t n, LONGLONG first) {
        int status = 0;
        const int number = int(c) + 1;
        switch (columns_[c].type) {
        case ColumnType::Real:
            real_.assign(v.real.begin() + std::ptrdiff_t(offset), v.real.begin() + std::ptrdiff_t(offset + n));
            for (std::size_t i = 0; i < n; ++i)
                if (isNullAt(v, offset + i))
                    real_[i] = std::numeric_limits<double>::quiet_NaN();
            fits_write_col(fits_, TDOUBLE, number, first, 1, LONGLONG(n), real_.data(), &status);
            break;
        case ColumnType::Integer:
            integer_.resize(n);
            for (std::size_t i = 0; i < n; ++i)
                integer_[i] = isNullAt(v, offset + i) ? kIntegerNull : LONGLONG(v.integer[offset + i]);
            fits_write_col(fits_, TLONGLONG, number, first, 1, LONGLONG(n), integer_.data(), &status);
            break;
        case ColumnType::Boolean: {
            logical_.resize(n);
            for (std::size_t i = 0; i < n; ++i)
                logical_[i] = isNullAt(v, offset + i) ? char(2) : char(v.integer[offset + i] != 0 ? 1 : 0);
            char null = 2; // written as the byte 0, FITS's undefined logical
            fits_write_colnull(fits_, TLOGICAL, number, first, 1, LONGLONG(n), logical_.data(), &null, &status);
            break;
        }
        case ColumnType::Text: {
            pointers_.resize(n);
            static char empty[] = "";
            for (std::size_t i = 0; i < n; ++i)
                pointers_[i] = isNullAt(v, offset + i) ? empty : const_cast<char*>(v.text[offset + i].c_str());
            fits_write_col_str(fits_, number, first, 1, LONGLONG(n), pointers_.data(), &status);
            break;
        }
        }
        if (status)
            fail("column '" + columns_[c].name + "', rows " + std::to_string(first) + "–" +
                     std::to_string(first + LONGLONG(n) - 1),
                 status);
    }

    std::vector<ColumnInfo> columns_;
    TableOutputFile file_; // destroyed after handle_ has closed the file: removes it uncommitted
    std::unique_ptr<fitsfile, FitsFileCloser> handle_;
    fitsfile* fits_ = nullptr;
    std::vector<std::size_t> width_; // characters of each text column so far
    std::size_t blockRows_ = 1;
    std::size_t rowsWritten_ = 0;
    std::vector<double> real_;
    std::vector<LONGLONG> integer_;
    std::vector<char> logical_;
    std::vector<char*> pointers_;
};

} // namespace

std::unique_ptr<TableWriter> createFitsTableWriter(const std::string& path, const std::vector<ColumnInfo>& columns,
                                                   const TableWriteOptions& options) {
    return std::make_unique<FitsTableWriter>(path, columns, options);
}

} // namespace starlocus::core::table
