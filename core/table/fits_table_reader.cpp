// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/table/fits_table_reader.h"

#include "core/common/input_error.h"
#include "core/table/cfitsio_status.h"

#include <fitsio.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <memory>
#include <string>

namespace starlocus::core::table {
namespace {

// Rows read per column call at most (CFITSIO suggests how many fit its buffers; a huge row
// count from a damaged header must not size our buffers).
constexpr long kMaxBlockRows = 1L << 16;
// The widest string column taken, 4,096 characters: wider is no catalog column, and a damaged
// TFORM ("999999999A") is refused instead of allocated.
constexpr long kMaxStringWidth = 1L << 12;
// The longest vector column expanded into scalar columns NAME[0] … NAME[n-1]: APOGEE's 7 × 7
// FPARAM_COV is 49; longer vectors (spectra, images in a cell) are skipped.
constexpr long kMaxExpandedElements = 64;

// How a column is read: the CFITSIO datatype asked for, and where the values go.
enum class Reading : std::uint8_t { Integer, ScaledInteger, Float, Logical, String };

// One column of the file, read into columns_[output] (a scalar or a string) or, for a vector
// of `repeat` values per row, into columns_[output] … columns_[output + repeat − 1].
struct FitsColumn {
    int number = 0; // 1-based
    Reading reading = Reading::Float;
    long width = 0; // characters of a string column
    std::size_t repeat = 1;
    std::size_t output = 0;
    std::string name; // the file's name (without [k]), for messages
};

// Closes the file however the reader ends, also when its constructor throws half-way.
struct FitsFileCloser {
    void operator()(fitsfile* file) const {
        int status = 0;
        fits_close_file(file, &status);
    }
};

class FitsTableReader final : public TableReader {
public:
    FitsTableReader(const std::string& path, std::optional<int> hdu) : path_(path) {
        int status = 0;
        fitsfile* opened = nullptr;
        // The disk-file opener: no extended file-name syntax, so a name with brackets or a
        // leading '!' is a file name, never a filter or an instruction to CFITSIO.
        if (fits_open_diskfile(&opened, path.c_str(), READONLY, &status)) {
            if (opened)
                FitsFileCloser{}(opened);
            throw InputError(path, "", "cannot be read as FITS (CFITSIO: " + cfitsioText(status) + ")");
        }
        handle_.reset(opened);
        file_ = opened;
        moveToTable(hdu);
        readColumns();
    }

    const std::string& path() const override { return path_; }
    TableFormat format() const override { return TableFormat::Fits; }
    const std::vector<ColumnInfo>& columns() const override { return columns_; }
    std::optional<std::size_t> rowCount() const override { return std::size_t(rows_); }
    const std::vector<SkippedColumn>& skippedColumns() const override { return skipped_; }

    bool next(TableChunk& chunk, std::size_t maxRows) override {
        chunk.firstRow = std::size_t(done_);
        chunk.rows = std::size_t(std::min<LONGLONG>(LONGLONG(maxRows), rows_ - done_));
        chunk.columns.resize(columns_.size());
        const std::size_t rows = chunk.rows;
        for (std::size_t c = 0; c < columns_.size(); ++c) {
            ColumnValues& v = chunk.columns[c];
            const ColumnType type = columns_[c].type;
            v.real.assign(type == ColumnType::Real ? rows : 0, 0.0);
            v.integer.assign(type == ColumnType::Integer || type == ColumnType::Boolean ? rows : 0, 0);
            v.text.assign(type == ColumnType::Text ? rows : 0, std::string());
            v.null.assign(rows, 0);
        }
        // Rows are stored whole, one after the other: a block of as many rows as CFITSIO's
        // buffers hold is read for every column before the next block, so each byte of the
        // file is read once (a whole chunk per column read the chunk once per column).
        for (std::size_t offset = 0; offset < rows; offset += blockRows_) {
            const LONGLONG first = done_ + LONGLONG(offset) + 1; // CFITSIO rows count from 1
            const LONGLONG n = LONGLONG(std::min(blockRows_, rows - offset));
            for (const FitsColumn& how : how_) {
                if (how.repeat == 1)
                    readColumn(how, first, n, chunk.columns[how.output], offset);
                else
                    readVector(how, first, n, chunk, offset);
            }
        }
        done_ += LONGLONG(rows);
        return rows > 0;
    }

private:
    [[noreturn]] void fail(const std::string& field, int status) const {
        if (status == END_OF_FILE || status == READ_ERROR)
            throw InputError(path_, field,
                             "the file ends before the table's last row: truncated? (CFITSIO: " + cfitsioText(status) + ")");
        throw InputError(path_, field, "CFITSIO: " + cfitsioText(status));
    }
    std::string hduField() const { return "HDU " + std::to_string(hduIndex_); }

