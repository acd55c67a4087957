// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Training checkpoints (HDF5), written atomically after every iteration, and the same
// record stored in a trained model file's `training` group:
//   attrs  format="starlocus-checkpoint", config (JSON), completed_iterations,
//          learning_rate_scale, stars_processed, elapsed_seconds, catalog_hash (hex),
//          catalog_source
//   normalization/{median,stddev}; parameters, adam_m, adam_v (float32), adam_step
//   stars/{split, usable, in_use (uint8), reddening, reddening_var, chi2_dof (float64)}
//   history/epochs (N×7), history/iterations (N×8), history faults (attribute)
#include "core/io/array_checksum.h"
#include "core/training/training_record.h"

#include <hdf5.h>
#include <optional>
#include <string>
#include <vector>

namespace starlocus::core {

void saveTrainingCheckpoint(const std::string& path, const TrainingCheckpoint& checkpoint);
// InputError naming the file and the object for anything missing, inconsistent, out of
// range or failing its checksum. `notes` (optional) receives what the user should know but
// is no error: a file written before checksums ("no checksums …").
TrainingCheckpoint loadTrainingCheckpoint(const std::string& path, std::vector<std::string>* notes = nullptr);

// The same content inside an open file (the model file's `training` group). Every array
// is written with a checksum; `tally` (optional) receives which were verified on reading.
void writeTrainingRecord(hid_t group, const std::string& fileName, const TrainingCheckpoint& checkpoint);
TrainingCheckpoint readTrainingRecord(hid_t file, const std::string& fileName, const std::string& groupPath,
                                      hdf5::ChecksumTally* tally = nullptr);

std::string trainingConfigToJson(const TrainingConfig& config);
TrainingConfig trainingConfigFromJson(const std::string& json, const std::string& fileName);

} // namespace starlocus::core
