// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// StarLocus's own model file (HDF5), and the one entry point that opens any model.
//   /            attrs format="starlocus-model", format_version=1, bands, origin,
//                source_file, description
//   /normalization/median, /normalization/stddev   (3 doubles each)
//   /layers/hidden_<k>, /layers/color_output, /layers/extinction
//                kernel (inputs × outputs, float64), bias (outputs), attr activation, name
// Weights are stored in double, so save → load gives bit-identical predictions.
#include "core/model/stellar_model.h"
#include "core/training/training_record.h"

#include <optional>

#include <string>

namespace starlocus::core {

// With `training`, the run's record (history, per-star results, catalog hash, and what
// continuing it needs) goes into a `training` group (format of training_checkpoint.h).
void saveModel(const std::string& path, const StellarModel& model, const TrainingCheckpoint* training = nullptr);
// The `training` group of our model file, if there is one; `notes` as for
// loadTrainingCheckpoint (e.g. no checksums).
std::optional<TrainingCheckpoint> loadTrainingRecord(const std::string& path, std::vector<std::string>* notes = nullptr);
// InputError for anything missing, out of range (non-finite weights, an implausible
// normalisation, layer sizes) or failing its checksum; a file without checksums (written
// before they existed) opens with a note in provenance().notes.
StellarModel loadStarlocusModel(const std::string& path);

// Opens our model file or a Keras file. For Keras, the normalisation comes from
// `normalizationPath`, or is looked for beside the model (InputError if not found).
StellarModel loadAnyModel(const std::string& path, const std::string& normalizationPath = {});

} // namespace starlocus::core
