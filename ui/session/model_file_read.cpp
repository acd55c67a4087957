// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/session/model_file_read.h"

#include "core/io/hdf5_handle.h"
#include "core/io/keras_model_import.h"
#include "core/io/model_file.h"
#include "core/io/normalization_json.h"

#include <exception>

namespace starlocus::ui {

ModelFileContents readModelFile(const std::string& file, const std::string& normalizationPath) {
    std::string norm = normalizationPath;
    if (norm.empty() && core::isKerasModelFile(file))
        norm = core::findNormalizationBeside(file); // the one loadAnyModel would pick
    ModelFileContents contents{core::loadAnyModel(file, norm), norm, nullptr};
    // Read here, with the model, because HDF5 is read from one thread at a time; the
    // science views take the test split from it.
    if (!core::isKerasModelFile(file)) {
        try {
            if (auto record = core::loadTrainingRecord(file))
                contents.trainingRecord = std::make_shared<const core::TrainingCheckpoint>(std::move(*record));
        } catch (const std::exception&) {
            // A damaged record leaves the model usable; the views then show all stars.
        }
    }
    return contents;
}

bool hasModelLayout(const std::string& file) {
    try {
        if (core::isKerasModelFile(file))
            return true;
        const auto lock = core::hdf5::libraryLock();
        const core::hdf5::Handle handle = core::hdf5::openReadOnly(file);
        return core::hdf5::exists(handle.get(), "layers");
    } catch (const std::exception&) {
        return false; // the catalog reader reports what is wrong with the file
    }
}

} // namespace starlocus::ui