    void moveToTable(std::optional<int> hdu) {
        int status = 0, count = 0, type = 0;
        if (fits_get_num_hdus(file_, &count, &status))
            fail("HDUs", status);
        if (hdu) {
            if (*hdu < 0 || *hdu >= count)
                throw InputError(path_, "HDU " + std::to_string(*hdu),
                                 "the file has HDUs 0 … " + std::to_string(count - 1));
            if (fits_movabs_hdu(file_, *hdu + 1, &type, &status))
                fail("HDU " + std::to_string(*hdu), status);
            if (type != BINARY_TBL && type != ASCII_TBL)
                throw InputError(path_, "HDU " + std::to_string(*hdu), "is an image, not a table");
            hduIndex_ = *hdu;
        } else {
            for (int i = 1; i <= count; ++i) {
                if (fits_movabs_hdu(file_, i, &type, &status))
                    fail("HDU " + std::to_string(i - 1), status);
                if (type == BINARY_TBL || type == ASCII_TBL) {
                    hduIndex_ = i - 1;
                    break;
                }
            }
            if (hduIndex_ < 0)
                throw InputError(path_, "", "has no table HDU (only images)");
        }
        if (fits_get_num_rowsll(file_, &rows_, &status))
            fail(hduField(), status);
        long optimal = 0;
        if (fits_get_rowsize(file_, &optimal, &status))
            fail(hduField(), status);
        blockRows_ = std::size_t(std::clamp(optimal, 1L, kMaxBlockRows));
    }

    void readColumns() {
        int status = 0, count = 0;
        if (fits_get_num_cols(file_, &count, &status))
            fail(hduField(), status);
        if (count == 0)
            throw InputError(path_, hduField(), "is a table without columns");
        for (int c = 1; c <= count; ++c) {
            ColumnInfo info;
            FitsColumn how;
            how.number = c;
            const std::string n = std::to_string(c);
            info.name = keyword("TTYPE" + n);
            if (info.name.empty())
                info.name = "col" + n; // FITS allows unnamed columns
            info.unit = keyword("TUNIT" + n);
            info.ucd = keyword("TUCD" + n);
            info.description = keyword("TCOMM" + n);
            info.fileType = keyword("TFORM" + n);
            how.name = info.name;
            const std::string field = hduField() + ", column '" + info.name + "'";
            const std::string tform = " (TFORM " + info.fileType + ")";
            int type = 0, eqType = 0;
            long repeat = 0, width = 0;
            if (fits_get_coltype(file_, c, &type, &repeat, &width, &status) ||
                fits_get_eqcoltype(file_, c, &eqType, &repeat, &width, &status))
                fail(field, status);
            // Columns a catalog cannot use are left out and listed, never a reason to refuse
            // the table: survey files carry them next to the columns that matter.
            auto skip = [&](const std::string& reason) { skipped_.push_back({info.name, reason + tform}); };
            if (type < 0) {
                skip("a variable-length array");
                continue;
            }
            if (type != TSTRING) {
                if (repeat < 1) {
                    skip("no values (a vector of length 0)");
                    continue;
                }
                if (repeat > kMaxExpandedElements && eqType != TBIT && eqType != TCOMPLEX && eqType != TDBLCOMPLEX) {
                    skip(std::to_string(repeat) + " values per row: more than " +
                         std::to_string(kMaxExpandedElements) + " are not expanded into columns");
                    continue;
                }
                how.repeat = std::size_t(repeat);
            }
            switch (eqType) {
            case TBYTE: case TSBYTE: case TSHORT: case TUSHORT: case TINT: case TUINT: case TLONG: case TULONG:
            case TLONGLONG: case TULONGLONG:
                info.type = ColumnType::Integer;
                how.reading = Reading::Integer;
                break;
            case TFLOAT: case TDOUBLE:
                info.type = ColumnType::Real;
                // An integer column scaled by TSCAL/TZERO to fractions: nulls by TNULL.
                how.reading = (type == TFLOAT || type == TDOUBLE) ? Reading::Float : Reading::ScaledInteger;
                break;
            case TLOGICAL:
                info.type = ColumnType::Boolean;
                how.reading = Reading::Logical;
                break;
            case TSTRING:
                // Binary tables: `repeat` characters of strings `width` wide (rAw): more than
                // one string per row is an array of strings.
                if (repeat > width && width > 0) {
                    skip("an array of " + std::to_string(repeat / width) + " strings");
                    continue;
                }
                info.type = ColumnType::Text;
                how.reading = Reading::String;
                how.width = std::max(1L, width);
                if (how.width > kMaxStringWidth)
                    throw InputError(path_, field,
                                     "strings of " + std::to_string(how.width) + " characters (TFORM " + info.fileType +
                                         "): more than " + std::to_string(kMaxStringWidth) + " is not a catalog column");
                break;
            case TBIT: skip("bits"); continue;
            case TCOMPLEX:
            case TDBLCOMPLEX: skip("complex values"); continue;
            default: skip("a type StarLocus cannot hold"); continue;
            }
            how.output = columns_.size();
            if (how.repeat == 1) {
                addColumn(info, field);
            } else {
                // NAME[k], 0-based in storage order (a TDIM matrix row by row as stored: APOGEE's
                // cov(Teff, log g) is FPARAM_COV[1]).
                for (std::size_t k = 0; k < how.repeat; ++k) {
                    ColumnInfo element = info;
                    element.name = info.name + "[" + std::to_string(k) + "]";
                    addColumn(element, hduField() + ", column '" + element.name + "'");
                }
            }
            how_.push_back(how);
        }
        if (columns_.empty()) {
            std::string list;
            for (const SkippedColumn& skipped : skipped_)
                list += (list.empty() ? "" : "; ") + skipped.name + ": " + skipped.reason;
            throw InputError(path_, hduField(), "has no column StarLocus can read (" + list + ")");
        }
    }

