// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer target: the VOTable reader of the import (core/table, issue 15): TABLEDATA, BINARY
// and BINARY2 streams, plain and gzip-compressed; the readers' promises in table_checks.h.
#include "fuzz/support/expected_failure.h"
#include "fuzz/support/input_file.h"
#include "fuzz/support/table_checks.h"

#include "core/table/votable_reader.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string& path = starlocus::fuzz::writeInputFile("table.vot", data, size);
    starlocus::fuzz::runLoader("votable", [&] {
        starlocus::fuzz::readWholeTable("votable", *starlocus::core::table::openVoTable(path));
    });
    return 0;
}
