// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer target: the CSV/ECSV table reader of the import (core/table, issue 15), plain and
// gzip-compressed, through openTable's dispatch; the readers' promises in table_checks.h.
#include "fuzz/support/expected_failure.h"
#include "fuzz/support/input_file.h"
#include "fuzz/support/table_checks.h"

#include "core/table/table_reader.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string& path = starlocus::fuzz::writeInputFile("table.ecsv", data, size);
    starlocus::fuzz::runLoader("text_table", [&] {
        starlocus::fuzz::readWholeTable("text_table", *starlocus::core::table::openTable(path));
    });
    return 0;
}