    void addColumn(const ColumnInfo& info, const std::string& field) {
        for (const ColumnInfo& other : columns_)
            if (other.name == info.name)
                throw InputError(path_, field, "the column name appears twice");
        columns_.push_back(info);
    }

    // A header keyword's string value, "" when absent; continued over CONTINUE cards (the
    // long-string convention a long TCOMM description is written in).
    std::string keyword(const std::string& name) {
        int status = 0;
        char* value = nullptr;
        if (fits_read_key_longstr(file_, name.c_str(), &value, nullptr, &status)) {
            if (value)
                fits_free_memory(value, &status);
            fits_clear_errmsg();
            return {};
        }
        std::string text = value ? value : "";
        int freed = 0;
        fits_free_memory(value, &freed);
        const std::size_t end = text.find_last_not_of(' ');
        return end == std::string::npos ? std::string() : text.substr(0, end + 1);
    }

    std::string rowsField(const FitsColumn& how, LONGLONG first, LONGLONG n) const {
        return hduField() + ", column '" + how.name + "', rows " + std::to_string(first) + "–" +
               std::to_string(first + n - 1);
    }

    // Rows [first, first + n) of a scalar or string column into v's vectors from index `at` on.
    void readColumn(const FitsColumn& how, LONGLONG first, LONGLONG n, ColumnValues& v, std::size_t at) {
        const auto count = std::size_t(n);
        int status = 0, anyNull = 0;
        auto field = [&] { return rowsField(how, first, n); };
        nulls_.assign(count, 0);
        switch (how.reading) {
        case Reading::Integer:
            if (fits_read_colnull(file_, TLONGLONG, how.number, first, 1, n, v.integer.data() + at, nulls_.data(),
                                  &anyNull, &status)) {
                if (status == NUM_OVERFLOW)
                    throw InputError(path_, field(), "a value beyond the 64-bit integer range (an unsigned 64-bit ID?)");
                fail(field(), status);
            }
            break;
        case Reading::ScaledInteger:
            if (fits_read_colnull(file_, TDOUBLE, how.number, first, 1, n, v.real.data() + at, nulls_.data(), &anyNull,
                                  &status))
                fail(field(), status);
            for (std::size_t i = 0; i < count; ++i)
                if (nulls_[i])
                    v.real[at + i] = std::numeric_limits<double>::quiet_NaN();
            break;
        case Reading::Float: {
            // NaN and ±Inf stay values: a null substitute of 0 turns CFITSIO's check for IEEE
            // specials off (with one, it took every NaN *and* ±Inf for a null).
            double noCheck = 0;
            if (fits_read_col(file_, TDOUBLE, how.number, first, 1, n, &noCheck, v.real.data() + at, &anyNull,
                              &status))
                fail(field(), status);
            std::fill(nulls_.begin(), nulls_.end(), 0);
            break;
        }
        case Reading::Logical: {
            logical_.assign(count, 0);
            if (fits_read_colnull(file_, TLOGICAL, how.number, first, 1, n, logical_.data(), nulls_.data(), &anyNull,
                                  &status))
                fail(field(), status);
            for (std::size_t i = 0; i < count; ++i)
                v.integer[at + i] = logical_[i] ? 1 : 0;
            break;
        }
        case Reading::String: {
            const std::size_t w = std::size_t(how.width) + 1;
            text_.assign(count * w, '\0');
            pointers_.resize(count);
            for (std::size_t i = 0; i < count; ++i)
                pointers_[i] = text_.data() + i * w;
            char empty[] = "";
            if (fits_read_col_str(file_, how.number, first, 1, n, empty, pointers_.data(), &anyNull, &status))
                fail(field(), status);
            for (std::size_t i = 0; i < count; ++i) {
                std::string s(pointers_[i]);
                const std::size_t end = s.find_last_not_of(' ');
                s.erase(end == std::string::npos ? 0 : end + 1); // FITS pads strings with spaces
                nulls_[i] = s.empty() ? 1 : 0;
                v.text[at + i] = std::move(s);
            }
            break;
        }
        }
        for (std::size_t i = 0; i < count; ++i)
            v.null[at + i] = nulls_[i] ? 1 : 0;
    }

