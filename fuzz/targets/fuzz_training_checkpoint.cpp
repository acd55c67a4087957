// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer target: training checkpoints (core/io/training_checkpoint.h). A checkpoint that
// loads must be resumable: its parameters fit its own layout and build the model
// Trainer::run starts from (loaded_checks.h).
#include "fuzz/support/expected_failure.h"
#include "fuzz/support/input_file.h"
#include "fuzz/support/loaded_checks.h"

#include "core/io/training_checkpoint.h"

namespace core = starlocus::core;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string& path = starlocus::fuzz::writeInputFile("checkpoint.h5", data, size);
    starlocus::fuzz::runLoader("training_checkpoint", [&] {
        starlocus::fuzz::checkCheckpoint("training_checkpoint", core::loadTrainingCheckpoint(path));
    });
    return 0;
}
