// SPDX-License-Identifier: GPL-3.0-or-later
#include "fuzz/seeds/fits_seed_writer.h"

#include <fitsio.h>

#include <limits>
#include <stdexcept>
#include <string>
#include <vector>

namespace starlocus::fuzz {
namespace {

void check(int status, const char* what) {
    if (status) {
        char text[FLEN_STATUS] = {};
        fits_get_errstatus(status, text);
        throw std::runtime_error(std::string("fits seed: ") + what + ": " + text);
    }
}

// A fresh file ("!" makes CFITSIO replace an old one) with an empty primary HDU.
fitsfile* create(const std::filesystem::path& path, bool image = false) {
    fitsfile* f = nullptr;
    int status = 0;
    const std::string name = "!" + path.string();
    fits_create_file(&f, name.c_str(), &status);
    long axes[2] = {2, 2};
    fits_create_img(f, image ? FLOAT_IMG : BYTE_IMG, image ? 2 : 0, axes, &status);
    if (image) {
        float pixels[4] = {1, 2, 3, 4};
        fits_write_img(f, TFLOAT, 1, 4, pixels, &status);
    }
    check(status, "create");
    return f;
}

void close(fitsfile* f) {
    int status = 0;
    fits_close_file(f, &status);
    check(status, "close");
}

void writeTypes(fitsfile* f) {
    int status = 0;
    char* names[] = {const_cast<char*>("source_id"), const_cast<char*>("g"), const_cast<char*>("plx"),
                     const_cast<char*>("vis"), const_cast<char*>("u16"), const_cast<char*>("ok"),
                     const_cast<char*>("survey"), const_cast<char*>("flux")};
    char* forms[] = {const_cast<char*>("K"), const_cast<char*>("D"), const_cast<char*>("E"), const_cast<char*>("J"),
                     const_cast<char*>("I"), const_cast<char*>("L"), const_cast<char*>("10A"), const_cast<char*>("J")};
    char* units[] = {const_cast<char*>(""), const_cast<char*>("mag"), const_cast<char*>("mas"), const_cast<char*>(""),
                     const_cast<char*>(""), const_cast<char*>(""), const_cast<char*>(""), const_cast<char*>("Jy")};
    fits_create_tbl(f, BINARY_TBL, 0, 8, names, forms, units, "XMATCH", &status);
    fits_write_key_lng(f, "TNULL4", -999, "null", &status);
    fits_write_key_lng(f, "TZERO5", 32768, "unsigned", &status);
    fits_write_key_dbl(f, "TSCAL8", 0.001, 12, "scaled", &status);
    fits_write_key_dbl(f, "TZERO8", 10.0, 12, "scaled", &status);
    fits_write_key_lng(f, "TNULL8", -999, "null", &status);
    fits_write_key_str(f, "TUCD2", "phot.mag;em.opt.G", "UCD", &status);
    fits_set_tscale(f, 5, 1.0, 32768.0, &status); // the TZERO keyword is only read at open time
    check(status, "binary table header");
    LONGLONG ids[3] = {4295806720LL, 6917528997577384320LL, 2};
    double g[3] = {15.25, std::numeric_limits<double>::quiet_NaN(), -1.5e-3};
    float plx[3] = {1.25f, -0.5f, 3.0e-7f};
    int vis[3] = {9, -999, 0};
    unsigned short u16[3] = {1, 65535, 7};
    char ok[3] = {1, 0, 1};
    const char* survey[3] = {"LAMOST DR5", "", "GALAH"};
    int flux[3] = {1000, -999, -2000};
    fits_write_col(f, TLONGLONG, 1, 1, 1, 3, ids, &status);
    fits_write_col(f, TDOUBLE, 2, 1, 1, 3, g, &status);
    fits_write_col(f, TFLOAT, 3, 1, 1, 3, plx, &status);
    fits_write_col(f, TINT, 4, 1, 1, 3, vis, &status);
    fits_write_col(f, TUSHORT, 5, 1, 1, 3, u16, &status);
    fits_write_col(f, TLOGICAL, 6, 1, 1, 3, ok, &status);
    fits_write_col(f, TSTRING, 7, 1, 1, 3, const_cast<char**>(survey), &status);
    fits_set_tscale(f, 8, 1.0, 0.0, &status); // write the stored integers as they are
    fits_write_col(f, TINT, 8, 1, 1, 3, flux, &status);
    check(status, "binary table rows");
}

} // namespace

void writeFitsSeeds(const std::filesystem::path& dir) {
    fitsfile* types = create(dir / "types.fits");
    writeTypes(types);
    close(types);

    fitsfile* behindImage = create(dir / "after_image.fits", true);
    writeTypes(behindImage);
    close(behindImage);

    fitsfile* ascii = create(dir / "ascii.fits");
    int status = 0;
    char* names[] = {const_cast<char*>("a"), const_cast<char*>("n"), const_cast<char*>("s")};
    char* forms[] = {const_cast<char*>("F8.3"), const_cast<char*>("I6"), const_cast<char*>("A5")};
    fits_create_tbl(ascii, ASCII_TBL, 0, 3, names, forms, nullptr, "ASCII", &status);
    double a[2] = {1.5, -2.25};
    int n[2] = {12, -7};
    const char* s[2] = {"ab", "cde"};
    fits_write_col(ascii, TDOUBLE, 1, 1, 1, 2, a, &status);
    fits_write_col(ascii, TINT, 2, 1, 1, 2, n, &status);
    fits_write_col(ascii, TSTRING, 3, 1, 1, 2, const_cast<char**>(s), &status);
    check(status, "ASCII table");
    close(ascii);
}

} // namespace starlocus::fuzz
