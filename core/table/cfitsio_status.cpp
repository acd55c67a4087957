// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/table/cfitsio_status.h"

#include <fitsio.h>

namespace starlocus::core::table {

std::string cfitsioText(int status) {
    char text[FLEN_STATUS] = {};
    fits_get_errstatus(status, text);
    std::string out = text;
    char message[FLEN_ERRMSG] = {};
    if (fits_read_errmsg(message) && message[0])
        out += std::string(": ") + message;
    fits_clear_errmsg();
    return out;
}

} // namespace starlocus::core::table
