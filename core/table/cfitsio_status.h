// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// CFITSIO's words for a failed call, for the messages of the FITS reader and writer.
#include <string>

namespace starlocus::core::table {

// CFITSIO's text for `status` and the messages it queued (the most useful is the first);
// the queue is cleared.
std::string cfitsioText(int status);

} // namespace starlocus::core::table
