// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer target: the Keras model import (core/io/keras_model_import.h) — the HDF5 file and
// the JSON graph in its model_config attribute. The normalisation is fixed (it has a target
// of its own); a model that loads must predict finite numbers at its median labels.
#include "fuzz/support/expected_failure.h"
#include "fuzz/support/input_file.h"
#include "fuzz/support/loaded_checks.h"

#include "core/io/keras_model_import.h"

namespace core = starlocus::core;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string& path = starlocus::fuzz::writeInputFile("keras_model.h5", data, size);
    starlocus::fuzz::runLoader("keras_model", [&] {
        if (!core::isKerasModelFile(path))
            return;
        const core::LabelNormalization norm{{5500.0, 3.8, -0.2}, {800.0, 0.9, 0.35}};
        starlocus::fuzz::checkModel("keras_model", core::importKerasModel(path, norm));
    });
    return 0;
}
