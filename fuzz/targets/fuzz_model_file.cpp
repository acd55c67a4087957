// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer target: StarLocus's own model file (core/io/model_file.h) through the entry point
// every command uses (loadAnyModel), and its `training` record as `evaluate` and the GUI
// read it.
#include "fuzz/support/expected_failure.h"
#include "fuzz/support/input_file.h"
#include "fuzz/support/loaded_checks.h"

#include "core/io/model_file.h"

namespace core = starlocus::core;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string& path = starlocus::fuzz::writeInputFile("model.h5", data, size);
    starlocus::fuzz::runLoader("model_file", [&] {
        starlocus::fuzz::checkModel("model_file", core::loadAnyModel(path));
    });
    starlocus::fuzz::runLoader("model_file", [&] {
        if (const auto record = core::loadTrainingRecord(path))
            starlocus::fuzz::checkCheckpoint("model_file", *record);
    });
    return 0;
}
