// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer target: the FITS table reader of the import (core/table, issue 15) over CFITSIO;
// the readers' promises in table_checks.h, the announced row count included.
#include "fuzz/support/expected_failure.h"
#include "fuzz/support/input_file.h"
#include "fuzz/support/table_checks.h"

#include "core/table/fits_table_reader.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string& path = starlocus::fuzz::writeInputFile("table.fits", data, size);
    starlocus::fuzz::runLoader("fits_table", [&] {
        starlocus::fuzz::readWholeTable("fits_table", *starlocus::core::table::openFitsTable(path));
    });
    return 0;
}
