// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// How the session reads a model file: the model, the normalisation JSON it took θ_med/θ_std
// from, and (StarLocus model files) the record of its training run. The SessionLoader reads
// with it in process and the probe child (`starlocus --probe-file model FILE`) with exactly
// the same calls, so a file the probe survived is a file the loader survives.
#include "core/model/stellar_model.h"
#include "core/training/training_record.h"

#include <memory>
#include <string>

namespace starlocus::ui {

struct ModelFileContents {
    core::StellarModel model;
    std::string normalizationFile; // empty for our own model files, which carry it inside
    std::shared_ptr<const core::TrainingCheckpoint> trainingRecord; // null when none or damaged
};

// Keras .h5 (normalisation JSON from `normalizationPath`, else found beside it) or a
// StarLocus model file. Throws what core::loadAnyModel throws.
ModelFileContents readModelFile(const std::string& file, const std::string& normalizationPath);

// A model has `layers` (ours) or Keras's layout; anything else is read as a catalog.
bool hasModelLayout(const std::string& file);

} // namespace starlocus::ui
