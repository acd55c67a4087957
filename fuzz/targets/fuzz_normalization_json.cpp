// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer target: the normalisation JSON published beside the Keras model
// (core/io/normalization_json.h). What loads must be able to normalise labels.
#include "fuzz/support/expected_failure.h"
#include "fuzz/support/input_file.h"
#include "fuzz/support/loaded_checks.h"

#include "core/io/normalization_json.h"

namespace core = starlocus::core;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string& path = starlocus::fuzz::writeInputFile("normalization.json", data, size);
    starlocus::fuzz::runLoader("normalization_json", [&] {
        starlocus::fuzz::checkNormalization("normalization_json", core::readNormalizationJson(path));
    });
    return 0;
}