    // Rows [first, first + n) of a vector column: its n × repeat values in one call (they are
    // stored row after row), spread over its element columns.
    void readVector(const FitsColumn& how, LONGLONG first, LONGLONG n, TableChunk& chunk, std::size_t at) {
        const std::size_t count = std::size_t(n), repeat = how.repeat, values = count * repeat;
        const LONGLONG elements = LONGLONG(values);
        int status = 0, anyNull = 0;
        nulls_.assign(values, 0);
        switch (how.reading) {
        case Reading::Integer:
            vectorInteger_.resize(values);
            if (fits_read_colnull(file_, TLONGLONG, how.number, first, 1, elements, vectorInteger_.data(),
                                  nulls_.data(), &anyNull, &status)) {
                if (status == NUM_OVERFLOW)
                    throw InputError(path_, rowsField(how, first, n),
                                     "a value beyond the 64-bit integer range (an unsigned 64-bit ID?)");
                fail(rowsField(how, first, n), status);
            }
            for (std::size_t i = 0; i < count; ++i)
                for (std::size_t k = 0; k < repeat; ++k)
                    chunk.columns[how.output + k].integer[at + i] = vectorInteger_[i * repeat + k];
            break;
        case Reading::ScaledInteger:
        case Reading::Float: {
            vectorReal_.resize(values);
            double noCheck = 0; // NaN and ±Inf stay values (readColumn)
            if (how.reading == Reading::Float
                    ? fits_read_col(file_, TDOUBLE, how.number, first, 1, elements, &noCheck, vectorReal_.data(),
                                    &anyNull, &status)
                    : fits_read_colnull(file_, TDOUBLE, how.number, first, 1, elements, vectorReal_.data(),
                                        nulls_.data(), &anyNull, &status))
                fail(rowsField(how, first, n), status);
            for (std::size_t j = 0; j < values; ++j)
                if (nulls_[j])
                    vectorReal_[j] = std::numeric_limits<double>::quiet_NaN();
            for (std::size_t i = 0; i < count; ++i)
                for (std::size_t k = 0; k < repeat; ++k)
                    chunk.columns[how.output + k].real[at + i] = vectorReal_[i * repeat + k];
            break;
        }
        case Reading::Logical:
            logical_.assign(values, 0);
            if (fits_read_colnull(file_, TLOGICAL, how.number, first, 1, elements, logical_.data(), nulls_.data(),
                                  &anyNull, &status))
                fail(rowsField(how, first, n), status);
            for (std::size_t i = 0; i < count; ++i)
                for (std::size_t k = 0; k < repeat; ++k)
                    chunk.columns[how.output + k].integer[at + i] = logical_[i * repeat + k] ? 1 : 0;
            break;
        case Reading::String: break; // never a vector (readColumns)
        }
        for (std::size_t i = 0; i < count; ++i)
            for (std::size_t k = 0; k < repeat; ++k)
                chunk.columns[how.output + k].null[at + i] = nulls_[i * repeat + k] ? 1 : 0;
    }

    std::string path_;
    std::unique_ptr<fitsfile, FitsFileCloser> handle_;
    fitsfile* file_ = nullptr; // handle_'s, for CFITSIO's calls
    int hduIndex_ = -1;
    LONGLONG rows_ = 0, done_ = 0;
    std::size_t blockRows_ = 1; // rows that fit CFITSIO's buffers (fits_get_rowsize)
    std::vector<ColumnInfo> columns_;
    std::vector<FitsColumn> how_; // per column of the file read, in file order
    std::vector<SkippedColumn> skipped_;
    std::vector<char> nulls_, logical_, text_;
    std::vector<LONGLONG> vectorInteger_;
    std::vector<double> vectorReal_;
    std::vector<char*> pointers_;
};

} // namespace

std::unique_ptr<TableReader> openFitsTable(const std::string& path, std::optional<int> hdu) {
    return std::make_unique<FitsTableReader>(path, hdu);
}

} // namespace starlocus::core::table
